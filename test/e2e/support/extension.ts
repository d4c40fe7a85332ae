import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';

/** Where the e2e build lives (built by `.ci/run` or `npm run build:e2e` with the local chart server URL baked in). */
export const EXTENSION_DIR = path.resolve(
  process.env.R2K_EXTENSION_DIR ?? '.output/e2e/chrome-mv3',
);

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens an extension page (`popup.html`, `options.html`). */
  openExtensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Debian's Chromium on a fresh profile with the built extension loaded, headless. */
export async function launchWithExtension(
  options: { args?: readonly string[] } = {},
): Promise<LoadedExtension> {
  const profile = mkdtempSync(path.join(tmpdir(), 'r2k-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...(options.args ?? []),
    ],
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async openExtensionPage(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The extension API in the service worker (`worker.evaluate` runs there). */
declare const chrome: typeof import('wxt/browser').browser;

/**
 * Delivers the keyboard shortcut to the active tab as the background does when the browser
 * reports a `commands` press (`runCommand` in entrypoints/background/commands.ts): headless
 * Chromium does not route extension shortcuts, so the suite sends the background's message.
 */
export async function pressShortcut(
  ext: LoadedExtension,
  step: 'next' | 'previous',
  page?: Page,
): Promise<{ symbol: string | null } | undefined> {
  await page?.bringToFront();
  return ext.worker.evaluate(async (s) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    const reply = (await chrome.tabs.sendMessage(tab.id, {
      type: 'stepMention',
      data: { step: s },
    })) as { ok: boolean; data?: { symbol: string | null } };
    return reply.data;
  }, step);
}
