import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { startProviderServer, type ProviderServer } from '../../support/provider-server';
import type { LoadedExtension } from './extension';

/** The service worker's extension API (code passed to `worker.evaluate` runs there). */
declare const chrome: typeof browser;

/** The e2e build's chart origin port (`npm run build:e2e` sets WXT_CHART_BASE_URL to it). */
export const CHART_PORT = 47800;

/** The toolbar popup's size in Chrome (at most 800 × 600). */
export const POPUP_SIZE = { width: 440, height: 600 };

/**
 * Opens the popup page in a popup window of its own, as the toolbar popup would be opened over
 * `page` (which is brought to front first): the popup then finds `page` as the active tab of the
 * last focused normal window. (Chromium does not let a test click the toolbar button, and
 * `action.openPopup()` opens a popup Playwright cannot drive.)
 */
export async function openPopupOver(ext: LoadedExtension, page: Page | null): Promise<Page> {
  await page?.bringToFront();
  const opened = ext.context.waitForEvent('page', { timeout: 10_000 });
  await ext.worker.evaluate(
    async ({ url, size }) => {
      await chrome.windows.create({ url, type: 'popup', ...size });
    },
    { url: `chrome-extension://${ext.extensionId}/popup.html`, size: POPUP_SIZE },
  );
  const popup = await opened;
  await popup.setViewportSize(POPUP_SIZE);
  await popup.waitForLoadState('domcontentloaded');
  return popup;
}

/**
 * Holds the chart provider's port with a server that resets every connection: the extension sees
 * the provider as unreachable (as offline), and no other local server on that port can feed it
 * data during the test. Retries for a while if the port is taken (another suite's server).
 */
export async function holdProviderOffline(timeoutMs = 60_000): Promise<ProviderServer> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const server = await startProviderServer({ port: CHART_PORT });
      server.setFault('yahoo', '*', { kind: 'reset' });
      return server;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** One axe-core violation, as reported. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core on `page` (WCAG 2.0-2.2 A and AA rules and best practices) and returns the
 * violations of `serious` or `critical` impact. Evaluated through the DevTools protocol, so the
 * extension page's content security policy does not block it.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
