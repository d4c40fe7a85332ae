import { browser } from 'wxt/browser';
import {
  createApiKeyStore,
  moveLegacyApiKey,
  type ApiKeyStore,
} from '../../lib/settings/api-key-store';

let base: ApiKeyStore | null = null;
let cached: Promise<string> | null = null;

function baseStore(): ApiKeyStore {
  base ??= createApiKeyStore(globalThis.indexedDB ?? null, browser.storage.session);
  return base;
}

/**
 * The Twelve Data key store of this worker (IndexedDB, or storage.session when that fails). The
 * key is read on every provider lookup, so it is remembered for the worker's life and forgotten
 * when it is saved again.
 */
export function apiKeyStore(): ApiKeyStore {
  const store = baseStore();
  return {
    get() {
      cached ??= store.get().catch((error: unknown) => {
        cached = null;
        throw error;
      });
      return cached;
    },
    async set(key) {
      cached = null;
      try {
        await store.set(key);
      } finally {
        cached = null;
      }
    },
    status: () => store.status(),
  };
}

/** Moves a key an older version left in `storage.local` to the key store (on install and update). */
export function moveLegacyKey(): Promise<boolean> {
  return moveLegacyApiKey(browser.storage.local, apiKeyStore());
}
