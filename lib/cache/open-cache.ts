/**
 * Opens the market cache, falling back to memory when IndexedDB is missing, refuses to open,
 * stays blocked by an older connection, or does not answer in time. The background calls this
 * once per worker start.
 */
import { DB_NAME, openMarketDb } from './db';
import { createIdbCache } from './idb-cache';
import type { MarketCache } from './market-cache';
import { createMemoryCache } from './memory-cache';

export interface OpenCacheOptions {
  name?: string;
  /** Give up on IndexedDB after this many milliseconds (a blocked upgrade never settles). */
  timeoutMs?: number;
}

/**
 * Returns an IndexedDB-backed cache (`idbFactory` defaults to the global one; pass `null` to force
 * memory), or an in-memory one whose `degradedReason` says why
 * (`backend === 'memory'`). Never rejects.
 */
export async function openCache(
  idbFactory: IDBFactory | null = globalThis.indexedDB ?? null,
  options: OpenCacheOptions = {},
): Promise<MarketCache> {
  if (!idbFactory) return createMemoryCache('IndexedDB is not available in this context');
  const timeoutMs = options.timeoutMs ?? 5_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let blocked = false;
  try {
    // open() itself throws in some private modes, so it is inside the try.
    const opening = openMarketDb(idbFactory, options.name ?? DB_NAME, {
      blocked: () => {
        blocked = true;
      },
    });
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([opening, timeout]);
    if (result === 'timeout') {
      // If it opens later after all, close it: this worker already settled on memory.
      opening.then((db) => db.close()).catch(() => {});
      return createMemoryCache(
        blocked
          ? 'IndexedDB upgrade is blocked by another open connection'
          : `IndexedDB did not open within ${timeoutMs} ms`,
      );
    }
    return createIdbCache(result);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return createMemoryCache(`IndexedDB could not be opened (${message})`);
  } finally {
    clearTimeout(timer);
  }
}
