/**
 * Reading the hover card in Firefox, as test/e2e/support/card.ts does in Chromium. The card lives
 * in a closed shadow root that neither the page nor Puppeteer's selectors can enter. WebDriver
 * BiDi can: `script.evaluate` with `includeShadowTree: 'all'` serializes closed shadow roots too,
 * with a shared id, and `script.callFunction` takes that id as an argument, handing the function
 * the root itself. Puppeteer has no public call for either, so this reaches its BiDi session
 * (internal fields, checked at run time). The shipped build carries no test hook for this.
 */
import type { Page } from 'puppeteer-core';

/** What the suite reads of the open card (the fields the Firefox scenarios need). */
export interface CardInfo {
  /** The card's text as rendered. */
  text: string;
  /** `loading`, `symbol`, `index`, `unavailable` or `error`. */
  state: string;
  /** The card's box in the top viewport, CSS px. */
  box: { x: number; y: number; width: number; height: number };
  /** The theme the options chose (`system`, `light`, `dark`). */
  theme: string;
  /** The theme the card resolved to, from its background colour. */
  dark: boolean;
  detailsOpen: boolean;
}

interface BidiValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}
interface BidiResult {
  type: 'success' | 'exception';
  result?: BidiValue;
  exceptionDetails?: { text?: string };
}
interface BidiSession {
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}

/** The page's top-level browsing context id and Puppeteer's BiDi session. */
function bidiOf(page: Page): { context: string; session: BidiSession } {
  const context = (
    page.mainFrame() as unknown as {
      browsingContext?: { id?: string; userContext?: { browser?: { session?: BidiSession } } };
    }
  ).browsingContext;
  const session = context?.userContext?.browser?.session;
  if (!context?.id || typeof session?.send !== 'function') {
    throw new Error('not a WebDriver BiDi page (puppeteer-core internals changed?)');
  }
  return { context: context.id, session };
}

/** Shared ids of the closed shadow roots on the children of `<html>` (where the card host sits). */
async function closedRoots(page: Page): Promise<string[]> {
  const { context, session } = bidiOf(page);
  const { result } = await session.send('script.evaluate', {
    expression: 'document.documentElement',
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const children = ((result.result?.value as { children?: BidiValue[] } | undefined)?.children ??
    []) as { value?: { shadowRoot?: BidiValue | null } }[];
  return children
    .map((child) => child.value?.shadowRoot?.sharedId)
    .filter((id): id is string => typeof id === 'string');
}

/**
 * Runs `fn` (source of a function of the card's shadow root, or of null when there is no card
 * host) in the page and returns its JSON result.
 */
async function inCardRoot<T>(page: Page, fn: string): Promise<T> {
  const { context, session } = bidiOf(page);
  const roots = await closedRoots(page);
  const { result } = await session.send('script.callFunction', {
    functionDeclaration: `(...roots) => {
      const root = roots.find((r) => r.querySelector('.live')) ?? null;
      return JSON.stringify((${fn})(root) ?? null);
    }`,
    arguments: roots.map((sharedId) => ({ sharedId })),
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
  });
  if (result.type !== 'success' || typeof result.result?.value !== 'string') {
    throw new Error(`card read failed: ${JSON.stringify(result).slice(0, 400)}`);
  }
  return JSON.parse(result.result.value) as T;
}

/** The open card; null when no card is shown (none, or one drawn ahead of the open delay). */
export function readCard(page: Page): Promise<CardInfo | null> {
  return inCardRoot<CardInfo | null>(
    page,
    `(root) => {
      const card = root?.querySelector('.card');
      if (!card || card.dataset.hidden === 'true') return null;
      const r = card.getBoundingClientRect();
      const bg = (getComputedStyle(card).backgroundColor.match(/\\d+/g) ?? [255, 255, 255]).map(Number);
      return {
        text: card.innerText,
        state: card.dataset.state,
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        theme: card.dataset.theme ?? '',
        dark: bg[0] + bg[1] + bg[2] < 200,
        detailsOpen: card.querySelector('.more')?.getAttribute('aria-expanded') === 'true',
      };
    }`,
  );
}

/** The centre of an element of the card (`selector` inside the shadow root), in viewport px. */
export function cardPoint(page: Page, selector: string): Promise<{ x: number; y: number } | null> {
  return inCardRoot(
    page,
    `(root) => {
      const el = root?.querySelector(${JSON.stringify(selector)});
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }`,
  );
}

/** Waits until `check` holds for the card (or for "no card", given null). */
export async function waitForCard(
  page: Page,
  check: (card: CardInfo | null) => boolean,
  timeoutMs = 20_000,
): Promise<CardInfo | null> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const last = await readCard(page);
    if (check(last)) return last;
    if (Date.now() > until) {
      throw new Error(
        `card not as expected within ${timeoutMs} ms: ${JSON.stringify(last)?.slice(0, 600)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for a card showing data (not the skeleton). */
export function waitForLoadedCard(page: Page, timeoutMs = 30_000): Promise<CardInfo> {
  return waitForCard(
    page,
    (c) => c !== null && c.state !== 'loading' && c.box.width > 0,
    timeoutMs,
  ) as Promise<CardInfo>;
}

/** Opens "More" when it is closed, with a real click, and waits for the details. */
export async function openDetails(page: Page): Promise<CardInfo> {
  const now = await readCard(page);
  if (now?.detailsOpen) return now;
  const at = await cardPoint(page, '.more');
  if (!at) throw new Error('the card has no More button');
  await page.mouse.click(at.x, at.y);
  return (await waitForCard(page, (c) => c?.detailsOpen === true, 5_000)) as CardInfo;
}
