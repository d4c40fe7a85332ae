import { browser } from 'wxt/browser';
import type { BackgroundEvent } from '../../lib/messaging/protocol';

/**
 * Tells open extension pages (popup, options) and, when given, the tab that asked, that newer
 * data arrived for `symbols`, so a card or dashboard on screen can update itself. Nobody
 * listening is not an error.
 */
export function notifyDataUpdated(symbols: string[], tabId?: number): void {
  const event: BackgroundEvent = { type: 'dataUpdated', data: { symbols } };
  void browser.runtime.sendMessage(event).catch(() => undefined);
  if (tabId !== undefined) void browser.tabs.sendMessage(tabId, event).catch(() => undefined);
}
