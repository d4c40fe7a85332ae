import { browser } from 'wxt/browser';
import type { BackgroundEvent, RefreshProgress } from '../../lib/messaging/protocol';

/** The running "Refresh now", if any (this worker's memory: the refresh lives and dies with it). */
let current: RefreshProgress | null = null;

/** How far the running "Refresh now" has got, or `null` when none runs. */
export function refreshProgress(): RefreshProgress | null {
  return current;
}

/**
 * Records and announces progress to extension pages (the popup shows it); `current: null` with
 * `done === total` ends the refresh. Nobody listening is not an error.
 */
export function reportRefreshProgress(progress: RefreshProgress): void {
  current = progress.current === null && progress.done >= progress.total ? null : progress;
  const event: BackgroundEvent = { type: 'refreshProgress', data: progress };
  void browser.runtime.sendMessage(event).catch(() => undefined);
}
