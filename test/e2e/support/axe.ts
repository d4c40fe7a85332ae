import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { evaluateIsolated } from './card';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core finding, as the suite reports it. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core on the open card. axe is loaded into the content script's isolated world (the
 * only place that can open the card's closed shadow root), where `Element.prototype.shadowRoot`
 * is made to answer with `chrome.dom.openOrClosedShadowRoot` for axe's walk: that world's
 * prototypes are its own, so the page sees nothing of it.
 */
export async function axeOnCard(
  page: Page,
): Promise<{ violations: AxeFinding[]; passes: number; incomplete: AxeFinding[] }> {
  await evaluateIsolated(page, `${AXE_SOURCE};\nvoid 0`);
  return evaluateIsolated(
    page,
    `(async () => {
      const native = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot').get;
      Object.defineProperty(Element.prototype, 'shadowRoot', {
        configurable: true,
        get() {
          try {
            return chrome.dom.openOrClosedShadowRoot(this) ?? null;
          } catch {
            return native.call(this);
          }
        },
      });
      let card = null;
      for (const el of document.documentElement.children) {
        const root = chrome.dom.openOrClosedShadowRoot(el);
        card = root?.querySelector('.card') ?? null;
        if (card) break;
      }
      if (!card) throw new Error('no card open');
      const result = await axe.run(card, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        rules: { region: { enabled: false } },
      });
      const map = (list) => list.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => n.html.slice(0, 120)),
      }));
      return { violations: map(result.violations), passes: result.passes.length, incomplete: map(result.incomplete) };
    })()`,
  );
}
