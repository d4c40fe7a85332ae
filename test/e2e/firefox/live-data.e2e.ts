/**
 * Firefox ESR: live data against the local provider server (the Firefox e2e build's chart
 * provider is http://127.0.0.1:47800): the Chromium suite's live-data.e2e.ts scenarios.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startProviderServer, type ProviderServer } from '../../support/provider-server';
import { startPageServer, type PageServer } from '../support/page-server';
import { CHART_PORT } from '../support/popup';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './support/firefox';
import { hoverText, leave } from './support/page';

let ff: FirefoxWithExtension;
let pages: PageServer;
let provider: ProviderServer | null;

before(async () => {
  pages = await startPageServer();
  provider = await startProviderServer({ port: CHART_PORT });
  ff = await launchFirefoxWithExtension();
});

after(async () => {
  await ff?.close();
  await pages?.close();
  await provider?.stop();
});

test('a symbol absent from the snapshot is fetched through the real fetch path, cached and shown', async () => {
  // Nothing newer for the benchmarks, so no "newer data" event reloads the card meanwhile.
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
  const page = await ff.openPage(pages.url('live.html'));
  const text = await hoverText(page, '#p1', '$EPAC');
  assert.match(text, /ENERPAC/i);
  assert.match(text, /Russell 2000 member/);
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
  const page = await ff.openPage(pages.url('live.html'));
  const text = await hoverText(page, '#p1', '$EPAC');
  assert.match(text, /As of Jan 2, 2020/);
  assert.match(text, /cached/);
  assert.match(text, /stale/);
  await leave(page);
  await page.close();
});
