import type { Series } from '../series/series';
import { missing, present } from './metric-result';
import type { MetricResult } from './metric-result';
import { pairedMoments } from './sample-statistics';
import type { PairedMoments } from './sample-statistics';
import { sharedCloses } from './shared-closes';
import type { WindowedValue } from './windowed-value';

interface PairedReturns {
  moments: PairedMoments;
  fromDate: string;
  toDate: string;
}

/**
 * Moments of the last `windowDays` daily simple returns of `asset` (x) and `benchmark` (y)
 * computed between consecutive shared dates.
 */
function pairedReturns(
  asset: Series,
  benchmark: Series,
  windowDays: number,
  asOf: string | undefined,
): MetricResult<PairedReturns> {
  if (!Number.isInteger(windowDays) || windowDays < 2) {
    return missing('invalid-input', `a window needs at least 2 returns (${windowDays})`);
  }
  const shared = sharedCloses(asset, benchmark, windowDays + 1, asOf);
  if (shared.value === null) return shared;
  const { a, b, dates } = shared.value;
  const x = new Float64Array(windowDays);
  const y = new Float64Array(windowDays);
  for (let k = 0; k < windowDays; k += 1) {
    x[k] = (a[k + 1] as number) / (a[k] as number) - 1;
    y[k] = (b[k + 1] as number) / (b[k] as number) - 1;
  }
  return present({
    moments: pairedMoments(x, y),
    fromDate: dates[0] as string,
    toDate: dates[windowDays] as string,
  });
}

/**
 * {@link beta} with its window, or `null` and the reason: `zero-variance` when the benchmark's
 * returns are all equal, `insufficient-history` when the two series share fewer than
 * `windowDays + 1` dates up to `asOf`, `gap` / `stale` for holes in the shared dates,
 * `invalid-input` for a window below 2 or a non-positive close.
 */
export function betaDetailed(
  asset: Series,
  benchmark: Series,
  windowDays: number,
  asOf?: string,
): MetricResult<WindowedValue> {
  const paired = pairedReturns(asset, benchmark, windowDays, asOf);
  if (paired.value === null) return paired;
  const { moments, fromDate, toDate } = paired.value;
  if (!(moments.varianceY > 0)) {
    return missing('zero-variance', 'the benchmark did not move over the window');
  }
  return present({
    value: moments.covariance / moments.varianceY,
    observations: windowDays,
    fromDate,
    toDate,
  });
}

/**
 * Beta of `asset` to `benchmark` (a plain number, 1 = moves with the benchmark): sample (n − 1)
 * covariance of their daily simple returns divided by the benchmark's sample variance, over the
 * last `windowDays` returns. Returns are computed between consecutive dates both series have
 * (inner join on dates, so different holidays do not misalign them), ending at `asOf` (default:
 * the earlier of the two last dates). `windowDays` counts those shared trading days. `null` when
 * the benchmark's variance is zero or the window does not fit; see {@link betaDetailed}.
 */
export function beta(
  asset: Series,
  benchmark: Series,
  windowDays: number,
  asOf?: string,
): number | null {
  return betaDetailed(asset, benchmark, windowDays, asOf).value?.value ?? null;
}

/**
 * {@link correlation} with its window, or `null` and the reason (`zero-variance` when either
 * series did not move; otherwise as {@link betaDetailed}).
 */
export function correlationDetailed(
  asset: Series,
  benchmark: Series,
  windowDays: number,
  asOf?: string,
): MetricResult<WindowedValue> {
  const paired = pairedReturns(asset, benchmark, windowDays, asOf);
  if (paired.value === null) return paired;
  const { moments, fromDate, toDate } = paired.value;
  if (!(moments.varianceX > 0) || !(moments.varianceY > 0)) {
    return missing('zero-variance', 'a series did not move over the window');
  }
  const r = moments.covariance / Math.sqrt(moments.varianceX * moments.varianceY);
  // Rounding can push a perfect correlation a hair past ±1.
  return present({
    value: Math.max(-1, Math.min(1, r)),
    observations: windowDays,
    fromDate,
    toDate,
  });
}

/**
 * Pearson correlation (−1 to 1) of the daily simple returns of `asset` and `benchmark` over the
 * last `windowDays` returns between consecutive shared dates, ending at `asOf`; same window rules
 * as {@link beta}. `null` when either series did not move or the window does not fit.
 */
export function correlation(
  asset: Series,
  benchmark: Series,
  windowDays: number,
  asOf?: string,
): number | null {
  return correlationDetailed(asset, benchmark, windowDays, asOf).value?.value ?? null;
}

/** Beta and correlation of one pair over one window, each with its own result. */
export interface CoMovement {
  beta: MetricResult<WindowedValue>;
  correlation: MetricResult<WindowedValue>;
}

/**
 * {@link betaDetailed} and {@link correlationDetailed} from one pass over the shared dates (the
 * card shows both; this halves the join). Same definitions, windows and reasons.
 */
export function coMovementDetailed(
  asset: Series,
  benchmark: Series,
  windowDays: number,
  asOf?: string,
): CoMovement {
  const paired = pairedReturns(asset, benchmark, windowDays, asOf);
  if (paired.value === null) return { beta: paired, correlation: paired };
  const { moments, fromDate, toDate } = paired.value;
  const window = { observations: windowDays, fromDate, toDate };
  const benchmarkMoves = moments.varianceY > 0;
  const bothMove = benchmarkMoves && moments.varianceX > 0;
  const r = moments.covariance / Math.sqrt(moments.varianceX * moments.varianceY);
  return {
    beta: benchmarkMoves
      ? present({ value: moments.covariance / moments.varianceY, ...window })
      : missing('zero-variance', 'the benchmark did not move over the window'),
    correlation: bothMove
      ? present({ value: Math.max(-1, Math.min(1, r)), ...window })
      : missing('zero-variance', 'a series did not move over the window'),
  };
}
