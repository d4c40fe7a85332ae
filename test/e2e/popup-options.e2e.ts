import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hoverText, leave } from './support/card';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { startPageServer, type PageServer } from './support/page-server';

let ext: LoadedExtension;
let pages: PageServer;

before(async () => {
  pages = await startPageServer();
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await pages?.close();
});

test('the popup shows the Russell 2000 dashboard from the bundled snapshot', async () => {
  const popup = await ext.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 420, height: 1400 });
  const level = popup.getByTestId('r2k-level');
  await level.waitFor({ timeout: 10_000 });
  // ^RUT closed at 2,663.78 on 2026-02-20, the snapshot's last full day (yfinance dump, see PROVENANCE).
  assert.equal(await level.innerText(), '2,663.78');
  const text = await popup.locator('main').innerText();
  assert.match(text, /As of Feb 20, 2026 close · bundled offline snapshot/);
  for (const period of ['1M', 'YTD', '1Y']) assert.match(text, new RegExp(`\\b${period}\\b`));
  assert.match(text, /S&P 500/);
  assert.match(text, /Nasdaq Composite/);
  assert.match(text, /2008/);
  assert.match(text, /2020/);
  assert.match(text, /19\.78%/);
  assert.match(text, /Source: /);
  assert.equal(await popup.locator('canvas').count(), 1, 'one rebased chart');
  await popup.waitForTimeout(300);
  await popup.locator('body').screenshot({ path: 'test/e2e/screenshots/popup.png' });
  await popup.close();
});

test('changing the benchmarks in the options page changes the card on the next hover', async () => {
  const page = await ext.context.newPage();
  await page.goto(pages.url('news.html'));
  let card = await hoverText(page, '#p1', '$IWM');
  assert.match(await card.innerText(), /vs S&P 500/);
  assert.match(await card.innerText(), /vs Nasdaq Composite/);
  await leave(page);

  const options = await ext.openExtensionPage('options.html');
  await options.locator('input[name=benchmark][value="^NDX"]').check();
  await options.locator('input[name=benchmark][value="^GSPC"]').uncheck();
  await options.locator('input[name=benchmark][value="^IXIC"]').uncheck();
  await options.getByText('Saved').waitFor();
  // The last remaining benchmark cannot be unchecked.
  assert.equal(await options.locator('input[name=benchmark][value="^NDX"]').isDisabled(), true);

  await page.bringToFront();
  card = await hoverText(page, '#p1', '$IWM');
  const text = await card.innerText();
  assert.match(text, /vs Nasdaq-100/);
  assert.doesNotMatch(text, /vs S&P 500/);
  assert.doesNotMatch(text, /vs Nasdaq Composite/);
  await leave(page);

  // Settings persist across pages: a fresh options page shows the saved choice.
  const again = await ext.openExtensionPage('options.html');
  assert.equal(await again.locator('input[name=benchmark][value="^NDX"]').isChecked(), true);
  assert.equal(await again.locator('input[name=benchmark][value="^GSPC"]').isChecked(), false);
});
