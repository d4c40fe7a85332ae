import { browser, type Browser } from 'wxt/browser';
import type { Reply } from '../../lib/messaging/envelope';
import { dispatchMessage, type Handlers } from '../../lib/messaging/dispatch';
import type { MessageType, ProtocolMap, ResponseOf } from '../../lib/messaging/protocol';
import { requestValidators } from '../../lib/messaging/validators';
import { loadSettings } from '../../lib/settings/store';
import { loadComposition } from './bundled-tables';
import { clearCache, dataLayerStatus, refreshNow } from './data-status';
import { buildSymbolSummariesPayload } from './symbol-summaries';
import {
  buildCardPayload,
  buildDashboardChartsPayload,
  buildDashboardPayload,
  buildIndexComparisonPayload,
} from './views';

type Sender = Browser.runtime.MessageSender;

/** One handler per message of the protocol (a test checks the two lists match). */
export const handlers: Handlers<ProtocolMap, Sender> = {
  async getCard({ symbol, kind }, sender) {
    return buildCardPayload(symbol, kind, await loadSettings(), sender.tab?.id);
  },
  async getDashboard() {
    return buildDashboardPayload(await loadSettings());
  },
  getDataStatus: () => dataLayerStatus(),
  async refreshNow() {
    return refreshNow(await loadSettings());
  },
  clearCache: () => clearCache(),
  async getDashboardCharts() {
    return buildDashboardChartsPayload(await loadSettings());
  },
  async getIndexComparison() {
    return buildIndexComparisonPayload(await loadSettings());
  },
  getComposition: () => loadComposition(),
  async getSymbolSummaries({ symbols }) {
    return buildSymbolSummariesPayload(symbols, await loadSettings());
  },
};

/**
 * The only messages a content script may send: what a card needs. Everything else (the popup's
 * and the options page's data, refreshes, cache control) needs one of this extension's own pages
 * as sender, since a content script runs in a page's renderer, which may be compromised.
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set(['getCard']);

/** True when `sender` is one of this extension's pages (popup, options), in a tab or not. */
export function isExtensionPage(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id || typeof sender.url !== 'string') return false;
  const base = browser.runtime.getURL('/');
  return sender.url.startsWith(base);
}

/**
 * Answers a runtime message. Only messages from this extension's own pages and content scripts
 * are considered, content scripts only for {@link CONTENT_SCRIPT_MESSAGES}; contents are
 * validated before use.
 */
export function handleMessage(
  message: unknown,
  sender: Sender,
): Promise<Reply<ResponseOf<MessageType>>> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const type =
    typeof message === 'object' && message !== null
      ? (message as { type?: unknown }).type
      : undefined;
  // Events the background itself broadcasts come back to it only in some browsers: ignore them.
  if (type === 'dataUpdated' || type === 'refreshProgress') return undefined;
  if (
    typeof type === 'string' &&
    Object.hasOwn(handlers, type) &&
    !CONTENT_SCRIPT_MESSAGES.has(type as MessageType) &&
    !isExtensionPage(sender)
  ) {
    return Promise.resolve({
      ok: false,
      error: `${type} is only answered to R2K Lens's own pages`,
    });
  }
  return dispatchMessage(message, sender, handlers, requestValidators);
}
