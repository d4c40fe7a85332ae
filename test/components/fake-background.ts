/**
 * A stand-in background for component tests: answers `sendToBackground` messages through the
 * fake browser's runtime with the handlers given (the same `{ ok, data | error }` replies), and
 * records what was asked.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Handler = (data: unknown) => unknown;

export interface FakeBackground {
  calls: { type: string; data: unknown }[];
}

/** Installs a listener answering each message type with `handlers[type]` (an error reply when it throws). */
export function fakeBackground(handlers: Record<string, Handler>): FakeBackground {
  const state: FakeBackground = { calls: [] };
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    const { type, data } = message as { type: string; data: unknown };
    const handler = handlers[type];
    if (!handler) return undefined;
    state.calls.push({ type, data });
    void Promise.resolve()
      .then(() => handler(data))
      .then(
        (result) => sendResponse({ ok: true, data: result }),
        (error: unknown) =>
          sendResponse({
            ok: false,
            error: error instanceof Error ? error.message : String(error),
          }),
      );
    return true;
  });
  return state;
}
