/**
 * {@link MarketCache} on IndexedDB (through idb). Every write is one readwrite transaction that
 * awaits only its own requests and is aborted on any error ({@link runTransaction}), so a worker
 * killed mid-write, a `put` that throws, or a full disk leaves each symbol with either its old or
 * its new rows, never a mix.
 */
import type { IDBPDatabase } from 'idb';
import type { MarketDb } from './db';
import { BENCHMARK_SYMBOLS, selectEvictions, selectOrphanEvictions } from './lru';
import {
  metaAfterFailure,
  planReplacement,
  planSeriesWrite,
  type CachedSeries,
  type FetchFailure,
  type MarketCache,
  type SeriesWrite,
  type WriteOutcome,
} from './market-cache';
import { runTransaction } from './transaction';

/** Stores "Clear cache" empties (not `state`, which keeps the providers' politeness). */
const CONTENT_STORES = ['series', 'quotes', 'profiles', 'fetchMeta', 'access'] as const;

/** Wraps an open database connection (see `openMarketDb`). */
export function createIdbCache(db: IDBPDatabase<MarketDb>): MarketCache {
  return {
    backend: 'indexeddb',
    degradedReason: null,

    async readSeries(symbol, options = {}): Promise<CachedSeries | undefined> {
      const tx = db.transaction(['series', 'fetchMeta'], 'readonly');
      const [series, meta] = await runTransaction(tx, () =>
        Promise.all([
          tx.objectStore('series').get(symbol),
          tx.objectStore('fetchMeta').get(symbol),
        ]),
      );
      if (!series) return undefined;
      if (options.touchAt !== undefined) {
        const touch = db.transaction('access', 'readwrite');
        await runTransaction(touch, (track) => {
          track(touch.store.put({ symbol, lastAccess: options.touchAt as number }));
        });
      }
      return { series, meta: meta ?? null };
    },

    async writeSeries(write: SeriesWrite): Promise<WriteOutcome> {
      const symbol = write.series.symbol;
      const tx = db.transaction(['series', 'fetchMeta', 'quotes', 'access'], 'readwrite');
      return runTransaction(tx, async (track) => {
        const [stored, meta, quote, access] = await Promise.all([
          tx.objectStore('series').get(symbol),
          tx.objectStore('fetchMeta').get(symbol),
          tx.objectStore('quotes').get(symbol),
          tx.objectStore('access').get(symbol),
        ]);
        const plan = planSeriesWrite(stored, meta, quote, write);
        track(tx.objectStore('fetchMeta').put(plan.meta));
        if (plan.series) track(tx.objectStore('series').put(plan.series));
        if (plan.series && !access) {
          track(tx.objectStore('access').put({ symbol, lastAccess: write.fetchedAt ?? 0 }));
        }
        if (plan.quote) track(tx.objectStore('quotes').put(plan.quote));
        return plan.outcome;
      });
    },

    async recordFailure(symbol, failure: FetchFailure) {
      const tx = db.transaction('fetchMeta', 'readwrite');
      await runTransaction(tx, async (track) => {
        const meta = await tx.store.get(symbol);
        track(tx.store.put(metaAfterFailure(meta, symbol, failure)));
      });
    },

    readMeta: (symbol) => db.get('fetchMeta', symbol),
    listMeta: () => db.getAll('fetchMeta'),
    readQuote: (symbol) => db.get('quotes', symbol),
    readProfile: (symbol) => db.get('profiles', symbol),

    async writeProfiles(profiles) {
      const tx = db.transaction('profiles', 'readwrite');
      await runTransaction(tx, (track) => {
        for (const p of profiles) track(tx.store.put(p));
      });
    },

    listSymbols: () => db.getAllKeys('series'),
    listAccess: () => db.getAll('access'),

    async evict(maxSymbols, options = {}) {
      const protectedSymbols = options.protectedSymbols ?? new Set(BENCHMARK_SYMBOLS);
      const now = options.now ?? Date.now();
      const tx = db.transaction(['series', 'quotes', 'fetchMeta', 'access'], 'readwrite');
      return runTransaction(tx, async (track) => {
        const [symbols, access, meta, quoteKeys] = await Promise.all([
          tx.objectStore('series').getAllKeys(),
          tx.objectStore('access').getAll(),
          tx.objectStore('fetchMeta').getAll(),
          tx.objectStore('quotes').getAllKeys(),
        ]);
        const victims = selectEvictions(symbols, access, maxSymbols, protectedSymbols);
        const withSeries = new Set(symbols);
        const attempts = new Map(meta.map((m) => [m.symbol, m.lastAttemptAt]));
        const orphanSymbols = new Set(
          [...meta.map((m) => m.symbol), ...access.map((a) => a.symbol), ...quoteKeys].filter(
            (s) => !withSeries.has(s),
          ),
        );
        const orphans = selectOrphanEvictions(
          [...orphanSymbols].map((symbol) => ({
            symbol,
            lastAttemptAt: attempts.get(symbol) ?? null,
          })),
          now,
          maxSymbols,
          protectedSymbols,
        );
        const removed = [...victims, ...orphans];
        for (const s of removed) {
          for (const store of ['series', 'quotes', 'fetchMeta', 'access'] as const) {
            track(tx.objectStore(store).delete(s));
          }
        }
        return removed.toSorted();
      });
    },

    async replaceAll(contents) {
      // Planned before the transaction opens: nothing but its own requests may run inside it.
      const rows = planReplacement(contents.series);
      const tx = db.transaction([...CONTENT_STORES, 'state'], 'readwrite');
      await runTransaction(tx, (track) => {
        for (const name of CONTENT_STORES) track(tx.objectStore(name).clear());
        for (const s of rows.series) track(tx.objectStore('series').put(s));
        for (const m of rows.meta) track(tx.objectStore('fetchMeta').put(m));
        for (const q of rows.quotes) track(tx.objectStore('quotes').put(q));
        for (const a of rows.access) track(tx.objectStore('access').put(a));
        for (const p of contents.profiles) track(tx.objectStore('profiles').put(p));
        for (const [key, value] of Object.entries(contents.state ?? {})) {
          track(tx.objectStore('state').put({ key, value }));
        }
      });
      return rows.outcomes;
    },

    async readState(key) {
      return (await db.get('state', key))?.value;
    },

    async writeState(key, value) {
      const tx = db.transaction('state', 'readwrite');
      await runTransaction(tx, (track) => {
        track(tx.store.put({ key, value }));
      });
    },

    close: () => db.close(),
  };
}
