import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { sendToBackground, sendToTab } from '../../lib/messaging/client';
import type { Reply } from '../../lib/messaging/envelope';
import {
  isBackgroundEvent,
  type BackgroundEvent,
  type ContentProtocolMap,
  type MessageType,
  type RequestOf,
  type ResponseOf,
} from '../../lib/messaging/protocol';

/** The tab the popup is about: the active tab of the window it was opened from. */
export interface ActiveTab {
  id: number;
  /** `null` when the browser withholds the URL (pages the extension has no access to). */
  url: string | null;
}

/**
 * Everything the popup needs from the browser, behind one small interface so component tests
 * can drive each state (offline, a failing background, a page without content script) with
 * plain functions, and the components stay free of `browser.*`.
 */
export interface PopupPorts {
  send<K extends MessageType>(type: K, data: RequestOf<K>): Promise<Reply<ResponseOf<K>>>;
  /** Asks the content script of the tab's top frame; the reply is validated. */
  sendToTab<K extends keyof ContentProtocolMap>(
    tabId: number,
    type: K,
    data: ContentProtocolMap[K]['request'],
  ): Promise<Reply<ContentProtocolMap[K]['response']>>;
  activeTab(): Promise<ActiveTab | null>;
  /** Subscribes to the background's events; returns the unsubscribe function. */
  onBackgroundEvent(listener: (event: BackgroundEvent) => void): () => void;
  /** Whether the browser says it is online, and a subscription to changes. */
  online(): boolean;
  onOnlineChange(listener: (online: boolean) => void): () => void;
  openOptions(): void;
  /** Closes the toolbar popup (nothing when the popup page is open in a tab). */
  closePopup(): void;
}

/**
 * The active tab of the window the popup belongs to. When the popup page itself is that tab (it
 * was opened in a tab or a window of its own), the active tab of the last focused normal window.
 * Exported for its test; the popup reads it through `browserPorts.activeTab`.
 */
export async function activeTab(): Promise<ActiveTab | null> {
  // Undefined in the toolbar popup; the popup page's own tab when it is opened in one.
  const self = await browser.tabs.getCurrent();
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  let chosen = tab;
  if (!tab || (self !== undefined && tab.id === self.id)) {
    chosen = await activeTabOfLastNormalWindow(self?.id);
  }
  return chosen?.id === undefined ? null : { id: chosen.id, url: chosen.url ?? null };
}

/**
 * The active tab of the normal window used last, other than the popup's own tab. Firefox ignores
 * `getLastFocused`'s `windowTypes` filter: with the popup page in a popup window of its own, it
 * returns that window, whose only tab is the popup. So the window's type is checked, and failing
 * that the active tab of a normal window that was used most recently (`lastAccessed`) is taken.
 */
async function activeTabOfLastNormalWindow(
  selfId: number | undefined,
): Promise<Browser.tabs.Tab | undefined> {
  const win = await browser.windows.getLastFocused({ windowTypes: ['normal'] }).catch(() => null);
  if (win?.id !== undefined && (win.type === undefined || win.type === 'normal')) {
    const [tab] = await browser.tabs.query({ active: true, windowId: win.id });
    if (tab && tab.id !== selfId) return tab;
  }
  const tabs = await browser.tabs.query({ active: true, windowType: 'normal' });
  return tabs
    .filter((tab) => tab.id !== selfId)
    .toSorted((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

/** The real browser. */
export const browserPorts: PopupPorts = {
  send: sendToBackground,
  sendToTab,
  activeTab,
  onBackgroundEvent(listener) {
    const onMessage = (message: unknown) => {
      if (isBackgroundEvent(message)) listener(message);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  },
  online: () => globalThis.navigator?.onLine !== false,
  onOnlineChange(listener) {
    const on = () => listener(true);
    const off = () => listener(false);
    globalThis.addEventListener('online', on);
    globalThis.addEventListener('offline', off);
    return () => {
      globalThis.removeEventListener('online', on);
      globalThis.removeEventListener('offline', off);
    };
  },
  openOptions: () => void browser.runtime.openOptionsPage(),
  closePopup() {
    void browser.tabs.getCurrent().then((tab) => {
      if (!tab) globalThis.close();
    });
  },
};

/** The ports the popup's components use (the real browser unless a test provides others). */
export const PortsContext = createContext<PopupPorts>(browserPorts);

/** The popup's ports. */
export function usePorts(): PopupPorts {
  return useContext(PortsContext);
}
