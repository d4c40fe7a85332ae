/**
 * Russell 2000 analytics: pure functions over adjusted daily series. Returns are fractions
 * (0.05 = 5%); windows count trading days (closes in the series); missing data gives `null`
 * (plain functions) or `{ value: null, reason, detail }` (`...Detailed` functions), never `NaN`.
 */
export type { Series } from '../series/series';
export {
  addCalendarDays,
  calendarDaysBetween,
  epochDay,
  isIsoDate,
  previousYearEnd,
  subtractMonths,
} from './calendar-date';
export { indexOnOrAfter, indexOnOrBefore } from './lookup';
export { MAX_GAP_CALENDAR_DAYS } from './metric-result';
export type { MetricResult, MissingReason } from './metric-result';
export { PERIODS, PERIOD_MONTHS, isPeriod, periodStartDate } from './period';
export type { Period } from './period';
export { lastDate, resolveAsOfIndex } from './as-of';
export { periodReturn, periodReturnDetailed } from './period-return';
export type { PeriodReturnValue } from './period-return';
export { relativePerformance, relativePerformanceDetailed } from './relative-performance';
export type { RelativePerformance, RelativePerformanceDetailed } from './relative-performance';
export type { WindowedValue } from './windowed-value';
export {
  TRADING_DAYS_PER_YEAR,
  realizedVolatility,
  realizedVolatilityDetailed,
} from './realized-volatility';
export {
  beta,
  betaDetailed,
  coMovementDetailed,
  correlation,
  correlationDetailed,
} from './beta-correlation';
export type { CoMovement } from './beta-correlation';
export { sharedCloses } from './shared-closes';
export type { SharedCloses } from './shared-closes';
export {
  currentDrawdown,
  currentDrawdownDetailed,
  maxDrawdown,
  maxDrawdownDetailed,
} from './drawdown';
export type { CurrentDrawdown, MaxDrawdown } from './drawdown';
export { rateSensitivity, rateSensitivityDetailed } from './rate-sensitivity';
export type { DatedValues } from './dated-values';
export { rollingVolatility } from './rolling-volatility';
export { drawdownCurve } from './drawdown-curve';
export type { RateSensitivity } from './rate-sensitivity';
