/**
 * `browser` for the content script, in place of webextension-polyfill (see wxt.config.ts,
 * `lightContentScriptBrowser`, which redirects `wxt/browser` to this module in the content
 * script's build only; the card and engine chunks, the popup, the options page and the background
 * keep the polyfill).
 *
 * The content script runs on every page load, cold, and uses four members of one API:
 * `runtime.id`, `runtime.getURL`, `runtime.sendMessage` and `runtime.onMessage`. The polyfill
 * wraps the whole `chrome` namespace on the first touch, which measured 2.6 ms of main-thread CPU
 * on every page load in Chromium (test/bench/browser/page-cost.ts, a content script that sends
 * one message with and without it). Both browsers' native APIs already return promises for these
 * calls; the one difference left is that Chromium's `onMessage` ignores a promise returned by a
 * listener, so a listener that answers with a promise is given `sendResponse` here.
 */
import type { browser as PolyfilledBrowser } from 'wxt/browser';

type Listener = (message: unknown, sender: unknown) => unknown;
type NativeListener = (
  message: unknown,
  sender: unknown,
  sendResponse: (response: unknown) => void,
) => boolean | undefined;

interface NativeRuntime {
  readonly id?: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: NativeListener): void;
    removeListener(listener: NativeListener): void;
  };
}

interface NativeNamespace {
  runtime?: NativeRuntime;
}

const scope = globalThis as { browser?: NativeNamespace; chrome?: NativeNamespace };

/** Each listener's wrapper, so that `removeListener` finds it. */
const wrappers = new WeakMap<Listener, NativeListener>();

/**
 * Answers with `sendResponse` when the listener returns a promise (Chromium ignores a returned
 * promise; Firefox accepts both ways).
 */
function answering(listener: Listener): NativeListener {
  return (message, sender, sendResponse) => {
    const result = listener(message, sender);
    if (typeof (result as Promise<unknown> | undefined)?.then !== 'function') return undefined;
    (result as Promise<unknown>).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
}

/** The runtime API as the content script uses it, over the browser's own. */
function lightRuntime(native: NativeRuntime): NativeRuntime {
  const onMessage = {
    addListener(listener: Listener): void {
      const wrapper = answering(listener);
      wrappers.set(listener, wrapper);
      native.onMessage.addListener(wrapper);
    },
    removeListener(listener: Listener): void {
      const wrapper = wrappers.get(listener);
      if (wrapper) native.onMessage.removeListener(wrapper);
    },
  };
  return {
    get id() {
      return native.id;
    },
    getURL: (path) => native.getURL(path),
    sendMessage: (message) => native.sendMessage(message),
    onMessage: onMessage as unknown as NativeRuntime['onMessage'],
  };
}

let cached: { native: NativeRuntime; light: NativeRuntime } | undefined;

/**
 * As WXT's own `browser`: Firefox's promise-based `browser` where it exists, else `chrome` (whose
 * calls return promises in Manifest V3). Read at each use: once the extension is updated or
 * removed, the runtime goes away, and the content script checks `browser.runtime?.id` to notice.
 */
export const browser = {
  get runtime(): NativeRuntime | undefined {
    let native: NativeRuntime | undefined;
    try {
      native = scope.browser?.runtime?.id ? scope.browser.runtime : scope.chrome?.runtime;
    } catch {
      return undefined;
    }
    if (!native?.id) return undefined;
    if (cached?.native !== native) cached = { native, light: lightRuntime(native) };
    return cached.light;
  },
} as unknown as typeof PolyfilledBrowser;
