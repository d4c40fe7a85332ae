import { previousYearEnd, subtractMonths } from './calendar-date';

/** A return period: calendar months back from the as-of date, or year to date. */
export type Period = '1M' | '3M' | '6M' | 'YTD' | '1Y' | '3Y' | '5Y';

/** Every period, shortest first. */
export const PERIODS: readonly Period[] = ['1M', '3M', '6M', 'YTD', '1Y', '3Y', '5Y'];

/** Length of each period in calendar months (YTD has none: it starts at the previous year end). */
export const PERIOD_MONTHS: Readonly<Record<Exclude<Period, 'YTD'>, number>> = {
  '1M': 1,
  '3M': 3,
  '6M': 6,
  '1Y': 12,
  '3Y': 36,
  '5Y': 60,
};

/** True when `value` is one of {@link PERIODS}. */
export function isPeriod(value: string): value is Period {
  return (PERIODS as readonly string[]).includes(value);
}

/**
 * Start date (`YYYY-MM-DD`, UTC calendar) of `period` ending on `asOf`: `asOf` minus the period's
 * calendar months with month-end clamping (1M before 2024-03-31 is 2024-02-29), or December 31 of
 * the previous year for YTD. The start date may be a non-trading day; returns are measured from
 * the last close on or before it.
 */
export function periodStartDate(period: Period, asOf: string): string {
  return period === 'YTD' ? previousYearEnd(asOf) : subtractMonths(asOf, PERIOD_MONTHS[period]);
}
