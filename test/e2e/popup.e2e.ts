import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ProviderServer } from '../support/provider-server';
import { waitForLoadedCard } from './support/card';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { startPageServer, type PageServer } from './support/page-server';
import { holdProviderOffline, openPopupOver, seriousAxeViolations } from './support/popup';

const SHOTS = 'test/e2e/screenshots';

let ext: LoadedExtension;
let pages: PageServer;
let provider: ProviderServer;
let news: Page;

before(async () => {
  pages = await startPageServer();
  provider = await holdProviderOffline();
  ext = await launchWithExtension();
  news = await ext.context.newPage();
  await news.goto(pages.url('news.html'));
});

after(async () => {
  await ext?.close();
  await pages?.close();
  await provider?.stop();
});

function median(xs: number[]): number {
  return xs.toSorted((a, b) => a - b)[xs.length >> 1] as number;
}

async function selectTab(popup: Page, name: RegExp): Promise<void> {
  await popup.getByRole('tab', { name }).click();
  await popup.locator('[role=tabpanel]:not([hidden])').waitFor();
}

/** Waits until every canvas in the visible panel has been drawn by Chart.js. */
async function chartsDrawn(popup: Page, count: number): Promise<void> {
  await popup.waitForFunction(
    (n) => {
      const canvases = [...document.querySelectorAll('[role=tabpanel]:not([hidden]) canvas')];
      return (
        canvases.length === n &&
        canvases.every((c) => (c as HTMLCanvasElement).width > 0 && c.hasAttribute('style'))
      );
    },
    count,
    { timeout: 15_000 },
  );
}

test('the popup shows the Russell 2000 dashboard from the bundled snapshot, with four charts', async () => {
  const popup = await openPopupOver(ext, news);
  const level = popup.getByTestId('r2k-level');
  await level.waitFor({ timeout: 15_000 });
  // ^RUT closed at 2,663.78 on 2026-02-20, the snapshot's last full day (yfinance dump, see PROVENANCE).
  assert.equal(await level.innerText(), '2,663.78');
  const header = await popup.locator('header').innerText();
  assert.match(header, /As of Feb 20, 2026 close · bundled offline snapshot · stale/);
  assert.match(header, /Stale: the latest close shown is Feb 20, 2026/);
  await chartsDrawn(popup, 4);
  const main = await popup.locator('main').innerText();
  for (const period of ['1M', 'YTD', '1Y']) assert.match(main, new RegExp(`\\b${period}\\b`));
  assert.match(main, /Nasdaq Composite/);
  assert.match(main, /Indexes rebased to 100/);
  assert.match(main, /From Feb 20, 2025 to Feb 20, 2026, rebased to 100: Russell 2000 \+17\.8%/);
  assert.match(main, /Shaded: 2008 financial crisis \(Jul 13, 2007 to Mar 9, 2009\)/);
  assert.match(main, /2008 financial crisis trough −59\.9% on Mar 9, 2009/);
  assert.match(main, /19\.78%/);
  assert.match(main, /Source: /);
  await popup.screenshot({ path: `${SHOTS}/popup.png` });

  // The period switch redraws; the data table shows the charted values.
  const rebased = popup.locator('figure.chart-figure').first();
  await rebased.getByRole('button', { name: 'Max' }).click();
  assert.match(
    await rebased.locator('figcaption').innerText(),
    /^From Mar 10, 1999 to Feb 20, 2026/,
  );
  await rebased.getByRole('button', { name: 'Show data table' }).click();
  assert.equal(await rebased.locator('.data-table tbody tr').count(), 400);
  await popup.close();
});

test('the Index tab shows what the Russell 2000 is made of, from the holdings files', async () => {
  const popup = await openPopupOver(ext, news);
  await selectTab(popup, /Index/);
  await popup.getByTestId('member-count').waitFor({ timeout: 10_000 });
  assert.equal(await popup.getByTestId('member-count').innerText(), '1,924');
  await chartsDrawn(popup, 1);
  const text = await popup.locator('main').innerText();
  assert.match(text, /iShares IWM holdings as of May 5, 2026/);
  assert.match(text, /7\.25%/);
  assert.match(text, /sector, not an industry/);
  assert.match(text, /Change since May 13, 2025/i);
  await popup.screenshot({ path: `${SHOTS}/popup-index.png` });
  await popup.close();
});

test('the Compare tab measures the Russell 2000, the S&P 500 and the Nasdaq Composite', async () => {
  const popup = await openPopupOver(ext, news);
  await selectTab(popup, /Compare/);
  const table = popup.locator('table.compare').first();
  await table.waitFor({ timeout: 15_000 });
  const text = await popup.locator('main').innerText();
  assert.match(text, /Volatility, 63 days\s+18\.1%\s+11\.5%\s+15\.9%/);
  assert.match(text, /\+128\.8%/);
  assert.match(text, /FTSE Russell, Sep 29, 2023/);
  assert.match(text, /Context \(how each index is usually described\)/i);
  await popup.screenshot({ path: `${SHOTS}/popup-compare.png` });
  await popup.close();
});

test('On this page: choosing a symbol scrolls the page to its first mention and opens its card', async () => {
  const page = await ext.context.newPage();
  await page.goto(pages.url('long-news.html'));
  await page.waitForFunction(() => (CSS.highlights.get('r2k-lens-mention')?.size ?? 0) > 0, null, {
    timeout: 10_000,
  });
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  const popup = await openPopupOver(ext, page);
  await selectTab(popup, /This page/);
  const line = popup.getByTestId('page-line');
  await line.waitFor({ timeout: 15_000 });
  assert.match(
    await line.innerText(),
    /^3 of 7 symbols are Russell 2000 members \(iShares IWM holdings, May 5, 2026\); median 1Y excess return of them: [+−]\d+\.\d% vs the index/,
  );
  const row = (symbol: string) => popup.locator(`tr[data-symbol="${symbol}"]`);
  assert.match(
    await row('SFM').innerText(),
    /Sprouts Farmers Market, Inc\.\s+Nasdaq\s+Not listed\s+\+80\.7%\s+2/,
  );
  assert.match(await row('IONQ').innerText(), /IonQ, Inc\.\s+NYSE\s+Member\s+\+102\.8%/);
  assert.match(await row('IWM').innerText(), /iShares Russell 2000 ETF\s+NYSE Arca\s+ETF/);
  // Sort by 1Y excess return, best first.
  await popup.getByRole('button', { name: /^1Y vs R2K/ }).click();
  const first = await popup.locator('.symbols-table tbody tr').first().getAttribute('data-symbol');
  assert.equal(first, 'IONQ');
  await popup.screenshot({ path: `${SHOTS}/popup-page.png` });

  await row('SFM').getByRole('button', { name: 'Show SFM on the page' }).click();
  await popup.getByText('SFM: shown on the page, with its card.').waitFor();
  const card = await waitForLoadedCard(page);
  assert.match(card.text, /SFM/);
  const placed = await page.evaluate(() => {
    const p = document.querySelector('#grocers');
    const walker = document.createTreeWalker(p!, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode() as Text;
    const at = node.data.indexOf('SFM');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 3);
    const r = range.getBoundingClientRect();
    return { scrollY: window.scrollY, top: r.top, bottom: r.bottom, height: window.innerHeight };
  });
  assert.ok(placed.scrollY > 1500, `the page scrolled (${placed.scrollY})`);
  assert.ok(placed.top >= 0 && placed.bottom <= placed.height, 'the first SFM mention is in view');
  await page.screenshot({ path: `${SHOTS}/reveal-card.png` });
  await popup.close();
  await page.close();
});

test('On this page says why nothing is listed on a page without the content script', async () => {
  const blank = await ext.context.newPage();
  await blank.goto('about:blank');
  const popup = await openPopupOver(ext, blank);
  await selectTab(popup, /This page/);
  const why = popup.getByTestId('no-content-script');
  await why.waitFor({ timeout: 10_000 });
  assert.match(await why.innerText(), /cannot read this page|not running on this page/);
  await popup.close();
  await blank.close();
});

test('axe-core finds no serious or critical accessibility violation in any tab', async () => {
  const page = await ext.context.newPage();
  await page.goto(pages.url('long-news.html'));
  const popup = await openPopupOver(ext, page);
  await popup.getByTestId('r2k-level').waitFor({ timeout: 15_000 });
  await chartsDrawn(popup, 4);
  await popup
    .locator('figure.chart-figure')
    .first()
    .getByRole('button', { name: 'Show data table' })
    .click();
  const found: string[] = [];
  for (const tab of [null, /Index/, /Compare/, /This page/]) {
    if (tab) await selectTab(popup, tab);
    await popup.waitForTimeout(500);
    for (const v of await seriousAxeViolations(popup)) {
      found.push(`${tab ?? 'Markets'}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
    }
  }
  assert.deepEqual(found, []);
  await popup.close();
  await page.close();
});

test('the popup paints its first figures quickly (first paint measured)', async (t) => {
  const paints: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const popup = await ext.openExtensionPage('popup.html');
    await popup.getByTestId('r2k-level').waitFor({ timeout: 15_000 });
    const timing = await popup.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      dashboard: performance.getEntriesByName('r2k-dashboard')[0]?.startTime ?? -1,
    }));
    paints.push(Math.round(timing.fcp));
    ready.push(Math.round(timing.dashboard));
    await popup.close();
  }
  t.diagnostic(
    `popup first contentful paint ${paints.join(', ')} ms (median ${median(paints)}); ` +
      `dashboard figures on screen ${ready.join(', ')} ms (median ${median(ready)})`,
  );
  assert.ok(median(paints) > 0 && median(paints) < 1500, `first paint ${median(paints)} ms`);
});
