// oxlint-disable-next-line import/no-unassigned-import -- installs the IDB globals idb's wrap() checks with instanceof
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  SECRETS_DB_NAME,
  createApiKeyStore,
  isPlausibleApiKey,
  moveLegacyApiKey,
  type SessionArea,
} from '../../../lib/settings/api-key-store';

const KEY = 'AbCdEf0123456789WxYz';

function memoryArea(): SessionArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: data[key] } : {}),
    set: async (items) => void Object.assign(data, items),
    remove: async (key) => void delete data[key],
  };
}

/** An IndexedDB whose open always fails (quota, private mode, a broken profile). */
function brokenFactory(): IDBFactory {
  const factory = new IDBFactory();
  factory.open = () => {
    throw new DOMException(
      'The operation failed for reasons unrelated to the database',
      'UnknownError',
    );
  };
  return factory;
}

describe('API key store', () => {
  it('keeps the key in its own IndexedDB database, and says so without revealing it', async () => {
    const factory = new IDBFactory();
    const session = memoryArea();
    const store = createApiKeyStore(factory, session);
    expect(await store.status()).toEqual({
      set: false,
      hint: null,
      storage: 'indexeddb',
      degradedReason: null,
    });
    await store.set(`  ${KEY} `);
    expect(await store.get()).toBe(KEY);
    expect(await store.status()).toEqual({
      set: true,
      hint: 'WxYz',
      storage: 'indexeddb',
      degradedReason: null,
    });
    expect(session.data).toEqual({});
    // A new store over the same database (a restarted worker) finds it.
    expect(await createApiKeyStore(factory, memoryArea()).get()).toBe(KEY);
    const names = (await factory.databases()).map((d) => d.name);
    expect(names).toEqual([SECRETS_DB_NAME]);
  });

  it('removes the key when given an empty one', async () => {
    const store = createApiKeyStore(new IDBFactory(), memoryArea());
    await store.set(KEY);
    await store.set('');
    expect(await store.get()).toBe('');
    expect((await store.status()).set).toBe(false);
  });

  it('falls back to the session area when IndexedDB cannot be used, and says why', async () => {
    const session = memoryArea();
    const store = createApiKeyStore(brokenFactory(), session);
    await store.set(KEY);
    expect(session.data).toEqual({ twelveDataApiKey: KEY });
    expect(await store.get()).toBe(KEY);
    const status = await store.status();
    expect(status.storage).toBe('session');
    expect(status.degradedReason).toMatch(/^IndexedDB could not be used \(UnknownError/);
    expect(createApiKeyStore(null, memoryArea())).toBeDefined();
    expect((await createApiKeyStore(null, memoryArea()).status()).degradedReason).toBe(
      'IndexedDB is not available',
    );
  });

  it('moves a key an older version left in storage.local, once, and deletes it there', async () => {
    const local = memoryArea();
    local.data.twelveDataApiKey = KEY;
    const store = createApiKeyStore(new IDBFactory(), memoryArea());
    expect(await moveLegacyApiKey(local, store)).toBe(true);
    expect(await store.get()).toBe(KEY);
    expect(local.data).toEqual({});
    expect(await moveLegacyApiKey(local, store)).toBe(false);
  });

  it('never lets a legacy key overwrite a newer one', async () => {
    const local = memoryArea();
    local.data.twelveDataApiKey = 'OldKey0123456789OldKey';
    const store = createApiKeyStore(new IDBFactory(), memoryArea());
    await store.set(KEY);
    await moveLegacyApiKey(local, store);
    expect(await store.get()).toBe(KEY);
    expect(local.data).toEqual({});
  });

  it('accepts only what looks like a Twelve Data key', () => {
    expect(isPlausibleApiKey('')).toBe(true);
    expect(isPlausibleApiKey(KEY)).toBe(true);
    for (const bad of [
      'short',
      'a'.repeat(65),
      'has space 0123456789',
      '<script>0123456789</script>',
    ]) {
      expect(isPlausibleApiKey(bad)).toBe(false);
    }
  });
});
