import { browser, type Browser } from 'wxt/browser';
import type { Reply } from '../../lib/messaging/envelope';
import { dispatchMessage, type Handlers } from '../../lib/messaging/dispatch';
import {
  MESSAGE_ACCESS,
  type MessageType,
  type ProtocolMap,
  type ResponseOf,
} from '../../lib/messaging/protocol';
import {
  isExtensionPage,
  isOwnExtension,
  type ExtensionIdentity,
} from '../../lib/messaging/sender';
import { requestValidators } from '../../lib/messaging/validators';
import { cardPrefsItem, loadCardPrefs, loadSettings } from '../../lib/settings/store';
import { apiKeyStore } from './api-key';
import { loadComposition } from './bundled-tables';
import { clearCache, dataLayerStatus, refreshNow } from './data-status';
import { pageSettingsForSender } from './site-access';
import { buildSymbolSummariesPayload } from './symbol-summaries';
import {
  buildCardPayload,
  buildDashboardChartsPayload,
  buildDashboardPayload,
  buildIndexComparisonPayload,
} from './views';

type Sender = Browser.runtime.MessageSender;

function self(): ExtensionIdentity {
  return { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
}

/** One handler per message of the protocol (a test checks the two lists match). */
export const handlers: Handlers<ProtocolMap, Sender> = {
  async getCard({ symbol, kind }, sender) {
    // A content script on a page where R2K Lens is off (paused, switched off, access revoked)
    // has no card to show: refusing keeps such a page from making price requests.
    if (!isExtensionPage(sender, self()) && !(await pageSettingsForSender(sender)).active) {
      throw new Error('R2K Lens is off on this page.');
    }
    return buildCardPayload(symbol, kind, await loadSettings(), sender.tab?.id);
  },
  getPageSettings: (_data, sender) => pageSettingsForSender(sender),
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
  getApiKeyStatus: () => apiKeyStore().status(),
  async setApiKey({ key }) {
    await apiKeyStore().set(key);
    return apiKeyStore().status();
  },
  getCardPrefs: () => loadCardPrefs(),
  async setCardDetailsOpen({ open }) {
    await cardPrefsItem.setValue({ detailsOpen: open });
    return { detailsOpen: open };
  },
};

/**
 * Answers a runtime message. Messages from other extensions are ignored; privileged messages
 * (see `MESSAGE_ACCESS`) are refused unless the browser reports one of R2K Lens's own pages as
 * the sender; every request is validated before a handler sees it.
 */
export function handleMessage(
  message: unknown,
  sender: Sender,
): Promise<Reply<ResponseOf<MessageType>>> | undefined {
  const me = self();
  if (!isOwnExtension(sender, me)) return undefined;
  const type =
    typeof message === 'object' && message !== null
      ? (message as { type?: unknown }).type
      : undefined;
  // Events the background itself broadcasts come back to it only in some browsers: ignore them.
  if (type === 'dataUpdated' || type === 'refreshProgress' || type === 'pageSettingsChanged') {
    return undefined;
  }
  if (
    typeof type === 'string' &&
    Object.hasOwn(MESSAGE_ACCESS, type) &&
    MESSAGE_ACCESS[type as MessageType] === 'extension-page' &&
    !isExtensionPage(sender, me)
  ) {
    return Promise.resolve({
      ok: false,
      error: `${type} is answered only to R2K Lens's own pages (popup, options).`,
    });
  }
  return dispatchMessage(message, sender, handlers, requestValidators);
}
