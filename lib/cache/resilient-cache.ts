/**
 * A {@link MarketCache} that survives its storage: it forwards every call to a backend (IndexedDB
 * or memory) and, when IndexedDB fails under it, recovers instead of failing the call.
 *
 * - The connection was closed (the database deleted from another context or from the browser's
 *   settings, a newer version opened elsewhere, an abnormal close) or a call fails with a storage
 *   error (`InvalidStateError`, `UnknownError`, an aborted transaction): the database is opened
 *   again, readied by `prepare` (a deleted database comes back empty and is seeded again), and
 *   the call is retried once.
 * - A write hits the quota (`QuotaExceededError`): `makeRoom` evicts least-recently-used symbols
 *   and the call is retried once.
 * - Whatever still fails goes to memory: a memory cache with a `degradedReason` the popup shows,
 *   readied by `prepare` (seeded from the snapshot, politeness carried over), and the call runs
 *   there. The next worker start tries IndexedDB again.
 *
 * Errors that are not storage faults (a value IndexedDB cannot clone, a bug) are rethrown as they
 * are: the transaction was aborted, so nothing of it landed.
 */
import { BENCHMARK_SYMBOLS } from './lru';
import type { MarketCache } from './market-cache';
import { createMemoryCache } from './memory-cache';

/** Why a backend was replaced. */
export type Replacement = 'reopened' | 'memory';

/** One recovery, for logs and tests. */
export interface StorageEvent {
  /** Epoch ms. */
  at: number;
  what:
    | 'connection-lost'
    | 'reopened'
    | 'reopen-failed'
    | 'quota-evicted'
    | 'memory-fallback'
    | 'prepare-failed';
  detail: string;
}

export interface ResilientCacheOptions {
  /**
   * Opens IndexedDB again; calls `onLost` whenever that connection is closed under us. Resolves
   * with the cache or with why it could not open.
   */
  reopen?: (onLost: (why: string) => void) => Promise<MarketCache | { failed: string }>;
  /**
   * Readies a replacement backend before it serves calls: seed a reopened (possibly empty)
   * database or the memory fallback, carry state over from `previous` (which may be unreadable).
   * If it throws for a reopened database, the cache falls back to memory.
   */
  prepare?: (next: MarketCache, why: Replacement, previous: MarketCache) => Promise<void>;
  /** Frees space after a quota error; resolves with the evicted symbols (default {@link makeRoomByQuarter}). */
  makeRoom?: (cache: MarketCache) => Promise<string[]>;
  /** Clock for event times, epoch ms. */
  now?: () => number;
  /** Told of every recovery (the background logs them). */
  onEvent?: (event: StorageEvent) => void;
}

/** The cache the background holds: a {@link MarketCache} plus its recovery history. */
export interface ResilientCache extends MarketCache {
  /** Recoveries so far, oldest first (at most the last 50). */
  history(): StorageEvent[];
  /** Marks the current IndexedDB connection as lost (wired to its close and versionchange events). */
  connectionLost(why: string): void;
}

type Fault = 'quota' | 'storage';

/** DOMException names that mean the storage itself failed, not the data we gave it. */
const STORAGE_ERRORS = new Set([
  'InvalidStateError',
  'UnknownError',
  'AbortError',
  'TransactionInactiveError',
  'NotFoundError',
  'VersionError',
]);

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error
    ? String((error as { name: unknown }).name)
    : '';
}

function describe(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) {
    return error.message ? `${error.name}: ${error.message}` : error.name;
  }
  return String(error);
}

/**
 * Whether `error` from an IndexedDB-backed call is a storage fault, and which: `quota` for
 * `QuotaExceededError`, `storage` for a lost connection or a storage-level error, `null` for
 * anything else (a `DataCloneError`, a bug), which recovery cannot help.
 */
export function storageFaultOf(error: unknown, connectionLost: boolean): Fault | null {
  const name = errorName(error);
  if (name === 'QuotaExceededError') return 'quota';
  if (connectionLost || STORAGE_ERRORS.has(name)) return 'storage';
  return null;
}

/**
 * Evicts about a quarter of the symbols that may be evicted (at least one), least recently used
 * first, plus stale orphan rows; the benchmarks stay.
 */
export async function makeRoomByQuarter(cache: MarketCache): Promise<string[]> {
  const symbols = await cache.listSymbols();
  const evictable = symbols.filter((s) => !BENCHMARK_SYMBOLS.includes(s)).length;
  const keep = symbols.length - Math.max(1, Math.ceil(evictable / 4));
  return cache.evict(Math.max(0, keep));
}

/**
 * Wraps `initial` (an IndexedDB cache, or the memory cache when IndexedDB could not be opened at
 * all). Concurrent calls that fail together share one recovery.
 */
export function createResilientCache(
  initial: MarketCache,
  options: ResilientCacheOptions = {},
): ResilientCache {
  const now = options.now ?? Date.now;
  const makeRoom = options.makeRoom ?? makeRoomByQuarter;
  let current = initial;
  let generation = 0;
  let lost: string | null = null;
  let recovering: Promise<void> | null = null;
  const events: StorageEvent[] = [];

  function note(what: StorageEvent['what'], detail: string): void {
    const event = { at: now(), what, detail };
    events.push(event);
    if (events.length > 50) events.shift();
    options.onEvent?.(event);
  }

  function lostFor(gen: number) {
    return (why: string) => {
      if (gen !== generation || lost !== null) return;
      lost = why;
      note('connection-lost', why);
    };
  }

  async function install(next: MarketCache, why: Replacement): Promise<void> {
    const previous = current;
    if (options.prepare) await options.prepare(next, why, previous);
    generation += 1;
    current = next;
    lost = null;
    try {
      previous.close();
    } catch {
      // already closed
    }
  }

  async function toMemory(reason: string): Promise<void> {
    const memory = createMemoryCache(reason);
    note('memory-fallback', reason);
    try {
      await install(memory, 'memory');
    } catch (error) {
      // Seeding memory failed (the snapshot unreadable?): serve from empty memory all the same.
      note('prepare-failed', describe(error));
      generation += 1;
      current = memory;
      lost = null;
    }
  }

  async function reopen(why: string): Promise<boolean> {
    if (!options.reopen) return false;
    const gen = generation + 1;
    let opened: MarketCache | { failed: string };
    try {
      opened = await options.reopen((w) => lostFor(gen)(w));
    } catch (error) {
      opened = { failed: describe(error) };
    }
    if ('failed' in opened) {
      note('reopen-failed', opened.failed);
      return false;
    }
    try {
      await install(opened, 'reopened');
    } catch (error) {
      note('prepare-failed', describe(error));
      opened.close();
      return false;
    }
    note('reopened', why);
    return true;
  }

  /** One recovery per generation: whoever fails first recovers, the others wait for it. */
  function recover(failedAt: number, fault: Fault, error: unknown): Promise<void> {
    if (failedAt !== generation) return recovering ?? Promise.resolve();
    recovering ??= (async () => {
      if (current.backend === 'memory') return;
      if (fault === 'quota') {
        let evicted: string[] = [];
        try {
          evicted = await makeRoom(current);
        } catch {
          // Evicting failed as well: the retry will tell.
        }
        note('quota-evicted', `${describe(error)}; evicted ${evicted.length} symbols`);
        return;
      }
      const why = lost ?? describe(error);
      if (!(await reopen(why))) {
        await toMemory(`IndexedDB stopped working (${why}) and could not be reopened`);
      }
    })().finally(() => {
      recovering = null;
    });
    return recovering;
  }

  /** Falls back to memory, once per generation, however many calls ask at the same time. */
  function escalate(failedAt: number, reason: string): Promise<void> {
    if (failedAt !== generation) return recovering ?? Promise.resolve();
    recovering ??= toMemory(reason).finally(() => {
      recovering = null;
    });
    return recovering;
  }

  /**
   * Runs `call` on the current backend: on a storage fault, recovers (reopen or evict) and tries
   * again; if that fails too, falls back to memory and runs it there.
   */
  async function run<T>(call: (cache: MarketCache) => Promise<T>): Promise<T> {
    let recoveries = 0;
    for (;;) {
      if (recovering) await recovering;
      if (lost !== null && current.backend === 'indexeddb') {
        await recover(generation, 'storage', new Error(lost));
        continue;
      }
      const gen = generation;
      try {
        return await call(current);
      } catch (error) {
        const fault = storageFaultOf(error, lost !== null);
        if (fault === null || current.backend === 'memory' || recoveries >= 4) throw error;
        if (recoveries === 0) {
          await recover(gen, fault, error);
        } else {
          await escalate(
            gen,
            fault === 'quota'
              ? `IndexedDB is full (${describe(error)}) even after evicting symbols`
              : `IndexedDB failed again after reopening (${describe(error)})`,
          );
        }
        recoveries += 1;
      }
    }
  }

  const cache: ResilientCache = {
    get backend() {
      return current.backend;
    },
    get degradedReason() {
      return current.degradedReason;
    },
    readSeries: (symbol, opts) => run((c) => c.readSeries(symbol, opts)),
    writeSeries: (write) => run((c) => c.writeSeries(write)),
    recordFailure: (symbol, failure) => run((c) => c.recordFailure(symbol, failure)),
    readMeta: (symbol) => run((c) => c.readMeta(symbol)),
    listMeta: () => run((c) => c.listMeta()),
    readQuote: (symbol) => run((c) => c.readQuote(symbol)),
    readProfile: (symbol) => run((c) => c.readProfile(symbol)),
    writeProfiles: (profiles) => run((c) => c.writeProfiles(profiles)),
    listSymbols: () => run((c) => c.listSymbols()),
    listAccess: () => run((c) => c.listAccess()),
    evict: (maxSymbols, opts) => run((c) => c.evict(maxSymbols, opts)),
    replaceAll: (contents) => run((c) => c.replaceAll(contents)),
    readState: (key) => run((c) => c.readState(key)),
    writeState: (key, value) => run((c) => c.writeState(key, value)),
    close: () => current.close(),
    history: () => [...events],
    connectionLost: (why) => lostFor(generation)(why),
  };
  return cache;
}
