import { unavailable, known } from './figure';
import type { Figure } from './figure';
import type { PricedSeries } from './priced-series';

/**
 * The symbol's latest daily close and its change from the close before: what a reader expects in
 * a quote line, but a close of a past session, never a live price.
 */
export interface LastClose {
  /** Close on `date`, in the listing's currency. */
  close: number;
  /** The session the close belongs to (`YYYY-MM-DD`). */
  date: string;
  /** The close of the session before, or `null` when the series has a single close. */
  previousClose: number | null;
  previousDate: string | null;
  /** `close / previousClose − 1` as a fraction (0.008 = +0.8%), or `null`. */
  change: number | null;
  /** `close − previousClose`, in the listing's currency, or `null`. */
  changeAmount: number | null;
  /**
   * `quoted` when both closes are the exchange's quoted closes; `adjusted` when one of them is
   * only known adjusted for dividends (the last close is the quoted one either way, since
   * adjustments scale earlier closes; the change then counts an ex-dividend day's dividend).
   */
  basis: 'quoted' | 'adjusted';
}

/**
 * The last close of `series` (its own last date, which can be later than a comparison's common
 * as-of date) and the change from the close before it. `quoted[i]`, when given, is the quoted
 * close on `series.dates[i]` (`null` where unknown); otherwise the series' closes (adjusted) are
 * used. Missing when the series is empty or its closes are not positive and finite.
 */
export function lastCloseFigure(
  series: PricedSeries,
  quoted?: readonly (number | null)[],
): Figure<LastClose> {
  const n = Math.min(series.dates.length, series.closes.length);
  const date = series.dates[n - 1];
  if (n === 0 || date === undefined) return unavailable(`no closes for ${series.symbol}`, null);
  const pick = (i: number): { value: number; quoted: boolean } | null => {
    const q = quoted?.[i];
    if (typeof q === 'number' && Number.isFinite(q) && q > 0) return { value: q, quoted: true };
    const a = series.closes[i];
    return typeof a === 'number' && Number.isFinite(a) && a > 0
      ? { value: a, quoted: false }
      : null;
  };
  const last = pick(n - 1);
  if (last === null) {
    return unavailable(`the last close of ${series.symbol} is not a price`, date, series.source);
  }
  // Compare like with like: both quoted when both are known, else both adjusted.
  let before = n > 1 ? pick(n - 2) : null;
  let lastValue = last.value;
  let basis: LastClose['basis'] = 'quoted';
  if (before !== null && last.quoted !== before.quoted) {
    const adjLast = series.closes[n - 1];
    const adjBefore = series.closes[n - 2];
    if (
      typeof adjLast === 'number' &&
      typeof adjBefore === 'number' &&
      adjLast > 0 &&
      adjBefore > 0
    ) {
      lastValue = last.value;
      before = { value: adjBefore * (last.value / adjLast), quoted: false };
    } else {
      before = null;
    }
  }
  if (!last.quoted || (before !== null && !before.quoted)) basis = 'adjusted';
  const previousClose = before?.value ?? null;
  return known(
    {
      close: lastValue,
      date,
      previousClose,
      previousDate: before === null ? null : (series.dates[n - 2] ?? null),
      change: previousClose === null ? null : lastValue / previousClose - 1,
      changeAmount: previousClose === null ? null : lastValue - previousClose,
      basis,
    },
    date,
    series.source,
  );
}
