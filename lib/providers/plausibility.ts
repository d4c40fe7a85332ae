/**
 * What a provider's numbers must look like before they may reach the cache: the bounds every
 * price, volume and timestamp must hold, and the one rule that judges a series as a whole, the
 * bad-print rule. Pure.
 *
 * The bad-print rule: a run of at most {@link BAD_PRINT_MAX_RUN} bars, every one of them more
 * than a factor of {@link BAD_PRINT_FACTOR} (up or down) away from both the bar before the run and
 * the bar after it, where the series is back within that factor of where it was, is a bad print
 * (a decimal shift, pence for pounds, a 1e300), and its bars are dropped. A jump that does not
 * come back, or comes back only part of the way, is a real move and is kept, however large: a crash (the largest daily moves in the real
 * histories under test/fixtures/prices are x1.26 for the S&P 500 on 1987-10-19, x1.17 for the
 * Russell 2000 on 2020-03-16, x1.5 for NVDA in 2004 and the 10-year yield in March 2020), or a
 * split in an unadjusted close (10:1 is a x0.1 step that stays). At either end of a series, where
 * nothing can come back, a run of at most {@link BAD_PRINT_MAX_RUN} bars is dropped only when
 * its jump exceeds {@link EDGE_FACTOR} (at the start: from the median of the first bars, of which
 * the run must be fewer than half); a smaller jump on the last bar is kept until a later bar
 * says whether it lasts (the next fetch covers it again and the rule runs again).
 */

/** Largest price accepted, in any quoting currency (BRK-A trades near 7e5, IDR and VND stocks near 1e5). */
export const MAX_PRICE = 1e9;
/** Largest daily volume accepted (shares, contracts, or USD for Yahoo's crypto pairs, near 1e11). */
export const MAX_VOLUME = 1e15;
/** A run this far (or farther) from the bars on both sides of it is a bad print. */
export const BAD_PRINT_FACTOR = 5;
/** Longest run of bars treated as one bad print (a trading week). */
export const BAD_PRINT_MAX_RUN = 5;
/** At the first or last bars, only jumps beyond this factor are dropped. */
export const EDGE_FACTOR = 100;

/** Earliest timestamp accepted, epoch seconds (1850-01-01 UTC; Yahoo's oldest series start in 1927). */
export const MIN_EPOCH_SECONDS = Date.UTC(1850, 0, 1) / 1000;
/** Latest timestamp accepted, epoch seconds (2200-01-01 UTC; the cache also rejects future dates). */
export const MAX_EPOCH_SECONDS = Date.UTC(2200, 0, 1) / 1000;
/** Largest UTC offset, seconds (real ones run from -12 h to +14 h). */
export const MAX_GMT_OFFSET_SECONDS = 18 * 3600;

/** A price that may be stored: finite, above zero and at most {@link MAX_PRICE}; anything else is `null`. */
export function cleanPrice(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 && x <= MAX_PRICE ? x : null;
}

/** A volume that may be stored: finite, zero or more, at most {@link MAX_VOLUME}; anything else is `null`. */
export function cleanVolume(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= MAX_VOLUME ? x : null;
}

/** True for a timestamp (epoch seconds) in [{@link MIN_EPOCH_SECONDS}, {@link MAX_EPOCH_SECONDS}]. */
export function isPlausibleEpochSeconds(t: number): boolean {
  return Number.isFinite(t) && t >= MIN_EPOCH_SECONDS && t <= MAX_EPOCH_SECONDS;
}

const LN_FACTOR = Math.log(BAD_PRINT_FACTOR);
const LN_EDGE = Math.log(EDGE_FACTOR);

/**
 * Indexes of `values` that are bad prints under the rule above. `values` are one column of a
 * series in date order; `null` entries are skipped (neither judged nor used as a reference).
 * Every non-null value must be positive and finite (see {@link cleanPrice}).
 */
export function findBadPrints(values: readonly (number | null)[]): Set<number> {
  const at: number[] = [];
  for (let i = 0; i < values.length; i += 1) if (values[i] !== null) at.push(i);
  const v = (p: number) => values[at[p] as number] as number;
  const dist = (p: number, q: number) => Math.abs(Math.log(v(p) / v(q)));
  const bad = new Set<number>();
  const m = at.length;
  if (m < 2) return bad;

  // Head: the first few bars (a minority of the first 2 x BAD_PRINT_MAX_RUN + 1) lying beyond
  // EDGE_FACTOR from the median of those bars, followed by a bar at the median's level.
  let start = 0;
  const w = Math.min(m, 2 * BAD_PRINT_MAX_RUN + 1);
  const head = Array.from({ length: w }, (_, i) => v(i)).toSorted((a, b) => a - b);
  const median = head[Math.floor((w - 1) / 2)] as number;
  const fromMedian = (p: number) => Math.abs(Math.log(v(p) / median));
  let j = 0;
  while (j < w && fromMedian(j) > LN_EDGE) j += 1;
  if (j > 0 && j <= BAD_PRINT_MAX_RUN && j < w / 2 && j < m && fromMedian(j) <= LN_FACTOR) {
    for (let i = 0; i < j; i += 1) bad.add(at[i] as number);
    start = j;
  }

  let anchor = start; // last accepted bar
  let p = start + 1;
  while (p < m) {
    if (dist(p, anchor) <= LN_FACTOR) {
      anchor = p;
      p += 1;
      continue;
    }
    // A large jump at p: the first bar back within BAD_PRINT_FACTOR of the anchor, if the
    // series comes back within a short run.
    let q = p + 1;
    while (q < m && q - p <= BAD_PRINT_MAX_RUN && dist(q, anchor) > LN_FACTOR) q += 1;
    if (q < m && q - p <= BAD_PRINT_MAX_RUN) {
      // A bad print stands out from both sides: every bar of the run is beyond the factor from
      // the bar before it and the bar after it. A crash that recovers part of its loss does not.
      let standsOut = true;
      for (let i = p; i < q && standsOut; i += 1) {
        standsOut = dist(i, anchor) > LN_FACTOR && dist(i, q) > LN_FACTOR;
      }
      if (standsOut) {
        for (let i = p; i < q; i += 1) bad.add(at[i] as number);
        anchor = q;
        p = q + 1;
        continue;
      }
    }
    const reachesEnd = q >= m && m - p <= BAD_PRINT_MAX_RUN;
    if (reachesEnd) {
      let allFar = true;
      for (let i = p; i < m && allFar; i += 1) allFar = dist(i, anchor) > LN_EDGE;
      if (allFar) {
        for (let i = p; i < m; i += 1) bad.add(at[i] as number);
        break;
      }
    }
    anchor = p; // a lasting level change (crash, rally, unadjusted split)
    p += 1;
  }
  return bad;
}
