import type { Series } from '../series/series';
import { lastDate } from './as-of';
import type { MissingReason } from './metric-result';
import { periodReturnDetailed } from './period-return';
import type { Period } from './period';

/** Returns of an asset and a benchmark over one period, all fractions (0.05 = 5%). */
export interface RelativePerformance {
  /** The asset's simple return, or `null` when it cannot be computed. */
  asset: number | null;
  /** The benchmark's simple return, or `null`. */
  benchmark: number | null;
  /** `asset − benchmark` (difference of returns), or `null` when either is missing. */
  excess: number | null;
  /** `(1 + asset) / (1 + benchmark) − 1` (the change of the asset/benchmark price ratio), or `null`. */
  ratio: number | null;
}

/** {@link RelativePerformance} with the common as-of date and why a side is missing. */
export interface RelativePerformanceDetailed extends RelativePerformance {
  /** The one date both returns end on (or before, on their own last trading day), or `null`. */
  asOf: string | null;
  assetReason?: MissingReason;
  assetDetail?: string;
  benchmarkReason?: MissingReason;
  benchmarkDetail?: string;
}

/**
 * {@link relativePerformance} plus the as-of date used and, for a missing side, the reason
 * reported by {@link periodReturnDetailed}.
 */
export function relativePerformanceDetailed(
  asset: Series,
  benchmark: Series,
  period: Period,
  asOf?: string,
): RelativePerformanceDetailed {
  const assetLast = lastDate(asset);
  const benchmarkLast = lastDate(benchmark);
  const common =
    asOf ??
    (assetLast !== null && benchmarkLast !== null
      ? assetLast < benchmarkLast
        ? assetLast
        : benchmarkLast
      : (assetLast ?? benchmarkLast ?? undefined));
  const a = periodReturnDetailed(asset, period, common);
  const b = periodReturnDetailed(benchmark, period, common);
  const assetReturn = a.value?.value ?? null;
  const benchmarkReturn = b.value?.value ?? null;
  const both = assetReturn !== null && benchmarkReturn !== null;
  return {
    asset: assetReturn,
    benchmark: benchmarkReturn,
    excess: both ? assetReturn - benchmarkReturn : null,
    ratio: both ? (1 + assetReturn) / (1 + benchmarkReturn) - 1 : null,
    asOf: common ?? null,
    ...(a.value === null ? { assetReason: a.reason, assetDetail: a.detail } : {}),
    ...(b.value === null ? { benchmarkReason: b.reason, benchmarkDetail: b.detail } : {}),
  };
}

/**
 * Performance of `asset` relative to `benchmark` over `period`, both measured by
 * {@link periodReturn} on the same as-of date: `asOf` when given, otherwise the earlier of the two
 * series' last dates (so figures from different dates are never compared). Fractions throughout:
 * `excess = asset − benchmark`, `ratio = (1 + asset) / (1 + benchmark) − 1`. A side that cannot
 * be computed is `null`, and so are `excess` and `ratio`.
 */
export function relativePerformance(
  asset: Series,
  benchmark: Series,
  period: Period,
  asOf?: string,
): RelativePerformance {
  const {
    asset: a,
    benchmark: b,
    excess,
    ratio,
  } = relativePerformanceDetailed(asset, benchmark, period, asOf);
  return { asset: a, benchmark: b, excess, ratio };
}
