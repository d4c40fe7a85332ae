/**
 * Why a metric has no value. Metrics never return `NaN` or `Infinity`; they return `null` and,
 * through their `...Detailed` variant, one of these reasons.
 * - `empty-series`: the series has no points.
 * - `invalid-input`: a malformed date, a window shorter than the statistic needs, a close that is
 *   not a finite positive number, or dates and closes of different lengths.
 * - `as-of-before-start`: `asOf` (or the range asked for) is earlier than the first date.
 * - `insufficient-history`: the series (or the dates two series share) does not reach back far
 *   enough for the period or window.
 * - `stale`: the last close on or before `asOf` is more than {@link MAX_GAP_CALENDAR_DAYS} calendar
 *   days older than `asOf` (the series ended, or stopped, before the date asked for).
 * - `gap`: two consecutive closes used by the metric are more than {@link MAX_GAP_CALENDAR_DAYS}
 *   calendar days apart, so a "daily" return would span a missing stretch.
 * - `zero-variance`: a denominator variance is zero (identical closes), so beta or a correlation
 *   is undefined.
 */
export type MissingReason =
  | 'empty-series'
  | 'invalid-input'
  | 'as-of-before-start'
  | 'insufficient-history'
  | 'stale'
  | 'gap'
  | 'zero-variance';

/** A metric's value, or `null` with the reason and a short English explanation for the UI. */
export type MetricResult<T> =
  | { value: T; reason?: undefined; detail?: undefined }
  | { value: null; reason: MissingReason; detail: string };

/**
 * Longest tolerated stretch, in calendar days, between two consecutive closes, or between `asOf`
 * and the close used for it: 7, the longest ordinary market closure (2001-09-10 to 2001-09-17);
 * anything longer is a hole in the data. The snapshot's gap report (`findGaps`) uses the same
 * bound, so a gap it lists is a gap here.
 */
export const MAX_GAP_CALENDAR_DAYS = 7;

/** Builds the `null` result for `reason`. */
export function missing<T>(reason: MissingReason, detail: string): MetricResult<T> {
  return { value: null, reason, detail };
}

/** Builds the present result for `value`. */
export function present<T>(value: T): MetricResult<T> {
  return { value };
}
