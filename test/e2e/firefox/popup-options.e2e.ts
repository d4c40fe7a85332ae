/**
 * Firefox ESR: the popup's dashboard and tabs, the options page, and options reaching the card:
 * the scenarios of the Chromium suite's popup.e2e.ts and popup-options.e2e.ts that Firefox
 * allows (the popup is opened as a tab, or as a popup window over a page for On this page: no
 * browser lets a test click its toolbar button).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import type { ProviderServer } from '../../support/provider-server';
import { startPageServer, type PageServer } from '../support/page-server';
import { holdProviderOffline } from '../support/popup';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './support/firefox';
import { readCard, waitForLoadedCard } from './support/card';
import { cardScreenshot, hoverText, leave } from './support/page';

const SHOTS = 'test/e2e/screenshots';

let ff: FirefoxWithExtension;
let pages: PageServer;
let provider: ProviderServer;

before(async () => {
  pages = await startPageServer();
  provider = await holdProviderOffline();
  ff = await launchFirefoxWithExtension();
});

after(async () => {
  await ff?.close();
  await pages?.close();
  await provider?.stop();
});

async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => (el as HTMLElement).innerText);
}

async function selectTab(popup: Page, name: string): Promise<void> {
  const tabs = await popup.$$('[role=tab]');
  for (const tab of tabs) {
    if ((await tab.evaluate((el) => (el as HTMLElement).innerText)).startsWith(name)) {
      await tab.click();
      await popup.waitForSelector('[role=tabpanel]:not([hidden])');
      return;
    }
  }
  throw new Error(`no tab ${name}`);
}

async function chartsDrawn(popup: Page, count: number): Promise<void> {
  await popup.waitForFunction(
    `(() => {
      const canvases = [...document.querySelectorAll('[role=tabpanel]:not([hidden]) canvas')];
      return canvases.length === ${count} && canvases.every((c) => c.width > 0 && c.hasAttribute('style'));
    })()`,
    { timeout: 20_000 },
  );
}

test('the popup shows the Russell 2000 dashboard from the bundled snapshot, with four charts', async () => {
  const popup = await ff.openExtensionPage('popup.html');
  await popup.setViewport({ width: 440, height: 600 });
  await popup.waitForSelector('[data-testid=r2k-level]', { timeout: 20_000 });
  assert.equal(await text(popup, '[data-testid=r2k-level]'), '2,663.78');
  assert.match(
    await text(popup, 'header'),
    /As of Feb 20, 2026 close · bundled offline snapshot · stale/,
  );
  await chartsDrawn(popup, 4);
  const main = await text(popup, 'main');
  assert.match(main, /Indexes rebased to 100/);
  assert.match(main, /From Feb 20, 2025 to Feb 20, 2026, rebased to 100: Russell 2000 \+17\.8%/);
  assert.match(main, /2008 financial crisis trough −59\.9% on Mar 9, 2009/);
  await popup.screenshot({ path: `${SHOTS}/firefox-popup.png` });

  await selectTab(popup, 'Index');
  await popup.waitForSelector('[data-testid=member-count]', { timeout: 15_000 });
  assert.equal(await text(popup, '[data-testid=member-count]'), '1,924');
  await chartsDrawn(popup, 1);
  assert.match(await text(popup, 'main'), /iShares IWM holdings as of May 5, 2026/);

  await selectTab(popup, 'Compare');
  await popup.waitForSelector('table.compare', { timeout: 20_000 });
  assert.match(await text(popup, 'main'), /Volatility, 63 days\s+18\.1%\s+11\.5%\s+15\.9%/);
  await popup.close();
});

test('"Refresh now" reports that the provider cannot be reached and keeps the last good data', async () => {
  const popup = await ff.openExtensionPage('popup.html');
  await popup.waitForSelector('[data-testid=r2k-level]', { timeout: 20_000 });
  const [button] = await popup.$$('xpath/.//button[normalize-space()="Refresh now"]');
  assert.ok(button, 'a Refresh now button');
  await button.click();
  await popup.waitForSelector('[data-state=refresh-result]', { timeout: 60_000 });
  assert.match(await text(popup, '[data-state=refresh-result]'), /failed|updated|current/);
  assert.equal(await text(popup, '[data-testid=r2k-level]'), '2,663.78');
  await popup.close();
});

test('the benchmarks chosen in the options page reach the card on the next hover', async () => {
  const page = await ff.openPage(pages.url('news.html'));
  let card = await hoverText(page, '#p1', '$IWM');
  assert.match(card, /vs S&P 500/);
  assert.match(card, /vs Nasdaq Composite/);
  await page.waitForFunction('true');
  await cardScreenshot(page, `${SHOTS}/firefox-card-iwm.png`);
  await leave(page);

  const options = await ff.openExtensionPage('options.html');
  await options.waitForSelector('input[name=benchmark][value="^NDX"]');
  await options.click('input[name=benchmark][value="^NDX"]');
  await options.click('input[name=benchmark][value="^GSPC"]');
  await options.click('input[name=benchmark][value="^IXIC"]');
  await options.waitForFunction(`document.body.innerText.includes('Saved')`);
  assert.equal(
    await options.$eval(
      'input[name=benchmark][value="^NDX"]',
      (el) => (el as HTMLInputElement).disabled,
    ),
    true,
    'the last remaining benchmark cannot be unchecked',
  );
  await options.screenshot({ path: `${SHOTS}/firefox-options.png` });

  await page.bringToFront();
  card = await hoverText(page, '#p1', '$IWM');
  assert.match(card, /vs Nasdaq-100/);
  assert.doesNotMatch(card, /vs S&P 500/);
  await leave(page);

  const again = await ff.openExtensionPage('options.html');
  await again.waitForSelector('input[name=benchmark][value="^NDX"]');
  assert.equal(
    await again.$eval(
      'input[name=benchmark][value="^GSPC"]',
      (el) => (el as HTMLInputElement).checked,
    ),
    false,
    'the choice persists',
  );
  await again.close();
  await options.close();
  await page.close();
});

test('the dark theme chosen in the options reaches an open page’s card', async () => {
  const page = await ff.openPage(pages.url('news.html'));
  const options = await ff.openExtensionPage('options.html');
  await options.waitForSelector('input[name=theme][value=dark]');
  await options.click('input[name=theme][value=dark]');
  await options.waitForFunction(`document.body.innerText.includes('Saved')`);
  assert.equal(await options.evaluate(`document.documentElement.dataset.theme ?? null`), 'dark');
  await options.close();
  await page.bringToFront();
  await hoverText(page, '#p2', '$IONQ');
  const card = await readCard(page);
  assert.equal(card?.theme, 'dark');
  assert.equal(card?.dark, true, 'the card is drawn dark');
  await cardScreenshot(page, `${SHOTS}/firefox-card-dark.png`);
  await leave(page);
  await page.close();
});

test('On this page: the popup over a page lists its symbols and reveals one with its card', async () => {
  const page = await ff.openPage(pages.url('long-news.html'));
  await page.waitForFunction(`(CSS.highlights.get('r2k-lens-mention')?.size ?? 0) > 0`, {
    timeout: 30_000,
  });
  // The control tab (an extension page, opened on first use) must not be the active tab.
  await ff.extensionEval('return true');
  await page.bringToFront();
  // As the toolbar button would: a popup window over the page's window (the popup asks for the
  // active tab of the last focused normal window). `#over` tells it apart from the control tab.
  await ff.extensionEval(`
    await browser.windows.create({ url: browser.runtime.getURL('/popup.html#over'), type: 'popup', width: 440, height: 600 });
  `);
  let popup: Page | undefined;
  for (let i = 0; i < 50 && !popup; i++) {
    for (const p of await ff.browser.pages()) {
      const href = (await p.evaluate('location.href').catch(() => '')) as string;
      if (href.endsWith('/popup.html#over')) popup = p;
    }
    if (!popup) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.ok(popup, 'the popup window has a page');
  await popup.waitForSelector('[role=tab]');
  for (const tab of await popup.$$('[role=tab]')) {
    if ((await tab.evaluate((el) => (el as HTMLElement).innerText)).startsWith('This page')) {
      await tab.click();
    }
  }
  await popup.waitForSelector('[data-testid=page-line]', { timeout: 20_000 }).catch(async (e) => {
    throw new Error(`${String(e)}: ${await text(popup, 'main')}`);
  });
  assert.match(
    await text(popup, '[data-testid=page-line]'),
    /^3 of 7 symbols are Russell 2000 members \(iShares IWM holdings, May 5, 2026\)/,
  );
  await popup.click('tr[data-symbol="SFM"] button.symbol-link');
  const card = await waitForLoadedCard(page, 20_000);
  assert.match(card.text, /SFM/);
  assert.ok(((await page.evaluate('window.scrollY')) as number) > 1500, 'the page scrolled');
  await page.close();
});
