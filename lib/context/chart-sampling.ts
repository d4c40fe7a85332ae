/**
 * Which points of a long daily curve a chart keeps. A canvas 400 pixels wide shows no more than a
 * few hundred points; sending ten thousand to the popup costs time and memory for nothing.
 */

/**
 * Indices of at most `maxPoints` of `n` points (all when `n ≤ maxPoints`), ascending, always
 * with the first and the last. `even` spreads them evenly (fine for smooth curves); `lowest`
 * splits the range into equal buckets and keeps each bucket's lowest value of `values`
 * (a drawdown curve then keeps its troughs; `null` values are never preferred), `highest` its
 * highest (a volatility curve keeps its peaks). Indices in
 * `keep` (markers) are added on top, so the result can exceed `maxPoints` by their number.
 */
export function sampleIndices(
  n: number,
  maxPoints: number,
  mode: 'even' | 'lowest' | 'highest' = 'even',
  values: readonly (number | null)[] = [],
  keep: readonly number[] = [],
): number[] {
  const picks = new Set<number>();
  if (n <= maxPoints || maxPoints < 2) {
    for (let i = 0; i < n; i += 1) picks.add(i);
  } else if (mode === 'even') {
    for (let i = 0; i < maxPoints; i += 1) picks.add(Math.round((i * (n - 1)) / (maxPoints - 1)));
  } else {
    picks.add(0);
    picks.add(n - 1);
    const sign = mode === 'highest' ? -1 : 1;
    const buckets = maxPoints - 2;
    for (let b = 0; b < buckets; b += 1) {
      const from = 1 + Math.floor((b * (n - 2)) / buckets);
      const to = 1 + Math.floor(((b + 1) * (n - 2)) / buckets);
      let best = from;
      for (let i = from; i < to; i += 1) {
        const v = values[i];
        const current = values[best];
        if (
          v !== null &&
          v !== undefined &&
          (current === null || current === undefined || sign * v < sign * current)
        ) {
          best = i;
        }
      }
      if (from < to) picks.add(best);
    }
  }
  for (const k of keep) if (k >= 0 && k < n) picks.add(k);
  return [...picks].toSorted((a, b) => a - b);
}

/** `value` rounded to `digits` decimals (`null` stays `null`): chart values need no more. */
export function roundTo(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
