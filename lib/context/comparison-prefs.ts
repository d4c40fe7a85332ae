import type { Period } from '../metrics/period';

/**
 * `price`: index levels as quoted; `total-return`: dividends reinvested, through the fund that
 * tracks each index (see `chooseSeries`).
 */
export type ReturnBasisPref = 'price' | 'total-return';

/** Period of a rebased chart: a return period, or `max` for all the history the lines share. */
export type ChartPeriodPref = Period | 'max';

/** What the user chose to compare against, and how. */
export interface ComparisonPrefs {
  /** Benchmark symbols besides the Russell 2000 (which is always shown), e.g. `^GSPC`. */
  benchmarks: string[];
  /** Return periods shown, in the order given. */
  periods: Period[];
  /** Realized-volatility window in trading days (63 ≈ 3 months). */
  volatilityWindow: number;
  /** Returns as price or total return (default `price`). */
  returnBasis?: ReturnBasisPref;
  /** Period of the dashboard's rebased chart (default `1Y`). */
  chartPeriod?: ChartPeriodPref;
}

/** Defaults: S&P 500 and Nasdaq Composite; 1M, 3M, YTD, 1Y; 63-trading-day volatility. */
export const DEFAULT_COMPARISON_PREFS: Readonly<ComparisonPrefs> = Object.freeze<ComparisonPrefs>({
  benchmarks: ['^GSPC', '^IXIC'],
  periods: ['1M', '3M', 'YTD', '1Y'],
  volatilityWindow: 63,
});

/** Beta and correlation window in trading days (one year). */
export const BETA_WINDOW_DAYS = 252;

/** Rate-sensitivity window in trading days (about three months; the bundled ^TNX has a 2021-2025 hole). */
export const RATE_SENSITIVITY_WINDOW_DAYS = 63;
