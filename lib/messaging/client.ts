import { browser } from 'wxt/browser';
import type { Reply } from './envelope';
import type { ContentProtocolMap, MessageType, RequestOf, ResponseOf } from './protocol';
import { contentResponseValidators } from './validators';

function toReply<T>(raw: unknown): Reply<T> {
  if (typeof raw === 'object' && raw !== null && 'ok' in raw) return raw as Reply<T>;
  return {
    ok: false,
    error: 'The extension did not answer (it may have been updated: reload the page).',
  };
}

function failure(error: unknown): { ok: false; error: string } {
  const text = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: /context invalidated/i.test(text) ? 'The extension was updated: reload the page.' : text,
  };
}

/** Sends a typed message to the background; never throws (failures come back as `{ ok: false }`). */
export async function sendToBackground<K extends MessageType>(
  type: K,
  data: RequestOf<K>,
): Promise<Reply<ResponseOf<K>>> {
  try {
    return toReply<ResponseOf<K>>(await browser.runtime.sendMessage({ type, data }));
  } catch (error) {
    return failure(error);
  }
}

/**
 * Sends a typed message to the content script of `tabId`; never throws. The answer is checked
 * like a request (a content script may be a compromised renderer): a malformed one comes back as
 * `{ ok: false }` saying so.
 */
export async function sendToTab<K extends keyof ContentProtocolMap>(
  tabId: number,
  type: K,
  data: ContentProtocolMap[K]['request'],
): Promise<Reply<ContentProtocolMap[K]['response']>> {
  let reply: Reply<unknown>;
  try {
    reply = toReply<unknown>(await browser.tabs.sendMessage(tabId, { type, data }));
  } catch (error) {
    return failure(error);
  }
  if (!reply.ok) return { ok: false, error: String(reply.error).slice(0, 200) };
  const checked = contentResponseValidators[type](reply.data);
  return typeof checked === 'string'
    ? { ok: false, error: `The page's answer was not valid (${checked}).` }
    : { ok: true, data: checked };
}
