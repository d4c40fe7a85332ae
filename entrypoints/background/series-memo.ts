import type { CachedSeries, MarketCache } from '../../lib/cache/market-cache';
import type { FetchMeta } from '../../lib/cache/db';

/** Most series kept decoded in the worker (the benchmarks and the symbols hovered lately). */
const MAX_ENTRIES = 48;
/** A hovered symbol's access time is written at most this often, ms (for the cache's LRU). */
const TOUCH_EVERY_MS = 60_000;

/**
 * What identifies a stored series' version: a write of new bars changes its source, fetch time
 * or last date (a failed attempt changes only the attempt fields, not the bars).
 */
function versionOf(meta: FetchMeta | undefined): string | null {
  if (!meta) return null;
  return `${meta.source}|${meta.fetchedAt}|${meta.asOf}`;
}

export interface SeriesMemo {
  /**
   * The cached series of `symbol`, as `cache.readSeries` gives it: from the worker's memory when
   * the stored version has not changed since it was read (checked on the small metadata record,
   * so a hover does not copy a long history out of IndexedDB again), else read and kept.
   * `touchAt` records the access for the cache's eviction order, at most once a minute.
   */
  read(cache: MarketCache, symbol: string, touchAt?: number): Promise<CachedSeries | undefined>;
  clear(): void;
}

/** A memo of decoded series for the worker's lifetime (a worker restart starts it empty). */
export function createSeriesMemo(): SeriesMemo {
  const entries = new Map<string, { version: string; cached: CachedSeries }>();
  const touched = new Map<string, number>();
  return {
    async read(cache, symbol, touchAt) {
      const meta = await cache.readMeta(symbol);
      const version = versionOf(meta);
      const kept = entries.get(symbol);
      const touchDue =
        touchAt !== undefined && touchAt - (touched.get(symbol) ?? -Infinity) >= TOUCH_EVERY_MS;
      if (kept && version !== null && kept.version === version) {
        if (touchDue) {
          touched.set(symbol, touchAt);
          void cache.readSeries(symbol, { touchAt }).catch(() => undefined);
        }
        // Fresh metadata, kept bars.
        return { ...kept.cached, meta: meta ?? null };
      }
      const cached = await cache.readSeries(symbol, touchDue ? { touchAt } : {});
      if (touchDue && touchAt !== undefined) touched.set(symbol, touchAt);
      const after = versionOf(cached?.meta ?? undefined);
      entries.delete(symbol);
      if (cached && after !== null) {
        entries.set(symbol, { version: after, cached });
        if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      }
      return cached;
    },
    clear() {
      entries.clear();
      touched.clear();
    },
  };
}

/** The memo of this worker. */
export const seriesMemo: SeriesMemo = createSeriesMemo();
