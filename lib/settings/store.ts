import { storage } from 'wxt/utils/storage';
import { SETTINGS_MIGRATIONS } from './migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, sanitizeSettings, type Settings } from './schema';

/**
 * The settings item (sync area, so preferences follow the user's browser profile). Older stored
 * versions are upgraded on first use by the pure steps in `./migrations`; reads are sanitized, so
 * a value edited by hand or written by a newer version still yields valid settings.
 *
 * Only trusted contexts use this module (the background, the popup, the options page): the
 * background restricts the storage areas to them (`setAccessLevel`), and content scripts get what
 * they need through `getPageSettings` (see `lib/messaging/page-settings-client.ts`).
 */
export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS as Record<number, (old: unknown) => Settings>,
});

/** Current settings, always complete and valid. */
export async function loadSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

/** Saves settings after sanitizing them; returns what was stored. */
export async function saveSettings(next: Settings): Promise<Settings> {
  const clean = sanitizeSettings(next);
  await settingsItem.setValue(clean);
  return clean;
}

/**
 * Calls `onChange` with sanitized settings (and the previous ones) whenever they change, in any
 * trusted context; returns the unsubscribe function.
 */
export function watchSettings(
  onChange: (settings: Settings, previous: Settings) => void,
): () => void {
  return settingsItem.watch((value, previous) =>
    onChange(sanitizeSettings(value), sanitizeSettings(previous)),
  );
}

/**
 * What the hover card remembers between cards (whether "More" is open): `storage.local`, written
 * by the background on the content script's `setCardDetailsOpen` message (the only value a page's
 * content script may write, and only this boolean).
 */
export const cardPrefsItem = storage.defineItem<{ detailsOpen: boolean }>('local:cardPrefs', {
  fallback: { detailsOpen: false },
});

/** The card's preferences, sanitized (anything but `true` reads as closed). */
export async function loadCardPrefs(): Promise<{ detailsOpen: boolean }> {
  const stored: unknown = await cardPrefsItem.getValue();
  return {
    detailsOpen:
      typeof stored === 'object' &&
      stored !== null &&
      (stored as { detailsOpen?: unknown }).detailsOpen === true,
  };
}
