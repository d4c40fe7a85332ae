import type { Locator, Page } from 'playwright-core';

/** The hover card's root inside its shadow host (Playwright's CSS engine pierces open shadow roots). */
export function cardLocator(page: Page): Locator {
  return page.locator('r2k-lens-card .card');
}

/**
 * Hovers the first occurrence of `text` inside `selector` and waits for the card to show data.
 * Moves the pointer to the middle of the text's first line, as a reader would.
 */
export async function hoverText(page: Page, selector: string, text: string): Promise<Locator> {
  // The content script starts once the background has answered with the page's settings; on a
  // fresh profile the background is also seeding its cache, so give the first scan time to draw.
  await page.waitForFunction(() => (CSS.highlights.get('r2k-lens-mention')?.size ?? 0) > 0, null, {
    timeout: 30_000,
  });
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
        if (r) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    { selector, text },
  );
  if (!box) throw new Error(`text ${text} not found in ${selector}`);
  await page.mouse.move(box.x - 40, box.y + 60);
  await page.mouse.move(box.x, box.y, { steps: 4 });
  const card = cardLocator(page);
  await card.waitFor({ state: 'visible', timeout: 10_000 });
  // The first hover on a fresh profile waits for the cache to be seeded (and maybe a fetch).
  await card.locator('[aria-busy="true"]').waitFor({ state: 'detached', timeout: 20_000 });
  return card;
}

/** Moves the pointer away and waits for the card to close. */
export async function leave(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  await cardLocator(page).waitFor({ state: 'detached', timeout: 5_000 });
}
