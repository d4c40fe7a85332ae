import { browser } from 'wxt/browser';
import type { BackgroundEvent, PageSettingsChanged } from '../../lib/messaging/protocol';

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

/**
 * Sends `event` to every frame of every tab (the content scripts among them receive it; tabs
 * without one just fail, which is ignored). Needs no `tabs` permission: only tab ids are read.
 */
export async function notifyTabs(event: BackgroundEvent | PageSettingsChanged): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, event).catch(() => undefined),
    ),
  );
}
