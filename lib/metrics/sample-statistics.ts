/** Sample (n − 1) moments of two equally long samples. */
export interface PairedMoments {
  meanX: number;
  meanY: number;
  varianceX: number;
  varianceY: number;
  covariance: number;
}

/**
 * Sample means, variances and covariance (denominator n − 1) of `x` and `y`, which must have the
 * same length n ≥ 2. Two passes (means first) for accuracy on returns, which are small numbers
 * around a small mean.
 */
export function pairedMoments(x: ArrayLike<number>, y: ArrayLike<number>): PairedMoments {
  const n = x.length;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < n; i += 1) {
    sumX += x[i] as number;
    sumY += y[i] as number;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (x[i] as number) - meanX;
    const dy = (y[i] as number) - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return {
    meanX,
    meanY,
    varianceX: sxx / (n - 1),
    varianceY: syy / (n - 1),
    covariance: sxy / (n - 1),
  };
}

/** Sample (n − 1) standard deviation of `x` (length n ≥ 2). */
export function sampleStandardDeviation(x: ArrayLike<number>): number {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += x[i] as number;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i += 1) {
    const d = (x[i] as number) - mean;
    squares += d * d;
  }
  return Math.sqrt(squares / (n - 1));
}
