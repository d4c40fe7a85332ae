/**
 * Fault injection for IndexedDB, as a thin wrapper around a fake-indexeddb factory (the code under
 * test is not touched): a quota or disk error that aborts the transaction of the next writes to a
 * store, as Chromium does (the transaction's `error` is the `QuotaExceededError`, its requests
 * fail with `AbortError`); `open()` that throws; every connection force-closed as when the user
 * clears site data from the browser's settings (the connection's `close` event).
 */
import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';

export interface FaultyIdb {
  /** Pass this where the code wants an `IDBFactory`. */
  factory: IDBFactory;
  /** The factory underneath, for deleting or opening the database "from another context". */
  base: IDBFactory;
  /** Every connection opened through `factory`, oldest first. */
  connections: IDBDatabase[];
  /**
   * The transaction of each of the next `times` writes to `store` aborts with `errorName`. Writes
   * are `put` and `add` by default (what a full disk refuses); pass `['delete']` for a disk error
   * while deleting.
   */
  failWrites(store: string, errorName: string, times?: number, methods?: WriteMethod[]): void;
  /** The next `times` calls of `open()` throw `errorName` synchronously. */
  failOpens(errorName: string, times?: number): void;
  /** Force-closes every open connection (fires their `close` event). */
  forceCloseAll(): void;
  /** How many writes were failed so far. */
  readonly failedWrites: number;
  clearFaults(): void;
}

type WriteMethod = 'put' | 'add' | 'clear' | 'delete';

interface FakeTransaction extends IDBTransaction {
  /** fake-indexeddb's internal abort with an error name (what the spec's "abort a transaction" does). */
  _abort(errorName: string | null): void;
}

/** A faulty factory over a fresh fake-indexeddb (or the given one). */
export function faultyIdb(base: IDBFactory = new IDBFactory()): FaultyIdb {
  const connections: IDBDatabase[] = [];
  const writeFaults = new Map<
    string,
    { errorName: string; times: number; methods: readonly WriteMethod[] }
  >();
  let openFault: { errorName: string; times: number } | null = null;
  let failedWrites = 0;

  function takeWriteFault(store: string, method: WriteMethod): string | null {
    const fault = writeFaults.get(store);
    if (!fault || !fault.methods.includes(method)) return null;
    fault.times -= 1;
    if (fault.times <= 0) writeFaults.delete(store);
    failedWrites += 1;
    return fault.errorName;
  }

  function patchStore(store: IDBObjectStore, tx: FakeTransaction): IDBObjectStore {
    for (const method of ['put', 'add', 'clear', 'delete'] as const) {
      const original = store[method].bind(store) as (...args: unknown[]) => IDBRequest;
      Object.defineProperty(store, method, {
        configurable: true,
        value: (...args: unknown[]) => {
          const request = original(...args);
          const errorName = takeWriteFault(store.name, method);
          // After the caller has issued the rest of its requests, like a commit that fails.
          // oxlint-disable-next-line no-underscore-dangle -- fake-indexeddb's spec "abort a transaction" step
          if (errorName) queueMicrotask(() => tx._abort(errorName));
          return request;
        },
      });
    }
    return store;
  }

  function patchDb(db: IDBDatabase): void {
    connections.push(db);
    const transaction = db.transaction.bind(db);
    Object.defineProperty(db, 'transaction', {
      configurable: true,
      value: (...args: Parameters<IDBDatabase['transaction']>) => {
        const tx = transaction(...args) as FakeTransaction;
        const objectStore = tx.objectStore.bind(tx);
        Object.defineProperty(tx, 'objectStore', {
          configurable: true,
          value: (name: string) => patchStore(objectStore(name), tx),
        });
        return tx;
      },
    });
  }

  const factory = {
    open(name: string, version?: number): IDBOpenDBRequest {
      if (openFault) {
        const { errorName } = openFault;
        openFault.times -= 1;
        if (openFault.times <= 0) openFault = null;
        throw new DOMException(`injected: open failed (${errorName})`, errorName);
      }
      const request = base.open(name, version);
      // Registered before the caller's own listeners, so the connection is patched first.
      request.addEventListener('success', () => patchDb(request.result));
      return request;
    },
    deleteDatabase: (name: string) => base.deleteDatabase(name),
    databases: () => base.databases(),
    cmp: (a: unknown, b: unknown) => base.cmp(a, b),
  } as IDBFactory;

  return {
    factory,
    base,
    connections,
    failWrites(store, errorName, times = 1, methods = ['put', 'add']) {
      writeFaults.set(store, { errorName, times, methods });
    },
    failOpens(errorName, times = 1) {
      openFault = { errorName, times };
    },
    forceCloseAll() {
      // fake-indexeddb's types ask for the class where its code takes the connection.
      for (const c of connections) forceCloseDatabase(c as unknown as typeof IDBDatabase);
    },
    get failedWrites() {
      return failedWrites;
    },
    clearFaults() {
      writeFaults.clear();
      openFault = null;
    },
  };
}
