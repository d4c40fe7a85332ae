/**
 * The content script's side of the settings: content scripts cannot read extension storage
 * (the background restricts it to trusted contexts), so they ask the background for their page's
 * settings and are told when to ask again.
 *
 * ```ts
 * let settings = await loadPageSettings();
 * const stop = watchPageSettings((next) => apply(next), ctx.signal);
 * ```
 */
import { browser } from 'wxt/browser';
import type { PageSettings } from '../settings/page-settings';
import { sendToBackground } from './client';
import type { Reply } from './envelope';
import { isPageSettingsChanged } from './protocol';

/** How `loadPageSettings` reaches the background (replaced in tests). */
export type PageSettingsRequest = () => Promise<Reply<PageSettings>>;

const askBackground: PageSettingsRequest = () => sendToBackground('getPageSettings', {});

/** Pause before the one retry (a worker that was asleep may miss the first message while starting). */
const RETRY_DELAY_MS = 250;

/**
 * The settings of the page this content script runs in. Retries once; rejects with the
 * background's reason when it cannot answer (extension updated or disabled meanwhile).
 */
export async function loadPageSettings(
  request: PageSettingsRequest = askBackground,
): Promise<PageSettings> {
  let reply = await request();
  if (!reply.ok) {
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    reply = await request();
  }
  if (!reply.ok) throw new Error(`R2K Lens could not read its settings: ${reply.error}`);
  return reply.data;
}

/**
 * Calls `onChange` with fresh page settings each time the background says they may have changed
 * (options saved in any window, a site allowed or revoked). Only events from R2K Lens itself are
 * considered; when several arrive close together, only the latest answer is delivered. Stops
 * when `signal` aborts or the returned function is called.
 */
export function watchPageSettings(
  onChange: (settings: PageSettings) => void,
  signal?: AbortSignal,
  request: PageSettingsRequest = askBackground,
): () => void {
  let latest = 0;
  let stopped = false;
  const listener = (message: unknown, sender: { id?: string }): undefined => {
    if (stopped || sender.id !== browser.runtime.id || !isPageSettingsChanged(message)) {
      return undefined;
    }
    const ticket = ++latest;
    loadPageSettings(request)
      .then((settings) => {
        if (!stopped && ticket === latest) onChange(settings);
      })
      .catch((error: unknown) => console.warn('R2K Lens: settings could not be read', error));
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  const stop = () => {
    stopped = true;
    browser.runtime.onMessage.removeListener(listener);
  };
  signal?.addEventListener('abort', stop, { once: true });
  return stop;
}
