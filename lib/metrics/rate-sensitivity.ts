import type { Series } from '../series/series';
import { missing, present } from './metric-result';
import type { MetricResult } from './metric-result';
import { pairedMoments } from './sample-statistics';
import { sharedCloses } from './shared-closes';

/** Regression of an asset's daily returns on daily changes of the 10-year yield. */
export interface RateSensitivity {
  /**
   * Slope: the asset's daily simple return (a fraction) per +1 percentage point of daily yield
   * change. −0.05 means the asset tends to lose 0.5% on a day the yield rises 10 basis points.
   */
  slope: number;
  /** Correlation (−1 to 1) of the returns with the yield changes. */
  correlation: number;
  /** Number of daily observations (shared trading days) in the regression. */
  observations: number;
  fromDate: string;
  toDate: string;
}

/**
 * {@link rateSensitivity}, or `null` and the reason: `insufficient-history` when the asset and
 * the yield share fewer than `windowDays + 1` dates up to `asOf` (e.g. a window reaching into the
 * 2021-2025 hole of the bundled ^TNX history gives `gap`), `zero-variance` when the yield or the
 * asset did not move, `invalid-input` for a window below 2.
 */
export function rateSensitivityDetailed(
  asset: Series,
  yields: Series,
  windowDays: number,
  asOf?: string,
): MetricResult<RateSensitivity> {
  if (!Number.isInteger(windowDays) || windowDays < 2) {
    return missing('invalid-input', `a window needs at least 2 observations (${windowDays})`);
  }
  const shared = sharedCloses(asset, yields, windowDays + 1, asOf, 'level');
  if (shared.value === null) return shared;
  const { a, b, dates } = shared.value;
  const returns = new Float64Array(windowDays);
  const changes = new Float64Array(windowDays);
  for (let k = 0; k < windowDays; k += 1) {
    returns[k] = (a[k + 1] as number) / (a[k] as number) - 1;
    changes[k] = (b[k + 1] as number) - (b[k] as number);
  }
  const m = pairedMoments(returns, changes);
  if (!(m.varianceY > 0) || !(m.varianceX > 0)) {
    return missing('zero-variance', 'the yield or the asset did not move over the window');
  }
  return present({
    slope: m.covariance / m.varianceY,
    correlation: Math.max(-1, Math.min(1, m.covariance / Math.sqrt(m.varianceX * m.varianceY))),
    observations: windowDays,
    fromDate: dates[0] as string,
    toDate: dates[windowDays] as string,
  });
}

/**
 * Rate sensitivity: ordinary least-squares slope of the asset's daily simple returns on the daily
 * changes of the 10-year Treasury yield, in percentage points (`yields` closes are the yield in
 * percent, as Yahoo ^TNX and FRED DGS10 give it: 4.06 = 4.06%), with their correlation, over the
 * last `windowDays` changes between consecutive dates both series have, ending at `asOf`
 * (default: the earlier of the two last dates). `null` when they do not share enough contiguous
 * dates; see {@link rateSensitivityDetailed}.
 */
export function rateSensitivity(
  asset: Series,
  yields: Series,
  windowDays: number,
  asOf?: string,
): RateSensitivity | null {
  return rateSensitivityDetailed(asset, yields, windowDays, asOf).value;
}
