import { PERIODS } from '../metrics/period';
import type { Period } from '../metrics/period';

/** Calendar length of each period for ordering (YTD counts as its longest, 12 months). */
const ORDER: Readonly<Record<Period, number>> = {
  '1M': 1,
  '3M': 3,
  '6M': 6,
  YTD: 11.5,
  '1Y': 12,
  '3Y': 36,
  '5Y': 60,
};

/** `periods` without duplicates, longest first (YTD just below 1Y). */
export function longestPeriodFirst(periods: readonly Period[]): Period[] {
  return [...new Set(periods)].toSorted((a, b) => ORDER[b] - ORDER[a]);
}

/** The union of `a` and `b` in the canonical order of {@link PERIODS}. */
export function unionOfPeriods(a: readonly Period[], b: readonly Period[]): Period[] {
  return PERIODS.filter((p) => a.includes(p) || b.includes(p));
}
