import { browser } from 'wxt/browser';
import { sanitizeSettings, type Settings } from '../../lib/settings/schema';

/**
 * The settings as the content script reads them: the raw `settings` key of `storage.sync`
 * (written by the options page through `lib/settings/store.ts`), sanitized, so a value from an
 * older version or a damaged one still yields valid settings. Read directly rather than through
 * WXT's storage helper, which would add its code to the script that runs on every page.
 */
const KEY = 'settings';

/** The current settings. */
export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(KEY);
  return sanitizeSettings(stored[KEY]);
}

/** Calls `onChange` with the new settings whenever they change, until `signal` aborts. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'sync' && KEY in changes) onChange(sanitizeSettings(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), {
    once: true,
  });
}
