import { browser } from 'wxt/browser';
import { decodeSnapshot } from '../../lib/snapshot/format';
import type { Snapshot } from '../../lib/snapshot/types';

/** Path of the bundled snapshot inside the extension (built by `npm run snapshot`). */
export const SNAPSHOT_PATH = '/data/snapshot.json';

let pending: Promise<Snapshot> | null = null;

/**
 * The bundled snapshot of real data, decoded once per service-worker lifetime (it is read from
 * the extension package, so it works offline). A failed read is not cached, so the next call
 * tries again.
 */
export function loadBundledSnapshot(): Promise<Snapshot> {
  pending ??= (async () => {
    const response = await fetch(browser.runtime.getURL(SNAPSHOT_PATH));
    if (!response.ok) throw new Error(`bundled snapshot unreadable (HTTP ${response.status})`);
    return decodeSnapshot(await response.json());
  })().catch((error: unknown) => {
    pending = null;
    throw error;
  });
  return pending;
}
