import type { Frame, Page } from 'playwright-core';

// The page-side code is passed as source text: tsx compiles these files with esbuild's keepNames,
// which wraps named functions in a `__name` helper that exists only in Node.

/** Page-side: the text of every range of our highlight in this document. */
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

/**
 * The text of every underlined mention in a document (its `r2k-lens-mention` highlight, whose
 * ranges may be StaticRanges and may lie inside shadow trees), in the order they were drawn.
 */
export async function marked(target: Page | Frame): Promise<string[]> {
  return (await target.evaluate(MARKED)) as string[];
}

/**
 * Waits until `texts` are all underlined in the document (or fails after `timeout` ms). Polls
 * from here with `evaluate` (a DevTools call, which a page's Content-Security-Policy does not
 * govern; `waitForFunction` with source text compiles it in the page, which `default-src 'none'`
 * refuses).
 */
export async function waitForMarks(
  target: Page | Frame,
  texts: readonly string[],
  timeout = 10_000,
): Promise<void> {
  const until = Date.now() + timeout;
  let found: string[] = [];
  for (;;) {
    found = await marked(target);
    if (texts.every((t) => found.includes(t))) return;
    if (Date.now() > until) {
      throw new Error(
        `not all of ${JSON.stringify(texts)} underlined within ${timeout} ms; found ${JSON.stringify(found)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The centre of the first line box of `text` in a document, searching through open shadow roots
 * (nested too), in that document's viewport coordinates; null when absent.
 */
export async function textCentre(
  target: Page | Frame,
  text: string,
): Promise<{ x: number; y: number } | null> {
  return (await target.evaluate(`(() => {
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
export async function styledShadowHosts(target: Page | Frame): Promise<string[]> {
  return (await target.evaluate(`(() => {
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
