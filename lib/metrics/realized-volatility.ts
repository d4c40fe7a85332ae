import type { Series } from '../series/series';
import { resolveAsOfIndex } from './as-of';
import { epochDay } from './calendar-date';
import { MAX_GAP_CALENDAR_DAYS, missing, present } from './metric-result';
import type { MetricResult } from './metric-result';
import { sampleStandardDeviation } from './sample-statistics';
import type { WindowedValue } from './windowed-value';

/** Trading days per year used to annualize daily statistics. */
export const TRADING_DAYS_PER_YEAR = 252;

/**
 * {@link realizedVolatility} with its window, or `null` and the reason: `invalid-input` when
 * `windowDays` is not an integer ≥ 2 or a close is not positive, `insufficient-history` when the
 * series has fewer than `windowDays + 1` closes up to `asOf`, `gap` when two consecutive closes in
 * the window are more than {@link MAX_GAP_CALENDAR_DAYS} calendar days apart, plus the as-of
 * reasons of {@link resolveAsOfIndex}.
 */
export function realizedVolatilityDetailed(
  series: Series,
  windowDays: number,
  asOf?: string,
): MetricResult<WindowedValue> {
  if (!Number.isInteger(windowDays) || windowDays < 2) {
    return missing('invalid-input', `a volatility window needs at least 2 returns (${windowDays})`);
  }
  const end = resolveAsOfIndex(series, asOf);
  if (end.value === null) return end;
  const first = end.value - windowDays;
  if (first < 0) {
    return missing(
      'insufficient-history',
      `${end.value} daily returns up to ${series.dates[end.value]}; ${windowDays} are needed`,
    );
  }
  const { dates, closes } = series;
  const logReturns = new Float64Array(windowDays);
  const day = epochDay; // one lookup for the loop
  const maxGap = MAX_GAP_CALENDAR_DAYS;
  let previousDay = day(dates[first] as string);
  for (let k = 0; k < windowDays; k += 1) {
    const before = closes[first + k];
    const after = closes[first + k + 1];
    if (!(before !== undefined && before > 0 && before < Infinity)) {
      return missing('invalid-input', `the close on ${dates[first + k]} is not a positive number`);
    }
    if (!(after !== undefined && after > 0 && after < Infinity)) {
      return missing(
        'invalid-input',
        `the close on ${dates[first + k + 1]} is not a positive number`,
      );
    }
    const to = dates[first + k + 1] as string;
    const toDay = day(to);
    if (toDay - previousDay > maxGap) {
      return missing('gap', `no close between ${dates[first + k]} and ${to}`);
    }
    previousDay = toDay;
    logReturns[k] = Math.log(after / before);
  }
  return present({
    value: sampleStandardDeviation(logReturns) * Math.sqrt(TRADING_DAYS_PER_YEAR),
    observations: windowDays,
    fromDate: dates[first] as string,
    toDate: dates[end.value] as string,
  });
}

/**
 * Annualized realized volatility as a fraction (0.25 = 25% a year): the sample standard deviation
 * (n − 1) of the last `windowDays` daily log returns ending at the last close on or before `asOf`
 * (default: the last close), times √252. `windowDays` counts trading days (returns between
 * consecutive closes of the series). Identical closes give 0. `null` when the window does not fit
 * or has a hole; the reason is given by {@link realizedVolatilityDetailed}.
 */
export function realizedVolatility(
  series: Series,
  windowDays: number,
  asOf?: string,
): number | null {
  return realizedVolatilityDetailed(series, windowDays, asOf).value?.value ?? null;
}
