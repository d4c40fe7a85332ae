import { browser, type Browser } from 'wxt/browser';
import type { Reply } from '../../lib/messaging/envelope';
import { dispatchMessage, type Handlers } from '../../lib/messaging/dispatch';
import type { MessageType, ProtocolMap, ResponseOf } from '../../lib/messaging/protocol';
import { requestValidators } from '../../lib/messaging/validators';
import { cardPrefsItem, loadCardPrefs, loadSettings } from '../../lib/settings/store';
import { clearCache, dataLayerStatus, refreshNow } from './data-status';
import { buildCardPayload, buildDashboardPayload } from './views';

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
  getCardPrefs: () => loadCardPrefs(),
  async setCardDetailsOpen({ open }) {
    await cardPrefsItem.setValue({ detailsOpen: open });
    return { detailsOpen: open };
  },
};

/**
 * Answers a runtime message. Only messages from this extension's own pages and content scripts
 * are considered; their contents are validated before use.
 */
export function handleMessage(
  message: unknown,
  sender: Sender,
): Promise<Reply<ResponseOf<MessageType>>> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  // Events the background itself broadcasts come back to it only in some browsers: ignore them.
  if (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'dataUpdated'
  ) {
    return undefined;
  }
  return dispatchMessage(message, sender, handlers, requestValidators);
}
