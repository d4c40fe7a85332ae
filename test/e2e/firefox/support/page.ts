/**
 * Reading the page as the Chromium suite does (test/e2e/support/card.ts and marks.ts), with
 * Puppeteer: the underlined mentions from the page's highlight registry, hovering a mention, and
 * the hover card's text from its closed shadow root (./card.ts).
 */
import type { Frame, Page } from 'puppeteer-core';
import { openDetails, readCard, waitForCard, waitForLoadedCard } from './card';

/** A document to read: a page or a frame in it. */
export type Doc = Page | Frame;

/** Page-side: the text of every range of our highlight (ranges may be StaticRanges). */
const MARKED = `(() => {
  const h = CSS.highlights.get('r2k-lens-mention');
  if (!h) return [];
  return [...h].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
})()`;

/** The number of underlined mentions. */
export const UNDERLINED = `(CSS.highlights.get('r2k-lens-mention')?.size ?? 0)`;

/** The text of every underlined mention, in the order drawn. */
export async function marked(page: Doc): Promise<string[]> {
  return (await page.evaluate(MARKED)) as string[];
}

/** Waits until every one of `texts` is underlined (or none of them, with `present = false`). */
export async function waitForMarks(
  page: Doc,
  texts: readonly string[],
  present = true,
  timeout = 15_000,
): Promise<void> {
  const want = JSON.stringify(texts);
  const check = present
    ? `${want}.every((t) => ${MARKED}.includes(t))`
    : `${want}.every((t) => !${MARKED}.includes(t))`;
  await page.waitForFunction(check, { timeout }).catch(async (error: unknown) => {
    throw new Error(
      `${present ? 'not all of' : 'still'} ${want} underlined; found ${JSON.stringify(await marked(page))}: ${String(error)}`,
    );
  });
}

/** The open card's text, or null when no card is shown. */
export async function cardText(page: Page): Promise<string | null> {
  return (await readCard(page))?.text ?? null;
}

/**
 * Moves the pointer onto (x, y) as a reader's does, from a spot without text (the middle of the
 * viewport's bottom edge), so it rests on no other mention on the way however slow the machine.
 */
export async function approach(page: Page, x: number, y: number): Promise<void> {
  const viewport = page.viewport() ?? { width: 1100, height: 800 };
  await page.mouse.move(viewport.width / 2, viewport.height - 3);
  await page.mouse.move(x, y, { steps: 4 });
}

/** Waits for a loaded card and opens its details (as the Chromium suite's hoverText does). */
async function loadedCardText(page: Page, details: boolean): Promise<string> {
  let card = await waitForLoadedCard(page);
  if (details && (card.state === 'symbol' || card.state === 'index')) {
    card = await openDetails(page);
  }
  return card.text;
}

/** The centre of the first line box of `text` inside `selector`, in viewport coordinates. */
async function textCentre(page: Page, selector: string, text: string) {
  return (await page.evaluate(`(() => {
    const root = document.querySelector(${JSON.stringify(selector)});
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(${JSON.stringify(text)});
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + ${text.length});
      const r = range.getClientRects()[0];
      if (r) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  })()`)) as { x: number; y: number } | null;
}

/**
 * Hovers the first occurrence of `text` inside `selector` (once the first scan has drawn), waits
 * for the card to show data and, with `details` (the default), opens "More"; returns the card's
 * text.
 */
export async function hoverText(
  page: Page,
  selector: string,
  text: string,
  { details = true }: { details?: boolean } = {},
): Promise<string> {
  await page.waitForFunction(`${UNDERLINED} > 0`, { timeout: 30_000 });
  const at = await textCentre(page, selector, text);
  if (!at) throw new Error(`text ${text} not found in ${selector}`);
  await approach(page, at.x, at.y);
  return loadedCardText(page, details);
}

/** Moves the pointer away and waits for the card to close. */
export async function leave(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  await waitForCard(page, (c) => c === null, 5_000);
}

/** A screenshot of the open card alone. */
export async function cardScreenshot(page: Page, file: `${string}.png`): Promise<void> {
  const card = await readCard(page);
  if (!card) throw new Error('no card to photograph');
  await page.screenshot({ path: file, clip: card.box });
}

/**
 * The centre of the first line box of `text` in a document, searching through open shadow roots
 * (nested too), in that document's viewport coordinates; null when absent.
 */
export async function textCentreDeep(doc: Doc, text: string) {
  return (await doc.evaluate(`(() => {
    const wanted = ${JSON.stringify(text)};
    const search = (root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.nodeType === Node.ELEMENT_NODE) {
          const inner = n.shadowRoot ? search(n.shadowRoot) : null;
          if (inner) return inner;
          continue;
        }
        const at = n.data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + wanted.length);
        const r = range.getClientRects()[0];
        if (r) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    };
    return search(document);
  })()`)) as { x: number; y: number } | null;
}

/** Which shadow roots in the document carry the underline rule (adopted), as host tag names. */
export async function styledShadowHosts(doc: Doc): Promise<string[]> {
  return (await doc.evaluate(`(() => {
    const out = [];
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        const shadow = el.shadowRoot;
        if (!shadow) continue;
        const styled = shadow.adoptedStyleSheets.some((sheet) =>
          [...sheet.cssRules].some((rule) => rule.cssText.includes('::highlight(r2k-lens-mention)')),
        );
        if (styled) out.push(el.localName);
        visit(shadow);
      }
    };
    visit(document);
    return out;
  })()`)) as string[];
}

/** Rests the pointer at viewport point `at` of the page and returns the open card's text. */
export async function hoverAt(page: Page, at: { x: number; y: number }): Promise<string> {
  await approach(page, at.x, at.y);
  const text = await loadedCardText(page, false);
  await page.mouse.move(2, 2);
  await waitForCard(page, (c) => c === null, 5_000);
  return text;
}
