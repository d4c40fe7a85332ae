/**
 * Reading the hover card from the real-browser suite. The card lives in a closed shadow root that
 * neither the page nor Playwright's selectors can enter, so the suite reads it the way only the
 * extension can: in the content script's isolated world (through CDP `Runtime.evaluate` with that
 * world's execution context), where `chrome.dom.openOrClosedShadowRoot` opens the root. The
 * shipped build carries no test hook for this.
 */
import type { CDPSession, Page } from 'playwright-core';

import { marked } from './marks';

/** What the suite reads of the open card. */
export interface CardInfo {
  /** The card's text as rendered (screen-reader sentences included). */
  text: string;
  /** `loading`, `symbol`, `index`, `unavailable` or `error`. */
  state: string;
  /** The card's box in the top viewport, CSS px. */
  box: { x: number; y: number; width: number; height: number };
  /** Whether the body scrolls inside the card (content taller than the card). */
  scrolls: boolean;
  /** The focus ring's box, when the keyboard opened the card. */
  ring: { x: number; y: number; width: number; height: number } | null;
  /** Whether focus is inside the card. */
  focused: boolean;
  /** The element focused inside the card (tag and text), or null. */
  activeInside: string | null;
  /** The accessible name's source text (aria-labelledby) and the role. */
  role: string | null;
  label: string | null;
  /** What the polite live region says. */
  announced: string;
  detailsOpen: boolean;
  /** The theme the card resolved to (`light` or `dark`, from its background colour). */
  dark: boolean;
}

interface IsolatedWorld {
  session: CDPSession;
  contexts: Map<string, number>;
}

const worlds = new WeakMap<Page, IsolatedWorld>();

/** The isolated world of R2K Lens in `page`'s top frame, tracked across navigations. */
async function worldOf(page: Page): Promise<IsolatedWorld> {
  let world = worlds.get(page);
  if (world) return world;
  const session = await page.context().newCDPSession(page);
  const contexts = new Map<string, number>();
  session.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { frameId?: string; type?: string } | undefined;
    if (aux?.type === 'isolated' && context.name === 'R2K Lens' && aux.frameId) {
      contexts.set(aux.frameId, context.id);
    }
  });
  session.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
    for (const [frame, id] of contexts) if (id === executionContextId) contexts.delete(frame);
  });
  await session.send('Runtime.enable');
  world = { session, contexts };
  worlds.set(page, world);
  return world;
}

/** Evaluates `expression` in the content script's isolated world of the top frame. */
export async function evaluateIsolated<T>(page: Page, expression: string): Promise<T> {
  const world = await worldOf(page);
  const { frameTree } = await world.session.send('Page.getFrameTree');
  const frameId = frameTree.frame.id;
  for (let i = 0; i < 100 && !world.contexts.has(frameId); i++) await page.waitForTimeout(100);
  const contextId = world.contexts.get(frameId);
  if (contextId === undefined) throw new Error('no R2K Lens isolated world in the page');
  const result = await world.session.send('Runtime.evaluate', {
    expression,
    contextId,
    returnByValue: true,
    awaitPromise: true,
  });
  if (result.exceptionDetails) {
    throw new Error(
      `isolated evaluate failed: ${JSON.stringify(result.exceptionDetails).slice(0, 400)}`,
    );
  }
  return result.result.value as T;
}

/** JS (isolated world) that finds the card's closed shadow root. */
const FIND_ROOT = `(() => {
  for (const el of document.documentElement.children) {
    const root = chrome.dom.openOrClosedShadowRoot(el);
    if (root && root.querySelector('.live')) return { host: el, root };
  }
  return null;
})()`;

/** The open card, read in the isolated world; null when no card is shown. */
export async function readCard(page: Page): Promise<CardInfo | null> {
  return evaluateIsolated<CardInfo | null>(
    page,
    `(() => {
      const found = ${FIND_ROOT};
      if (!found) return null;
      const card = found.root.querySelector('.card');
      // A card drawn ahead of the open delay's end is not shown yet.
      if (!card || card.dataset.hidden === 'true') return null;
      const r = card.getBoundingClientRect();
      const ring = found.root.querySelector('.focus-ring');
      const rr = ring ? ring.getBoundingClientRect() : null;
      const body = card.querySelector('.body');
      const active = found.root.activeElement;
      const labelId = card.getAttribute('aria-labelledby');
      const bg = getComputedStyle(card).backgroundColor.match(/\\d+/g).map(Number);
      return {
        text: card.innerText,
        state: card.dataset.state,
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        scrolls: body ? body.scrollHeight > body.clientHeight + 1 : false,
        ring: rr ? { x: rr.x, y: rr.y, width: rr.width, height: rr.height } : null,
        focused: active !== null,
        activeInside: active ? active.tagName.toLowerCase() + ':' + (active.getAttribute('aria-label') || active.textContent || '').trim().slice(0, 40) : null,
        role: card.getAttribute('role'),
        label: labelId ? (found.root.getElementById(labelId)?.textContent ?? null) : null,
        announced: found.root.querySelector('.live')?.textContent ?? '',
        detailsOpen: card.querySelector('.more')?.getAttribute('aria-expanded') === 'true',
        dark: bg[0] + bg[1] + bg[2] < 200,
      };
    })()`,
  );
}

/** The centre of an element of the card (`selector` inside the shadow root), in viewport px. */
export async function cardPoint(
  page: Page,
  selector: string,
): Promise<{ x: number; y: number } | null> {
  return evaluateIsolated(
    page,
    `(() => {
      const found = ${FIND_ROOT};
      const el = found?.root.querySelector(${JSON.stringify(selector)});
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    })()`,
  );
}

/** Waits until `check` holds for the card (or for "no card", given null). */
export async function waitForCard(
  page: Page,
  check: (card: CardInfo | null) => boolean,
  timeoutMs = 20_000,
): Promise<CardInfo | null> {
  const until = Date.now() + timeoutMs;
  let last: CardInfo | null = null;
  for (;;) {
    last = await readCard(page);
    if (check(last)) return last;
    if (Date.now() > until) {
      throw new Error(
        `card not as expected within ${timeoutMs} ms: ${JSON.stringify(last)?.slice(0, 600)}`,
      );
    }
    await page.waitForTimeout(50);
  }
}

/** Waits for a card showing data (not the skeleton). */
export function waitForLoadedCard(page: Page, timeoutMs = 20_000): Promise<CardInfo> {
  return waitForCard(
    page,
    (c) => c !== null && c.state !== 'loading',
    timeoutMs,
  ) as Promise<CardInfo>;
}

/** The centre of the first line box of `text` inside `selector`, in viewport px. */
export async function textPoint(
  page: Page,
  selector: string,
  text: string,
): Promise<{
  x: number;
  y: number;
  rect: { left: number; top: number; right: number; bottom: number };
}> {
  const box = await page.evaluate(
    (target) => {
      const root = document.querySelector(target.selector);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(target.text) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + target.text.length);
        const r = range.getClientRects()[0];
        if (r) {
          // The whole mention on its first line (bidi text can split it into several boxes).
          const line = [...range.getClientRects()].filter((b) => Math.abs(b.top - r.top) < 2);
          return {
            x: r.left + r.width / 2,
            y: r.top + r.height / 2,
            rect: {
              left: Math.min(...line.map((b) => b.left)),
              top: r.top,
              right: Math.max(...line.map((b) => b.right)),
              bottom: Math.max(...line.map((b) => b.bottom)),
            },
          };
        }
      }
      return null;
    },
    { selector, text },
  );
  if (!box) throw new Error(`text ${text} not found in ${selector}`);
  return box;
}

/**
 * Moves the pointer onto (x, y) as a reader's does, from a spot without text (the middle of the
 * viewport's bottom edge), so it rests on no other mention on the way however slow the machine.
 */
export async function approach(page: Page, x: number, y: number): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1100, height: 800 };
  await page.mouse.move(viewport.width / 2, viewport.height - 3);
  await page.mouse.move(x, y, { steps: 4 });
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

/** The text of the open card, for assertions. */
export interface CardHandle {
  innerText(): Promise<string>;
  info(): Promise<CardInfo>;
}

/**
 * Hovers the first occurrence of `text` inside `selector` and waits for the card to show data;
 * with `details` (the default) opens "More" too. Moves the pointer to the middle of the text's
 * first line, as a reader would.
 */
export async function hoverText(
  page: Page,
  selector: string,
  text: string,
  { details = true }: { details?: boolean } = {},
): Promise<CardHandle> {
  // The content script starts once the background has answered with the page's settings; on a
  // fresh profile the background is also seeding its cache, so give the first scan time to draw.
  await waitForSomeMark(page, 30_000);
  const { x, y } = await textPoint(page, selector, text);
  await approach(page, x, y);
  // The first hover on a fresh profile waits for the cache to be seeded (and maybe a fetch).
  await waitForLoadedCard(page);
  if (details) {
    const card = await readCard(page);
    if (card?.state === 'symbol' || card?.state === 'index') await openDetails(page);
  }
  const read = async () => {
    const card = await readCard(page);
    if (!card) throw new Error('the card closed');
    return card;
  };
  return { innerText: async () => (await read()).text, info: read };
}

/** Moves the pointer away and waits for the card to close. */
export async function leave(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  await waitForCard(page, (c) => c === null, 5_000);
}

/** Waits until the page has at least one underlined mention. */
async function waitForSomeMark(page: Page, timeout: number): Promise<void> {
  const until = Date.now() + timeout;
  while ((await marked(page)).length === 0) {
    if (Date.now() > until) throw new Error(`nothing underlined within ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}
