/**
 * The persisted shape of a daily series (columnar: one array per field, which structured-clones
 * and reads back far faster than one object per bar), and the pure conversions into it.
 */
import type { Dividend, ProviderSeries, Split } from '../providers/provider-types';
import type { Series } from '../series/series';
import type { SnapshotSeries } from '../snapshot/types';

/** One symbol's daily bars as stored. All column arrays have `dates.length` entries. */
export interface StoredSeries {
  symbol: string;
  /** Exchange-local trading days, ascending, unique. */
  dates: string[];
  open: (number | null)[];
  high: (number | null)[];
  low: (number | null)[];
  /** Quoted close; `null` where only an adjusted close is known (snapshot ETFs, Stooq, Twelve Data). */
  close: (number | null)[];
  /** Close adjusted for splits and dividends (equal to `close` for indexes and yields); never null. */
  adjClose: number[];
  volume: (number | null)[];
  splits: Split[];
  dividends: Dividend[];
  currency: string | null;
  exchangeTimezone: string | null;
  instrumentType: string | null;
  /** False when `adjClose` had to fall back to unadjusted closes (the source gave no adjusted ones). */
  adjusted: boolean;
  /** Last date, equal to the last entry of `dates`. */
  asOf: string;
}

/**
 * Converts a provider's answer. The analytics close is the provider's adjusted close, else its
 * close (which for Stooq and Twelve Data is already adjusted); rows with neither are dropped.
 * `adjusted` is false only when a raw close had to stand in for a missing adjusted one on an
 * instrument that can pay dividends.
 */
export function fromProviderSeries(series: ProviderSeries): StoredSeries {
  const out = emptyStored(series.symbol);
  let fellBack = false;
  for (const bar of series.bars) {
    const adj = bar.adjClose ?? bar.close;
    if (adj === null) continue;
    if (bar.adjClose === null && !series.closesAdjusted) fellBack = true;
    out.dates.push(bar.date);
    out.open.push(bar.open);
    out.high.push(bar.high);
    out.low.push(bar.low);
    out.close.push(series.closesAdjusted ? null : bar.close);
    out.adjClose.push(adj);
    out.volume.push(bar.volume);
  }
  const type = series.meta.instrumentType;
  out.splits = series.splits;
  out.dividends = series.dividends;
  out.currency = series.meta.currency;
  out.exchangeTimezone = series.meta.exchangeTimezone;
  out.instrumentType = type;
  out.adjusted = !fellBack || type === 'INDEX' || type === 'CURRENCY' || type === 'CRYPTOCURRENCY';
  out.asOf = out.dates.at(-1) ?? '';
  return out;
}

/**
 * Converts a bundled snapshot series. Its closes are the adjusted closes; for indexes and yields
 * (nothing to adjust) they are also the quoted closes, for ETFs and stocks the quoted close is unknown.
 */
export function fromSnapshotSeries(series: SnapshotSeries): StoredSeries {
  const out = emptyStored(series.symbol);
  const quotedIsAdjusted = series.kind === 'index' || series.kind === 'rate' || !series.adjusted;
  const n = Math.min(series.dates.length, series.closes.length);
  const nulls = (): null[] => Array.from({ length: n }, () => null);
  out.dates = series.dates.slice(0, n);
  out.adjClose = series.closes.slice(0, n);
  out.close = quotedIsAdjusted ? series.closes.slice(0, n) : nulls();
  out.open = nulls();
  out.high = nulls();
  out.low = nulls();
  out.volume = nulls();
  out.instrumentType = { index: 'INDEX', etf: 'ETF', stock: 'EQUITY', rate: 'INDEX' }[series.kind];
  out.currency = series.kind === 'rate' ? null : 'USD';
  out.exchangeTimezone = 'America/New_York';
  out.adjusted = series.adjusted;
  out.asOf = out.dates.at(-1) ?? '';
  return out;
}

/** A series with no bars, for building up. */
export function emptyStored(symbol: string): StoredSeries {
  return {
    symbol,
    dates: [],
    open: [],
    high: [],
    low: [],
    close: [],
    adjClose: [],
    volume: [],
    splits: [],
    dividends: [],
    currency: null,
    exchangeTimezone: null,
    instrumentType: null,
    adjusted: true,
    asOf: '',
  };
}

/**
 * The analytics view of a stored series (the shared `Series` contract): dates with adjusted
 * closes. The arrays are the stored ones, not copies; `adjusted: false` series fall back to
 * unadjusted closes, which the caller should say when it matters (dividends over long periods).
 */
export function toSeries(stored: StoredSeries): Series {
  return { dates: stored.dates, closes: stored.adjClose };
}
