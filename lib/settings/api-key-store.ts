/**
 * Where the Twelve Data API key lives: the extension's own IndexedDB (database
 * `r2k-lens-secrets`), which only the background opens. Not `storage.local`: Firefox lets every
 * content script read and write `storage.local` and `storage.sync` (it has no `setAccessLevel`
 * for them), while an extension origin's IndexedDB is out of reach of content scripts in every
 * browser (theirs is the page's). The key is never synced and never part of a settings export.
 *
 * A separate database from the market cache on purpose: Clear cache, a cache schema upgrade or a
 * deleted cache database must not take the key with them. Each call opens, uses and closes its
 * own connection (the key is read when the provider list is built, written from the options
 * page), so a connection closed by the browser is never reused. When IndexedDB cannot be opened
 * the key is kept in `storage.session` (trusted contexts only in Chrome and Firefox) until the
 * browser closes, and the status says so.
 */
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';

export const SECRETS_DB_NAME = 'r2k-lens-secrets';
const SECRETS_DB_VERSION = 1;
const STORE = 'secrets';
const TWELVE_DATA_KEY = 'twelveDataApiKey';

interface SecretsDb extends DBSchema {
  secrets: { key: string; value: string };
}

/** The part of a `storage` area the fallback needs (`browser.storage.session`). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Where the key is kept and whether it survives a browser restart. */
export interface ApiKeyStatus {
  /** True when a key is saved. */
  set: boolean;
  /** The key's last four characters, to recognise it (`null` when none is set). */
  hint: string | null;
  /** `indexeddb`: on this device until removed; `session`: until the browser closes. */
  storage: 'indexeddb' | 'session';
  /** Why the session fallback is in use, in plain words; `null` on IndexedDB. */
  degradedReason: string | null;
}

export interface ApiKeyStore {
  get(): Promise<string>;
  /** Saves `key` (trimmed); an empty string removes the key. */
  set(key: string): Promise<void>;
  status(): Promise<ApiKeyStatus>;
}

export { isPlausibleApiKey } from './api-key-format';

function openSecretsDb(factory: IDBFactory): Promise<IDBPDatabase<SecretsDb>> {
  const request = factory.open(SECRETS_DB_NAME, SECRETS_DB_VERSION);
  request.addEventListener('upgradeneeded', () => {
    const db = request.result;
    if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
  });
  return wrap(request) as Promise<IDBPDatabase<SecretsDb>>;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The key store over `factory` (the background's `indexedDB`; `null` forces the session
 * fallback), with `session` as the fallback area. Never rejects on open; a failing IndexedDB is
 * noticed on the first call and the store moves to the session area for the worker's life.
 */
export function createApiKeyStore(factory: IDBFactory | null, session: SessionArea): ApiKeyStore {
  let degradedReason: string | null = factory ? null : 'IndexedDB is not available';

  async function withDb<T>(use: (db: IDBPDatabase<SecretsDb>) => Promise<T>): Promise<T | null> {
    if (!factory || degradedReason !== null) return null;
    let db: IDBPDatabase<SecretsDb> | null = null;
    try {
      db = await openSecretsDb(factory);
      return await use(db);
    } catch (error) {
      degradedReason = `IndexedDB could not be used (${describe(error)})`;
      return null;
    } finally {
      db?.close();
    }
  }

  async function readSession(): Promise<string> {
    const value = (await session.get(TWELVE_DATA_KEY))[TWELVE_DATA_KEY];
    return typeof value === 'string' ? value : '';
  }

  async function get(): Promise<string> {
    const stored = await withDb(async (db) => (await db.get(STORE, TWELVE_DATA_KEY)) ?? '');
    return stored ?? (await readSession());
  }

  return {
    get,
    async set(key) {
      const value = key.trim();
      const done = await withDb(async (db) => {
        if (value === '') await db.delete(STORE, TWELVE_DATA_KEY);
        else await db.put(STORE, value, TWELVE_DATA_KEY);
        return true;
      });
      if (done) {
        // A key kept in the session area while IndexedDB was failing must not outlive this one.
        await session.remove(TWELVE_DATA_KEY);
        return;
      }
      if (value === '') await session.remove(TWELVE_DATA_KEY);
      else await session.set({ [TWELVE_DATA_KEY]: value });
    },
    async status() {
      const key = await get();
      return {
        set: key !== '',
        hint: key === '' ? null : key.slice(-4),
        storage: degradedReason === null ? 'indexeddb' : 'session',
        degradedReason,
      };
    },
  };
}

/** The area and key where versions up to 0.1 kept the key (`storage.local`). */
export const LEGACY_API_KEY = { area: 'local', key: 'twelveDataApiKey' } as const;

/**
 * Moves a key left in `storage.local` by an older version into `store`, then deletes it there.
 * Idempotent; a newer key already in the store wins over the legacy one.
 */
export async function moveLegacyApiKey(
  local: Pick<SessionArea, 'get' | 'remove'>,
  store: ApiKeyStore,
): Promise<boolean> {
  const legacy = (await local.get(LEGACY_API_KEY.key))[LEGACY_API_KEY.key];
  if (typeof legacy !== 'string') return false;
  if (legacy.trim() !== '' && (await store.get()) === '') await store.set(legacy);
  await local.remove(LEGACY_API_KEY.key);
  return true;
}
