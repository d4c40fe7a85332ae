import { browser, type Browser } from 'wxt/browser';
import type { Reply } from '../../lib/messaging/envelope';
import { dispatchMessage, type Handlers } from '../../lib/messaging/dispatch';
import type { ProtocolMap, ResponseOf, MessageType } from '../../lib/messaging/protocol';
import { requestValidators } from '../../lib/messaging/validators';
import { loadSettings } from '../../lib/settings/store';
import { buildCardPayload, buildDashboardPayload } from './views';

type Sender = Browser.runtime.MessageSender;

/** One handler per message of the protocol (a test checks the two lists match). */
export const handlers: Handlers<ProtocolMap, Sender> = {
  async getCard({ symbol, kind }) {
    return buildCardPayload(symbol, kind, await loadSettings());
  },
  async getDashboard() {
    return buildDashboardPayload(await loadSettings());
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
  return dispatchMessage(message, sender, handlers, requestValidators);
}
