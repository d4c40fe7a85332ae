/**
 * The normalized shape every market-data provider's response is turned into, whatever its wire
 * format. Prices are in the instrument's quoting currency; dates are exchange-local trading days.
 */

/** Identifies a provider in fallback order, rate-limit state and fetch metadata. */
export type ProviderId = 'yahoo' | 'stooq' | 'twelvedata';

/** One daily bar. Any field a provider leaves out (or sends as `null`) is `null` here. */
export interface Bar {
  /** Exchange-local trading day, `YYYY-MM-DD`. */
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  /** The close as quoted that day (split-adjusted only, as Yahoo does), or `null` when unknown. */
  close: number | null;
  /** Close adjusted for splits and dividends, or `null` when the provider gives none. */
  adjClose: number | null;
  /** Shares (or contracts) traded; `null` when unknown. */
  volume: number | null;
}

/** A stock split effective on `date`: `numerator` new shares for `denominator` old ones. */
export interface Split {
  date: string;
  numerator: number;
  denominator: number;
}

/** A cash dividend per share, in the quoting currency, with its ex-date. */
export interface Dividend {
  date: string;
  amount: number;
}

/** What the provider says about the instrument; every field may be missing. */
export interface SeriesMeta {
  /** ISO currency code (`USD`, `EUR`); `null` when the provider does not say. */
  currency: string | null;
  /** IANA time zone of the exchange (`America/New_York`). */
  exchangeTimezone: string | null;
  /** Last regular-session price, which may be more recent than the last bar's close. */
  regularMarketPrice: number | null;
  /** When `regularMarketPrice` was set, epoch milliseconds. */
  regularMarketTime: number | null;
  /** Provider's instrument type (`EQUITY`, `ETF`, `INDEX`, `MUTUALFUND`, ...). */
  instrumentType: string | null;
}

/**
 * A provider's answer for one symbol, normalized and checked (see `providerSeriesProblem`): `bars`
 * are ascending by date, dates unique, every price positive and finite.
 */
export interface ProviderSeries {
  /** The app's (Yahoo-style) symbol that was asked for, not the provider's spelling. */
  symbol: string;
  bars: Bar[];
  meta: SeriesMeta;
  splits: Split[];
  dividends: Dividend[];
  /**
   * True when `close` is already adjusted for splits and dividends (Stooq's CSV, Twelve Data with
   * `adjust=all`), so it is not a quoted price and `adjClose` carries the same value.
   */
  closesAdjusted: boolean;
  /**
   * Dates of bars dropped as bad prints (a jump away and straight back, see `plausibility.ts`),
   * ascending; empty when none were.
   */
  badPrints: string[];
}
