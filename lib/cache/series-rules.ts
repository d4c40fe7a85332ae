/**
 * The rules that keep the cache honest: what counts as a valid series, and when incoming data
 * may replace what is stored. Pure, shared by the IndexedDB and in-memory caches.
 */
import type { StoredSeries } from './stored-series';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Returns why `s` is unusable, or `null` when it is valid: at least one bar; every column as long
 * as `dates`; dates well-formed, strictly ascending and not after `latestDate` (today in New York
 * plus one day of slack); adjusted closes positive and finite; `asOf` equal to the last date.
 */
export function seriesProblem(s: StoredSeries, latestDate?: string): string | null {
  const n = s.dates.length;
  if (n === 0) return 'no bars';
  for (const key of ['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const) {
    if (s[key].length !== n) return `${key} has ${s[key].length} values for ${n} dates`;
  }
  let prev = '';
  for (let i = 0; i < n; i += 1) {
    const d = s.dates[i] as string;
    if (!ISO_DATE.test(d)) return `bad date "${d}"`;
    if (d <= prev) return `dates not ascending at ${d}`;
    prev = d;
    const c = s.adjClose[i] as number;
    if (!Number.isFinite(c) || c <= 0) return `bad close ${c} on ${d}`;
  }
  if (latestDate !== undefined && prev > latestDate) return `last date ${prev} is in the future`;
  if (s.asOf !== prev) return `asOf ${s.asOf} differs from the last date ${prev}`;
  return null;
}

/** What {@link mergeSeries} decided. */
export type MergeDecision =
  /** Nothing stored yet, or the incoming data extends or revises it: store `series`. */
  | { action: 'write'; series: StoredSeries; reason: 'new' | 'newer' | 'longer' | 'revised' }
  /** Stored data is newer, or the same: keep it. */
  | { action: 'keep'; reason: 'stored-is-newer' | 'same' | 'stored-is-longer' };

function sameNumbers(
  a: readonly (number | null)[],
  b: readonly (number | null)[],
  from: number,
  to: number,
): boolean {
  for (let i = from; i < to; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Events of both lists, one per date (the incoming one wins), ascending. */
function unionByDate<T extends { date: string }>(
  stored: readonly T[],
  incoming: readonly T[],
): T[] {
  const byDate = new Map<string, T>();
  for (const e of stored) byDate.set(e.date, e);
  for (const e of incoming) byDate.set(e.date, e);
  return [...byDate.values()].toSorted((a, b) => a.date.localeCompare(b.date));
}

function scaleColumn(values: readonly (number | null)[], factor: number): (number | null)[] {
  return values.map((x) => (x === null ? null : x * factor));
}

/**
 * `incoming` with the bars of `base` that precede its first date put in front, rescaled so that
 * adjusted and quoted closes stay continuous when a split or dividend changed the provider's
 * adjustment between the two (the ratio at the first overlapping date; no rescale without overlap).
 */
export function spliceSeries(base: StoredSeries, incoming: StoredSeries): StoredSeries {
  const first = incoming.dates[0] as string;
  let cut = 0; // base bars [0, cut) are before the incoming window
  while (cut < base.dates.length && (base.dates[cut] as string) < first) cut += 1;
  if (cut === 0) return incoming;
  const overlapsAt = base.dates[cut] === first ? cut : -1;
  let adjFactor = 1;
  let closeFactor = 1;
  if (overlapsAt >= 0) {
    const a0 = base.adjClose[overlapsAt] as number;
    const a1 = incoming.adjClose[0] as number;
    if (a0 > 0 && Math.abs(a1 / a0 - 1) > 1e-9) adjFactor = a1 / a0;
    const c0 = base.close[overlapsAt];
    const c1 = incoming.close[0];
    if (c0 && c1 && Math.abs(c1 / c0 - 1) > 1e-9) closeFactor = c1 / c0;
  }
  const prefix = <T>(col: readonly T[]): T[] => col.slice(0, cut);
  return {
    ...incoming,
    dates: [...prefix(base.dates), ...incoming.dates],
    open: [...scaleColumn(prefix(base.open), closeFactor), ...incoming.open],
    high: [...scaleColumn(prefix(base.high), closeFactor), ...incoming.high],
    low: [...scaleColumn(prefix(base.low), closeFactor), ...incoming.low],
    close: [...scaleColumn(prefix(base.close), closeFactor), ...incoming.close],
    adjClose: [...prefix(base.adjClose).map((x) => x * adjFactor), ...incoming.adjClose],
    volume: [...prefix(base.volume), ...incoming.volume],
    splits: unionByDate(base.splits, incoming.splits),
    dividends: unionByDate(base.dividends, incoming.dividends),
    adjusted: base.adjusted && incoming.adjusted,
  };
}

/**
 * Combines stored and incoming data (both already valid) with {@link spliceSeries}: incoming bars
 * win on the dates they cover, older stored history is kept. The result replaces the stored
 * series only when it is newer (later `asOf`), equal-dated but longer, or equal-dated with revised
 * values (the live bar of an open session, a provider's correction). Incoming data ending before
 * the stored data is never written.
 */
export function mergeSeries(
  stored: StoredSeries | undefined,
  incoming: StoredSeries,
): MergeDecision {
  if (!stored) return { action: 'write', series: incoming, reason: 'new' };
  if (incoming.asOf < stored.asOf) return { action: 'keep', reason: 'stored-is-newer' };
  const merged = spliceSeries(stored, incoming);
  if (merged.asOf > stored.asOf) return { action: 'write', series: merged, reason: 'newer' };
  if (merged.dates.length > stored.dates.length)
    return { action: 'write', series: merged, reason: 'longer' };
  if (merged.dates.length < stored.dates.length)
    return { action: 'keep', reason: 'stored-is-longer' };
  const n = merged.dates.length;
  const unchanged =
    sameNumbers(merged.adjClose, stored.adjClose, 0, n) &&
    sameNumbers(merged.close, stored.close, 0, n) &&
    sameNumbers(merged.volume, stored.volume, n - 1, n);
  return unchanged
    ? { action: 'keep', reason: 'same' }
    : { action: 'write', series: merged, reason: 'revised' };
}
