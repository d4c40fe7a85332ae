/**
 * Opens the market cache: IndexedDB when it works, memory when it is missing, throws on open,
 * stays blocked by an older connection, or does not answer in time, all behind a
 * {@link ResilientCache} that reopens, evicts or falls back to memory when IndexedDB fails later.
 * The background calls this once per worker start.
 */
import { DB_NAME, openMarketDb } from './db';
import { createIdbCache } from './idb-cache';
import type { MarketCache } from './market-cache';
import { createMemoryCache } from './memory-cache';
import {
  createResilientCache,
  type ResilientCache,
  type ResilientCacheOptions,
} from './resilient-cache';

export interface OpenCacheOptions extends Pick<
  ResilientCacheOptions,
  'prepare' | 'makeRoom' | 'now' | 'onEvent'
> {
  name?: string;
  /** Give up on IndexedDB after this many milliseconds (a blocked upgrade never settles). */
  timeoutMs?: number;
}

function describe(error: unknown): string {
  return error instanceof Error || error instanceof DOMException
    ? `${error.name}: ${error.message}`
    : String(error);
}

/**
 * Opens an IndexedDB-backed cache through `idbFactory`, telling `onLost` when the connection is
 * closed under it. Resolves with the cache or with why it could not be opened; never rejects.
 */
export async function openIdbCache(
  idbFactory: IDBFactory,
  name: string,
  timeoutMs: number,
  onLost: (why: string) => void,
): Promise<MarketCache | { failed: string }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let blocked = false;
  try {
    // open() itself throws in some private modes, so it is inside the try.
    const opening = openMarketDb(idbFactory, name, {
      blocked: () => {
        blocked = true;
      },
      terminated: () => onLost('the browser closed the database'),
      versionchange: () => onLost('the database was deleted or upgraded elsewhere'),
    });
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([opening, timeout]);
    if (result === 'timeout') {
      // If it opens later after all, close it: this worker already settled on something else.
      opening.then((db) => db.close()).catch(() => {});
      return {
        failed: blocked
          ? 'IndexedDB upgrade is blocked by another open connection'
          : `IndexedDB did not open within ${timeoutMs} ms`,
      };
    }
    return createIdbCache(result);
  } catch (error) {
    return { failed: `IndexedDB could not be opened (${describe(error)})` };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Returns the cache for this worker (`idbFactory` defaults to the global one; pass `null` to force
 * memory): on IndexedDB when it opens, else in memory with a `degradedReason` saying why
 * (`backend === 'memory'`). Later failures are recovered as {@link createResilientCache} says,
 * reopening through the same factory. Never rejects.
 */
export async function openCache(
  idbFactory: IDBFactory | null = globalThis.indexedDB ?? null,
  options: OpenCacheOptions = {},
): Promise<ResilientCache> {
  const name = options.name ?? DB_NAME;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const { name: _name, timeoutMs: _timeout, ...recovery } = options;
  if (!idbFactory) {
    return createResilientCache(
      createMemoryCache('IndexedDB is not available in this context'),
      recovery,
    );
  }
  let cache: ResilientCache | null = null;
  const first = await openIdbCache(idbFactory, name, timeoutMs, (why) =>
    cache?.connectionLost(why),
  );
  cache = createResilientCache('failed' in first ? createMemoryCache(first.failed) : first, {
    ...recovery,
    reopen: (onLost) => openIdbCache(idbFactory, name, timeoutMs, onLost),
  });
  return cache;
}
