/**
 * Whether the hover card is shown and done loading, for the demo's screenshot. The card lives in
 * a closed shadow root the page cannot enter, so the demo looks the way only the browser's
 * automation can: in Chromium, in R2K Lens's isolated world through CDP, where
 * `chrome.dom.openOrClosedShadowRoot` opens the root; in Firefox, over WebDriver BiDi, which hands
 * closed shadow roots to a function as arguments. The shipped build has no hook for this.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

/** Page-side: the card in `root` is shown (not held back by the open delay) and not loading. */
const SHOWN = `(root) => {
  const card = root?.querySelector('.card');
  return !!card && card.dataset.hidden !== 'true' && card.dataset.state !== 'loading';
}`;

/** Polls `ready` every 100 ms until it holds or `timeoutMs` passes. */
async function poll(ready: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await ready().catch(() => false))) {
    if (Date.now() > until) throw new Error(`no card shown within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits for the card in Chromium (Playwright), through R2K Lens's isolated world. */
export async function waitForCardChromium(page: PlaywrightPage, timeoutMs = 30_000): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const worlds: number[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string; isDefault?: boolean } | undefined;
    if (aux?.type === 'isolated' && context.name === 'R2K Lens') worlds.push(context.id);
  });
  await session.send('Runtime.enable');
  const expression = `[...document.documentElement.children].some((el) => (${SHOWN})(chrome.dom.openOrClosedShadowRoot(el)))`;
  try {
    await poll(async () => {
      for (const contextId of worlds) {
        const { result } = await session
          .send('Runtime.evaluate', { expression, contextId, returnByValue: true })
          .catch(() => ({ result: { value: false } }));
        if (result.value === true) return true;
      }
      return false;
    }, timeoutMs);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

interface BidiSession {
  send(
    method: string,
    params: object,
  ): Promise<{ result: { type: string; result?: { value?: unknown } } }>;
}

/** Waits for the card in Firefox (Puppeteer over WebDriver BiDi). */
export async function waitForCardFirefox(page: PuppeteerPage, timeoutMs = 30_000): Promise<void> {
  // Puppeteer's BiDi session and the tab's browsing context (internal fields, checked here).
  const context = (
    page.mainFrame() as unknown as {
      browsingContext?: { id?: string; userContext?: { browser?: { session?: BidiSession } } };
    }
  ).browsingContext;
  const session = context?.userContext?.browser?.session;
  if (!context?.id || typeof session?.send !== 'function') {
    throw new Error('not a WebDriver BiDi page');
  }
  const target = { context: context.id };
  await poll(async () => {
    const { result } = await session.send('script.evaluate', {
      expression: 'document.documentElement',
      target,
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
    });
    const children =
      (result.result?.value as { children?: { value?: { shadowRoot?: { sharedId?: string } } }[] })
        ?.children ?? [];
    const roots = children.flatMap((c) => c.value?.shadowRoot?.sharedId ?? []);
    if (roots.length === 0) return false;
    const shown = await session.send('script.callFunction', {
      functionDeclaration: `(...roots) => roots.some(${SHOWN})`,
      arguments: roots.map((sharedId) => ({ sharedId })),
      target,
      awaitPromise: false,
      resultOwnership: 'none',
    });
    return shown.result.result?.value === true;
  }, timeoutMs);
}
