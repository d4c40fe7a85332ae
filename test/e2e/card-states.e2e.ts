/**
 * The card's data states in the real browser, against the local provider server the e2e build
 * fetches from: the loading skeleton (the final size: nothing jumps), saved figures shown while a
 * fetch runs, a rate-limited provider, an unknown symbol, and fetching switched off.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startProviderServer, type ProviderServer } from '../support/provider-server';
import {
  approach,
  readCard,
  textPoint,
  waitForCard,
  waitForLoadedCard,
  type CardInfo,
} from './support/card';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { waitForMarks } from './support/marks';
import { startPageServer, type PageServer } from './support/page-server';

/** The extension API in the service worker (`worker.evaluate` runs there). */
declare const chrome: typeof import('wxt/browser').browser;

/** The e2e build's chart origin (`npm run build:e2e` sets WXT_CHART_BASE_URL to it). */
const CHART_PORT = 47800;

let ext: LoadedExtension;
let pages: PageServer;
let provider: ProviderServer;
let page: Page;

before(async () => {
  pages = await startPageServer();
  provider = await startProviderServer({ port: CHART_PORT });
  ext = await launchWithExtension();
  page = await ext.context.newPage();
  await page.goto(pages.url('states.html'));
  await waitForMarks(page, ['$EPAC', '$AAPL', '$AVAV', '$KTOS', '$SOFI']);
});

after(async () => {
  await ext?.close();
  await pages?.close();
  await provider?.stop();
});

async function rest(id: string, text: string): Promise<void> {
  const { x, y } = await textPoint(page, `#${id}`, text);
  await approach(page, x, y);
}

async function away(): Promise<void> {
  await page.mouse.move(5, 5);
  await waitForCard(page, (c) => c === null, 5_000);
}

test('loading: a skeleton of the final size, then the figures in the same box', async () => {
  provider.setFault('yahoo', 'EPAC', { kind: 'slow', delayMs: 1500, stage: 'headers' }, 1);
  await rest('fetch', '$EPAC');
  const loading = (await waitForCard(page, (c) => c?.state === 'loading', 5_000)) as CardInfo;
  assert.match(loading.text, /EPAC/);
  const loaded = await waitForLoadedCard(page);
  assert.equal(loaded.state, 'symbol');
  assert.match(loaded.text, /just fetched/);
  assert.deepEqual(loaded.box, loading.box, 'the card did not move or change size');
  await away();
});

test('saved figures while a fetch runs: shown at once, marked as being checked', async () => {
  provider.setFault('yahoo', 'AAPL', { kind: 'slow', delayMs: 3000, stage: 'headers' }, 1);
  await rest('cached', '$AAPL');
  const card = await waitForLoadedCard(page, 5_000);
  assert.equal(card.state, 'symbol');
  assert.match(card.text, /close of Mar 8, 2024/);
  assert.match(card.text, /As of Mar 8, 2024 · snapshot · stale/);
  assert.match(card.text, /checking for newer data/);
  await away();
});

test('an unknown symbol: the provider does not know it, said in plain words', async () => {
  provider.setFault('yahoo', 'KTOS', { kind: 'unknown-symbol' });
  await rest('unknown', '$KTOS');
  const card = await waitForLoadedCard(page);
  assert.equal(card.state, 'unavailable');
  assert.match(card.text, /KTOS\s+Unknown symbol/);
  assert.match(card.text, /No data for KTOS: the data provider does not know this symbol\./);
  await away();
});

test('a rate-limited provider: said in plain words (and the provider is left alone for a while)', async () => {
  provider.setFault('yahoo', 'AVAV', { kind: 'rate-limit', retryAfter: '120' });
  await rest('limited', '$AVAV');
  const card = await waitForLoadedCard(page);
  assert.equal(card.state, 'unavailable');
  assert.match(card.text, /AVAV\s+Rate limited/);
  assert.match(
    card.text,
    /No data for AVAV: the data provider asked us to slow down; retrying later\./,
  );
  await away();
});

test('fetching switched off: a symbol never saved says so, without a request', async () => {
  await ext.worker.evaluate(async () => {
    const { settings } = await chrome.storage.sync.get('settings');
    const s = (settings ?? {}) as { data?: Record<string, unknown> };
    await chrome.storage.sync.set({
      settings: { ...s, data: { ...s.data, refresh: 'offline' } },
    });
  });
  await page.waitForTimeout(300);
  const requestsBefore = provider.requests.length;
  await rest('offline', '$SOFI');
  const card = await waitForLoadedCard(page);
  assert.equal(card.state, 'unavailable');
  assert.match(card.text, /Offline/);
  assert.match(card.text, /No saved data for SOFI, and fetching is off/);
  assert.equal(provider.requests.length, requestsBefore, 'nothing was fetched');
  assert.equal((await readCard(page))?.role, 'dialog');
  await away();
});
