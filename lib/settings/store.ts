import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, sanitizeSettings, type Settings } from './schema';

/**
 * The settings item (sync area, so preferences follow the user's browser profile). Reads are
 * sanitized, so a value written by an older version or edited by hand still yields valid settings.
 * Migrations, when the shape changes, go in `migrations` as pure functions tested from a sample
 * of the old shape.
 */
export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
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

/** Calls `onChange` with sanitized settings whenever they change (in any context); returns the unsubscribe function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(sanitizeSettings(value)));
}

/**
 * The Twelve Data API key: in `storage.local` only (never synced to other devices), read by the
 * background when it builds the provider. Empty when not set.
 */
export const twelveDataKeyItem = storage.defineItem<string>('local:twelveDataApiKey', {
  fallback: '',
});

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
