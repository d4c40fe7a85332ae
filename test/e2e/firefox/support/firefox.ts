/**
 * Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the Firefox e2e build
 * installed as a temporary add-on (`browser.installExtension`), as the Chromium suite's
 * support/extension.ts does for Chromium.
 */
import path from 'node:path';
import { launch, type Browser, type Page } from 'puppeteer-core';

/** Debian's Firefox ESR (`FIREFOX_PATH` overrides). */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The Firefox e2e build (`npm run build:e2e:firefox`: local pages, the chart provider at 127.0.0.1:47800). */
export const FIREFOX_EXTENSION_DIR = path.resolve(
  process.env.R2K_FIREFOX_EXTENSION_DIR ?? '.output/e2e/firefox-mv2',
);

/** R2K Lens's add-on id (wxt.config.ts, `browser_specific_settings.gecko.id`). */
export const ADDON_ID = '{5d1b8a57-2f6e-4b8e-9c1a-6e2f4d9b7a31}';

/**
 * The internal UUID the suite gives the add-on (Firefox picks a random one per profile unless
 * `extensions.webextensions.uuids` names it), so extension pages have a known address.
 */
export const ADDON_UUID = '3f0e1c52-9d7b-4b8a-a1e3-2c4d5e6f7a80';

/** An extension page's address (`popup.html`, `options.html`). */
export function extensionUrl(file: string): string {
  return `moz-extension://${ADDON_UUID}/${file}`;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** A new tab on an extension page, loaded. */
  openExtensionPage(file: string): Promise<Page>;
  /** A new tab on a web page, loaded. */
  openPage(url: string): Promise<Page>;
  /**
   * Runs `fn` (source text of an async function body's expression, given `browser` = the
   * extension API) in an extension page, as the Chromium suite runs code in the service worker.
   */
  extensionEval<T>(source: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * Launches Firefox ESR headless on a fresh profile (Puppeteer's, removed on close) with the
 * extension installed. `--remote-allow-system-access` lets WebDriver BiDi open moz-extension://
 * pages (the popup and options page) in a tab, which it refuses otherwise; the browser cannot
 * click its own toolbar button, so the popup is tested as a tab, as in the Chromium suite.
 */
export async function launchFirefoxWithExtension(
  options: { locale?: string } = {},
): Promise<FirefoxWithExtension> {
  const browser = await launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: { width: 1100, height: 800 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // Firefox in another language (its language pack installed, e.g. Debian's
      // firefox-esr-l10n-de): the extension's i18n follows the browser's.
      ...(options.locale
        ? { 'intl.locale.requested': options.locale, 'intl.accept_languages': options.locale }
        : {}),
    },
  });
  const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);
  let control: Page | null = null;

  async function openExtensionPage(file: string): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 800 });
    // Navigating a tab into the extension's process confuses BiDi's navigation tracking now and
    // then (the load is not reported); the page's own state says when it is there.
    await page.goto(extensionUrl(file), { timeout: 10_000 }).catch(() => undefined);
    await page.waitForFunction(
      `location.href === ${JSON.stringify(extensionUrl(file))} && document.readyState === 'complete'`,
      { timeout: 20_000 },
    );
    return page;
  }

  return {
    browser,
    openExtensionPage,
    async openPage(url) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 800 });
      await page.goto(url);
      return page;
    },
    async extensionEval<T>(source: string): Promise<T> {
      // A tab of its own on an extension page: it has the whole extension API.
      control ??= await openExtensionPage('popup.html');
      return (await control.evaluate(`(async () => { ${source} })()`)) as T;
    },
    async close() {
      await browser.close();
    },
  };
}
