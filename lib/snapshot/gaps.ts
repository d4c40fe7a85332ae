import { dayNumber } from './iso-day';

/**
 * Longest run of calendar days between two consecutive closes that ordinary market closures
 * produce: a long weekend gives 4, the NYSE's 2001-09-11 closure 7 (Sep 10 -> Sep 17).
 */
export const MAX_ORDINARY_CLOSURE_DAYS = 7;

/**
 * Stretches with no close that are longer than ordinary market closures: each gap is given by the
 * last date with a close before it (`from`) and the first date with a close after it (`to`), both
 * present in `dates`. `dates` must be ascending `YYYY-MM-DD`; returns `[]` for fewer than 2 dates.
 * Gaps are reported, never filled.
 *
 * @param maxCalendarDays largest calendar-day step between consecutive closes not counted as a gap
 */
export function findGaps(
  dates: readonly string[],
  maxCalendarDays: number = MAX_ORDINARY_CLOSURE_DAYS,
): { from: string; to: string }[] {
  const gaps: { from: string; to: string }[] = [];
  for (let i = 1; i < dates.length; i++) {
    const from = dates[i - 1] as string;
    const to = dates[i] as string;
    if (dayNumber(to) - dayNumber(from) > maxCalendarDays) gaps.push({ from, to });
  }
  return gaps;
}
