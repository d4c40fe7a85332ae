/**
 * The demo in Firefox: R2K Lens installed as a temporary add-on (WebDriver BiDi's
 * `webExtension.install`, through Puppeteer) in a fresh profile that Puppeteer removes on exit.
 */
import { launch as launchBrowser, type Browser } from 'puppeteer-core';
import { FIREFOX_OFFLINE_PREFS } from './offline';
import { waitForCardFirefox } from './card-ready';
import {
  SCREENSHOT_TARGET,
  SCREENSHOT_VIEWPORT,
  UNDERLINED_COUNT,
  textCentreSource,
} from './page-probe';

export interface FirefoxDemo {
  binary: string;
  extensionDir: string;
  url: string;
  online: boolean;
}

async function launch(demo: FirefoxDemo, headless: boolean): Promise<Browser> {
  const browser = await launchBrowser({
    browser: 'firefox',
    executablePath: demo.binary,
    headless,
    defaultViewport: headless ? SCREENSHOT_VIEWPORT : null,
    extraPrefsFirefox: demo.online ? {} : { ...FIREFOX_OFFLINE_PREFS },
  });
  await browser.installExtension(demo.extensionDir);
  return browser;
}

/** Opens the demo page in a Firefox window and waits until Firefox is closed. */
export async function runFirefoxDemo(demo: FirefoxDemo): Promise<void> {
  const browser = await launch(demo, false);
  const closed = new Promise<void>((resolve) => browser.once('disconnected', () => resolve()));
  const stop = () => void browser.close();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.goto(demo.url);
  await closed;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.removeListener(signal, stop);
}

/** Writes what a person would see (the demo page with a card open) to `file`, headless. */
export async function firefoxScreenshot(demo: FirefoxDemo, file: string): Promise<void> {
  const browser = await launch(demo, true);
  try {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setViewport(SCREENSHOT_VIEWPORT);
    await page.goto(demo.url);
    await page.waitForFunction(`${UNDERLINED_COUNT} > 0`, { timeout: 60_000 });
    const at = (await page.evaluate(
      textCentreSource(SCREENSHOT_TARGET.selector, SCREENSHOT_TARGET.text),
    )) as { x: number; y: number } | null;
    if (!at) throw new Error(`${SCREENSHOT_TARGET.text} is not on the demo page`);
    await page.mouse.move(at.x - 40, at.y + 60);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await waitForCardFirefox(page);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.screenshot({ path: file as `${string}.png` });
  } finally {
    await browser.close();
  }
}
