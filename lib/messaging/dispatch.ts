import type { Reply } from './envelope';

/** A protocol: message names mapped to their request and response types. */
export type Protocol<M> = { [K in keyof M]: { request: unknown; response: unknown } };

/** A handler per message name: request data in, response data out (or a thrown Error, which becomes an error reply). */
export type Handlers<Map extends Protocol<Map>, Sender> = {
  [K in keyof Map]: (data: Map[K]['request'], sender: Sender) => Promise<Map[K]['response']>;
};

/** Validates the data of each message; returns the typed request or a message saying what is wrong. */
export type Validators<Map extends Protocol<Map>> = {
  [K in keyof Map]: (data: unknown) => Map[K]['request'] | string;
};

/** Validates the reply data of each message (replies from a less trusted side: a content script). */
export type ResponseValidators<Map extends Protocol<Map>> = {
  [K in keyof Map]: (data: unknown) => Map[K]['response'] | string;
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Routes one raw message to its handler. Anything that is not `{ type, data }` with a known type
 * and valid data is answered with an error reply, never passed on: a content script is treated as
 * a possibly compromised renderer. Handler failures become error replies too, so callers always
 * get an answer they can show.
 */
export async function dispatchMessage<Map extends Protocol<Map>, Sender>(
  raw: unknown,
  sender: Sender,
  handlers: Handlers<Map, Sender>,
  validators: Validators<Map>,
): Promise<Reply<Map[keyof Map]['response']>> {
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'Malformed message' };
  const { type, data } = raw as { type?: unknown; data?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) {
    return { ok: false, error: `Unknown message type: ${String(type).slice(0, 40)}` };
  }
  const key = type as keyof Map;
  const parsed = validators[key](data);
  if (typeof parsed === 'string') return { ok: false, error: `Invalid ${type} request: ${parsed}` };
  try {
    return { ok: true, data: await handlers[key](parsed as Map[keyof Map]['request'], sender) };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}
