/**
 * {@link MarketCache} in memory: the fallback when IndexedDB cannot be opened (private mode,
 * corrupt backing store, blocked upgrade). Same rules as the IndexedDB cache (shared write
 * planning and eviction); data lives as long as the worker. Values are cloned in and out, as
 * IndexedDB would, so callers cannot mutate what is stored.
 */
import type { FetchMeta, StoredProfile, StoredQuote } from './db';
import {
  BENCHMARK_SYMBOLS,
  selectEvictions,
  selectOrphanEvictions,
  type AccessRecord,
} from './lru';
import {
  metaAfterFailure,
  planReplacement,
  planSeriesWrite,
  type MarketCache,
} from './market-cache';
import type { StoredSeries } from './stored-series';

function clone<T>(x: T): T {
  return structuredClone(x);
}

/** An in-memory cache; `degradedReason` is shown in the popup ("IndexedDB unavailable: ..."). */
export function createMemoryCache(degradedReason: string | null = null): MarketCache {
  const series = new Map<string, StoredSeries>();
  const meta = new Map<string, FetchMeta>();
  const quotes = new Map<string, StoredQuote>();
  const profiles = new Map<string, StoredProfile>();
  const access = new Map<string, AccessRecord>();
  const state = new Map<string, unknown>();

  return {
    backend: 'memory',
    degradedReason,

    async readSeries(symbol, options = {}) {
      const s = series.get(symbol);
      if (!s) return undefined;
      if (options.touchAt !== undefined)
        access.set(symbol, { symbol, lastAccess: options.touchAt });
      const m = meta.get(symbol);
      return { series: clone(s), meta: m ? clone(m) : null };
    },

    async writeSeries(write) {
      const symbol = write.series.symbol;
      const plan = planSeriesWrite(
        series.get(symbol),
        meta.get(symbol),
        quotes.get(symbol),
        clone(write),
      );
      meta.set(symbol, plan.meta);
      if (plan.series) series.set(symbol, plan.series);
      if (plan.series && !access.has(symbol)) {
        access.set(symbol, { symbol, lastAccess: write.fetchedAt ?? 0 });
      }
      if (plan.quote) quotes.set(symbol, plan.quote);
      return plan.outcome;
    },

    async recordFailure(symbol, failure) {
      meta.set(symbol, metaAfterFailure(meta.get(symbol), symbol, clone(failure)));
    },

    readMeta: async (symbol) => clone(meta.get(symbol)),
    listMeta: async () => clone([...meta.values()]),
    readQuote: async (symbol) => clone(quotes.get(symbol)),
    readProfile: async (symbol) => clone(profiles.get(symbol)),

    async writeProfiles(list) {
      for (const p of list) profiles.set(p.symbol, clone(p));
    },

    listSymbols: async () => [...series.keys()].toSorted(),
    listAccess: async () => clone([...access.values()]),

    async evict(maxSymbols, options = {}) {
      const protectedSymbols = options.protectedSymbols ?? new Set(BENCHMARK_SYMBOLS);
      const victims = selectEvictions(
        [...series.keys()],
        [...access.values()],
        maxSymbols,
        protectedSymbols,
      );
      const orphanSymbols = new Set(
        [...meta.keys(), ...access.keys(), ...quotes.keys()].filter((s) => !series.has(s)),
      );
      const orphans = selectOrphanEvictions(
        [...orphanSymbols].map((symbol) => ({
          symbol,
          lastAttemptAt: meta.get(symbol)?.lastAttemptAt ?? null,
        })),
        options.now ?? Date.now(),
        maxSymbols,
        protectedSymbols,
      );
      const removed = [...victims, ...orphans];
      for (const s of removed) {
        series.delete(s);
        quotes.delete(s);
        meta.delete(s);
        access.delete(s);
      }
      return removed.toSorted();
    },

    async replaceAll(contents) {
      // Planned first, applied without a pause: nothing can see half of it.
      const rows = planReplacement(clone(contents.series));
      const newProfiles = clone(contents.profiles);
      const newState = clone(contents.state ?? {});
      for (const map of [series, meta, quotes, profiles, access]) map.clear();
      for (const x of rows.series) series.set(x.symbol, x);
      for (const x of rows.meta) meta.set(x.symbol, x);
      for (const x of rows.quotes) quotes.set(x.symbol, x);
      for (const x of rows.access) access.set(x.symbol, x);
      for (const x of newProfiles) profiles.set(x.symbol, x);
      for (const [key, value] of Object.entries(newState)) state.set(key, value);
      return rows.outcomes;
    },

    readState: async (key) => clone(state.get(key)),
    writeState: async (key, value) => {
      state.set(key, clone(value));
    },

    close: () => {},
  };
}
