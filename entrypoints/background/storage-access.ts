import { browser } from 'wxt/browser';

/** A storage area as far as access levels go (not in the polyfill's types). */
type AreaWithAccessLevel = {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
};

/** Outcome per storage area, for the log and the tests. */
export type AccessLevelResult = Record<
  'local' | 'sync' | 'session',
  'restricted' | 'unsupported' | string
>;

/**
 * Restricts every storage area to trusted contexts (extension pages and the worker), so a
 * compromised content script can neither read nor write settings or anything else in storage.
 * Chromium supports this for `local`, `sync` and `session` and remembers it across restarts;
 * calling it on every worker start is harmless and covers versions that do not remember.
 * Firefox offers `setAccessLevel` on `storage.session` only (already trusted-only there): its
 * content scripts can still reach `local` and `sync`, which is why the API key is not kept in
 * either (see lib/settings/api-key-store.ts) and every settings read is sanitized. Never rejects.
 */
export async function restrictStorageToTrustedContexts(): Promise<AccessLevelResult> {
  const result: AccessLevelResult = {
    local: 'unsupported',
    sync: 'unsupported',
    session: 'unsupported',
  };
  for (const name of ['local', 'sync', 'session'] as const) {
    const area = browser.storage[name] as unknown as AreaWithAccessLevel | undefined;
    if (typeof area?.setAccessLevel !== 'function') continue;
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      result[name] = 'restricted';
    } catch (error) {
      result[name] = error instanceof Error ? error.message : String(error);
    }
  }
  return result;
}
