/**
 * Page-side code the demo's screenshot runs in the page (passed as source text, so it runs the
 * same under Playwright and Puppeteer, and tsx's helpers never reach the page).
 */

/** The number of mentions R2K Lens has underlined in the page (0 until the first scan drew). */
export const UNDERLINED_COUNT = `(CSS.highlights?.get('r2k-lens-mention')?.size ?? 0)`;

/** The centre of the first line of `text` inside the element `selector`, or null. */
export function textCentreSource(selector: string, text: string): string {
  return `(() => {
    const root = document.querySelector(${JSON.stringify(selector)});
    if (!root) return null;
    const wanted = ${JSON.stringify(text)};
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + wanted.length);
      const r = range.getClientRects()[0];
      if (r) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  })()`;
}

/** Where the screenshot points: the hint's `$IWM`, near the top, so the whole card is in view. */
export const SCREENSHOT_TARGET = { selector: '#hint', text: '$IWM' } as const;

/** The screenshot's window size (CSS pixels). */
export const SCREENSHOT_VIEWPORT = { width: 1280, height: 860 } as const;
