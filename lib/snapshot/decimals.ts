/** Most decimals the snapshot keeps for any series (Yahoo files never carry more). */
export const MAX_DECIMALS = 6;

/** Significant digits kept at a series' smallest value when the source carries more precision. */
export const MIN_SIGNIFICANT_DIGITS = 5;

/**
 * Relative tolerance for "this value is really a short decimal": yfinance stores float32, so
 * 522.48 arrives as 522.47998046875; one float32 unit in the last place is 2^-23 relative.
 */
const FLOAT32_RELATIVE_TOLERANCE = 2 ** -23;

/**
 * Fewest decimals (0..`max`) at which every value is a short decimal up to float32 noise: 2 for
 * index levels written as `168.97000122070312`, 3 for yields such as `4.046000003814697`, and `max`
 * for adjusted closes, which are products of adjustment factors. Returns `max` for an empty list.
 */
export function sourceDecimals(values: readonly number[], max: number = MAX_DECIMALS): number {
  for (let decimals = 0; decimals < max; decimals++) {
    const factor = 10 ** decimals;
    const fits = values.every(
      (value) =>
        Math.abs(Math.round(value * factor) / factor - value) <=
        Math.abs(value) * FLOAT32_RELATIVE_TOLERANCE + 1e-12,
    );
    if (fits && values.length > 0) return decimals;
  }
  return max;
}

/**
 * Decimals the snapshot keeps for a series: what the source really carries (see `sourceDecimals`),
 * but no more than needed for `MIN_SIGNIFICANT_DIGITS` significant digits at the series' smallest
 * absolute value (never fewer than 2, never more than `MAX_DECIMALS`). So ^RUT keeps 1/100, ^TNX
 * 1/1000, SPY (adjusted, from 24.31) 1/1000, and AAPL (adjusted, down to 0.198) 1/100000.
 * Zero values are ignored when finding the smallest value.
 */
export function chooseDecimals(values: readonly number[]): number {
  const smallest = values.reduce(
    (min, value) => (value !== 0 && Math.abs(value) < min ? Math.abs(value) : min),
    Infinity,
  );
  const forSignificance =
    smallest === Infinity ? 2 : MIN_SIGNIFICANT_DIGITS - 1 - Math.floor(Math.log10(smallest));
  const wanted = Math.min(MAX_DECIMALS, Math.max(2, forSignificance));
  return Math.min(sourceDecimals(values), wanted);
}
