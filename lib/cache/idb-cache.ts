/**
 * {@link MarketCache} on IndexedDB (through idb). Each write is one readwrite transaction per
 * symbol that awaits only its own requests, so a worker killed mid-refresh leaves either the old
 * or the new series, never a mix.
 */
import type { IDBPDatabase } from 'idb';
import type { MarketDb } from './db';
import { BENCHMARK_SYMBOLS, selectEvictions } from './lru';
import {
  metaAfterFailure,
  planSeriesWrite,
  type CachedSeries,
  type FetchFailure,
  type MarketCache,
  type SeriesWrite,
  type WriteOutcome,
} from './market-cache';

/** Wraps an open database connection (see `openMarketDb`). */
export function createIdbCache(db: IDBPDatabase<MarketDb>): MarketCache {
  return {
    backend: 'indexeddb',
    degradedReason: null,

    async readSeries(symbol, options = {}): Promise<CachedSeries | undefined> {
      const tx = db.transaction(['series', 'fetchMeta'], 'readonly');
      const [series, meta] = await Promise.all([
        tx.objectStore('series').get(symbol),
        tx.objectStore('fetchMeta').get(symbol),
      ]);
      await tx.done;
      if (!series) return undefined;
      if (options.touchAt !== undefined) {
        await db.put('access', { symbol, lastAccess: options.touchAt });
      }
      return { series, meta: meta ?? null };
    },

    async writeSeries(write: SeriesWrite): Promise<WriteOutcome> {
      const symbol = write.series.symbol;
      const tx = db.transaction(['series', 'fetchMeta', 'quotes', 'access'], 'readwrite');
      const [stored, meta, quote, access] = await Promise.all([
        tx.objectStore('series').get(symbol),
        tx.objectStore('fetchMeta').get(symbol),
        tx.objectStore('quotes').get(symbol),
        tx.objectStore('access').get(symbol),
      ]);
      const plan = planSeriesWrite(stored, meta, quote, write);
      const puts: Promise<unknown>[] = [tx.objectStore('fetchMeta').put(plan.meta)];
      if (plan.series) puts.push(tx.objectStore('series').put(plan.series));
      if (plan.series && !access) {
        puts.push(tx.objectStore('access').put({ symbol, lastAccess: write.fetchedAt ?? 0 }));
      }
      if (plan.quote) puts.push(tx.objectStore('quotes').put(plan.quote));
      await Promise.all([...puts, tx.done]);
      return plan.outcome;
    },

    async recordFailure(symbol, failure: FetchFailure) {
      const tx = db.transaction('fetchMeta', 'readwrite');
      const meta = await tx.store.get(symbol);
      await Promise.all([tx.store.put(metaAfterFailure(meta, symbol, failure)), tx.done]);
    },

    readMeta: (symbol) => db.get('fetchMeta', symbol),
    listMeta: () => db.getAll('fetchMeta'),
    readQuote: (symbol) => db.get('quotes', symbol),
    readProfile: (symbol) => db.get('profiles', symbol),

    async writeProfiles(profiles) {
      const tx = db.transaction('profiles', 'readwrite');
      await Promise.all([...profiles.map((p) => tx.store.put(p)), tx.done]);
    },

    listSymbols: () => db.getAllKeys('series'),
    listAccess: () => db.getAll('access'),

    async evict(maxSymbols, protectedSymbols = new Set(BENCHMARK_SYMBOLS)) {
      const read = db.transaction(['series', 'access'], 'readonly');
      const [symbols, access] = await Promise.all([
        read.objectStore('series').getAllKeys(),
        read.objectStore('access').getAll(),
      ]);
      await read.done;
      const victims = selectEvictions(symbols, access, maxSymbols, protectedSymbols);
      if (victims.length === 0) return [];
      const tx = db.transaction(['series', 'quotes', 'fetchMeta', 'access'], 'readwrite');
      const deletes = victims.flatMap((s) => [
        tx.objectStore('series').delete(s),
        tx.objectStore('quotes').delete(s),
        tx.objectStore('fetchMeta').delete(s),
        tx.objectStore('access').delete(s),
      ]);
      await Promise.all([...deletes, tx.done]);
      return victims;
    },

    async clear() {
      const stores = ['series', 'quotes', 'profiles', 'fetchMeta', 'access'] as const;
      const tx = db.transaction([...stores], 'readwrite');
      await Promise.all([...stores.map((name) => tx.objectStore(name).clear()), tx.done]);
    },

    async readState(key) {
      return (await db.get('state', key))?.value;
    },

    async writeState(key, value) {
      await db.put('state', { key, value });
    },

    close: () => db.close(),
  };
}
