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

/** The error text of a tab without a content script to answer ("Receiving end does not exist"). */
export const NO_RECEIVER = 'R2K Lens is not running on this page.';

/**
 * Sends a typed message to the content script in the top frame of `tabId` (frame 0: it answers
 * for its whole page) and validates the reply with {@link contentResponseValidators}: a page's
 * renderer is not trusted, so a malformed reply comes back as an error, never as data. Never
 * throws; a tab without our content script gives {@link NO_RECEIVER}.
 */
export async function sendToTab<K extends keyof ContentProtocolMap>(
  tabId: number,
  type: K,
  data: ContentProtocolMap[K]['request'],
): Promise<Reply<ContentProtocolMap[K]['response']>> {
  let raw: unknown;
  try {
    raw = await browser.tabs.sendMessage(tabId, { type, data }, { frameId: 0 });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/receiving end does not exist|could not establish connection/i.test(text)) {
      return { ok: false, error: NO_RECEIVER };
    }
    return failure(error);
  }
  if (raw === undefined) return { ok: false, error: NO_RECEIVER };
  const reply = toReply<unknown>(raw);
  if (!reply.ok)
    return {
      ok: false,
      error:
        typeof reply.error === 'string'
          ? reply.error.slice(0, 200)
          : 'The page answered with an error.',
    };
  const parsed = contentResponseValidators[type](reply.data);
  return typeof parsed === 'string'
    ? { ok: false, error: `The page's answer was malformed (${parsed}).` }
    : { ok: true, data: parsed as ContentProtocolMap[K]['response'] };
}
