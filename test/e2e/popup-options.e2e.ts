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
