import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startProviderServer, type ProviderServer } from '../support/provider-server';
import { hoverText, leave } from './support/card';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { startPageServer, type PageServer } from './support/page-server';

/** The e2e build's chart origin (`npm run build:e2e` sets WXT_CHART_BASE_URL to it). */
const CHART_PORT = 47800;

let ext: LoadedExtension;
let pages: PageServer;
let provider: ProviderServer | null;

before(async () => {
  pages = await startPageServer();
  provider = await startProviderServer({ port: CHART_PORT });
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await pages?.close();
  await provider?.stop();
});

test('a symbol absent from the snapshot is fetched through the real fetch path, cached and shown', async () => {
  // The benchmarks' refresh finds nothing newer here, so no "newer data" event reloads the card
  // (its reload would read EPAC back from the cache) before its first answer is read.
  for (const symbol of [
    '^RUT',
    '^GSPC',
    '^IXIC',
    '^NDX',
    '^DJI',
    '^TNX',
    'IWM',
    'SPY',
    'QQQ',
    'DIA',
  ]) {
    provider?.setFault('yahoo', symbol, { kind: 'empty' });
  }
  const page = await ext.context.newPage();
  await page.goto(pages.url('live.html'));
  const card = await hoverText(page, '#p1', '$EPAC');
  const text = await card.innerText();
  assert.match(text, /EPAC/);
  assert.match(text, /ENERPAC/i);
  assert.match(text, /Russell 2000 member/);
  // The recorded Yahoo response asks for 2020-01-01..2020-01-03 (end exclusive): its last bar is 2020-01-02.
  assert.match(text, /As of Jan 2, 2020/);
  assert.match(text, /just fetched/);
  assert.match(text, /Source: Yahoo Finance chart API/);
  const asked = provider?.requests.filter((r) => r.url.includes('/v8/finance/chart/EPAC')) ?? [];
  assert.equal(asked.length, 1, 'exactly one request for EPAC');
  await leave(page);
  await page.close();
  provider?.clearFaults();
});

test('after the provider goes away, the same hover shows the cached data, marked stale', async () => {
  await provider?.stop();
  provider = null;
  const page = await ext.context.newPage();
  await page.goto(pages.url('live.html'));
  const card = await hoverText(page, '#p1', '$EPAC');
  const text = await card.innerText();
  assert.match(text, /As of Jan 2, 2020/);
  assert.match(text, /cached/);
  assert.match(text, /stale/);
  assert.match(text, /Source: Yahoo Finance chart API/);
  await leave(page);
  await page.close();
});

test('"Refresh now" in the popup reports what happened when the provider cannot be reached', async () => {
  const popup = await ext.openExtensionPage('popup.html');
  await popup.getByTestId('r2k-level').waitFor({ timeout: 10_000 });
  await popup.getByRole('button', { name: 'Refresh now' }).click();
  const status = popup.locator('[data-state=refresh-result]');
  await status.waitFor({ timeout: 30_000 });
  assert.match(await status.innerText(), /failed|updated|current/);
  // The dashboard still shows the last good data.
  assert.equal(await popup.getByTestId('r2k-level').innerText(), '2,663.78');
  await popup.close();
});
