/**
 * Firefox ESR: detection and underline (CSS Custom Highlight API), the hover card, what the
 * content script tells the popup, and settings reaching the page at once: the scenarios of the
 * Chromium suite's detection.e2e.ts and card.e2e.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { startPageServer, type PageServer } from '../support/page-server';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './support/firefox';
import { waitForCard } from './support/card';
import { cardText, hoverText, leave, marked, UNDERLINED, waitForMarks } from './support/page';

let ff: FirefoxWithExtension;
let pages: PageServer;
let page: Page;

before(async () => {
  pages = await startPageServer();
  ff = await launchFirefoxWithExtension();
  page = await ff.openPage(pages.url('news.html'));
  await waitForMarks(page, ['$IWM'], true, 30_000);
});

after(async () => {
  await ff?.close();
  await pages?.close();
});

/** Checks or unchecks an options checkbox and waits for the save. */
async function setOption(name: string, on: boolean): Promise<void> {
  const options = await ff.openExtensionPage('options.html');
  await options.waitForSelector(`input[name=${name}]`);
  const checked = await options.$eval(
    `input[name=${name}]`,
    (el) => (el as HTMLInputElement).checked,
  );
  if (checked !== on) await options.click(`input[name=${name}]`);
  await options.waitForFunction(`document.body.innerText.includes('Saved')`, { timeout: 10_000 });
  await options.close();
  await page.bringToFront();
}

test('marks tickers and indexes precisely and leaves word-like words and code alone', async () => {
  const found = await marked(page);
  for (const expected of [
    'Russell 2000',
    'S&P 500',
    '$IWM',
    'SFM',
    '$IONQ',
    '$HIMS',
    'Kratos Defense',
  ]) {
    assert.ok(found.includes(expected), `${expected} is marked (found: ${found.join(' | ')})`);
  }
  for (const word of ['It', 'ON', 'ALL', 'IT', '$AAPL', 'Goldman Sachs']) {
    assert.ok(!found.includes(word), `${word} is not marked`);
  }
});

test('does not change the page: same elements as the served HTML, the text untouched', async () => {
  const counts = (await page.evaluate(`(async () => {
    const html = await (await fetch(location.href)).text();
    const served = new DOMParser().parseFromString(html, 'text/html');
    return {
      served: served.body.querySelectorAll('*').length,
      live: document.body.querySelectorAll('*').length,
      p1: document.querySelectorAll('#p1 *').length,
    };
  })()`)) as { served: number; live: number; p1: number };
  assert.equal(counts.live, counts.served);
  assert.equal(counts.p1, 0, 'no elements inserted into the paragraph');
});

test('hovering $IWM shows its performance against the Russell 2000 from the snapshot', async () => {
  const text = await hoverText(page, '#p1', '$IWM');
  assert.match(text, /IWM/);
  assert.match(text, /vs Russell 2000/);
  assert.match(text, /1M\s+3M\s+YTD\s+1Y/);
  assert.match(text, /[+−]\d+\.\d%/);
  assert.match(text, /As of Feb 20, 2026/);
  assert.match(text, /bundled offline snapshot/);
  assert.match(text, /Source: .*Yahoo/);
  assert.match(text, /19\.78%/);
  assert.match(text, /\bETF\b/);
  assert.doesNotMatch(text, /Not in the Russell 2000/);
  await leave(page);
});

test('hovering a member stock shows its membership and its own as-of date', async () => {
  const text = await hoverText(page, '#p2', '$IONQ');
  assert.match(text, /IonQ/i);
  assert.match(text, /Russell 2000 member/);
  assert.match(text, /Information Technology/);
  assert.match(text, /As of Mar 8, 2024/);
  await leave(page);
});

test('hovering "Russell 2000" shows the indexes side by side; a quote link opens its symbol', async () => {
  let text = await hoverText(page, '#p1', 'Russell 2000');
  assert.match(text, /\^RUT · index/);
  assert.match(text, /The Russell 2000 beside your benchmarks/);
  assert.match(text, /QQQ/);
  await leave(page);
  text = await hoverText(page, '#p3', 'Kratos Defense');
  assert.match(text, /KTOS/);
  await leave(page);
});

test('the card closes with Escape and reopens on the next hover', async () => {
  await hoverText(page, '#p1', '$IWM');
  await page.keyboard.press('Escape');
  await waitForCard(page, (c) => c === null, 5_000);
  assert.equal(await cardText(page), null);
  await hoverText(page, '#p1', '$IWM');
  await leave(page);
});

test('keeps up with content the page adds later', async () => {
  await page.evaluate(`(() => {
    const p = document.createElement('p');
    p.id = 'late';
    p.textContent = 'Late update: $CRDO and $ENSG rallied into the close.';
    document.querySelector('article').append(p);
  })()`);
  await waitForMarks(page, ['$CRDO', '$ENSG']);
});

test('the content script tells the popup which symbols the page mentions', async () => {
  const reply = await ff.extensionEval<{ ok: boolean; data: { symbols: { symbol: string }[] } }>(`
    const tabs = await browser.tabs.query({});
    for (const tab of tabs) {
      const reply = await browser.tabs
        .sendMessage(tab.id, { type: 'getPageSymbols', data: {} }, { frameId: 0 })
        .catch(() => null);
      if (reply && reply.ok && reply.data.symbols.length > 0) return reply;
    }
    return null;
  `);
  assert.ok(reply?.ok, 'the content script answers');
  const symbols = reply.data.symbols.map((s) => s.symbol);
  for (const s of ['^RUT', 'IWM', 'SFM', 'KTOS'])
    assert.ok(symbols.includes(s), `${s} listed: ${symbols}`);
});

test('company names are recognised once switched on, without reloading the page', async () => {
  await setOption('companyNames', true);
  await waitForMarks(page, ['Goldman Sachs']);
  await setOption('companyNames', false);
  await waitForMarks(page, ['Goldman Sachs'], false);
});

test('the global pause stops marking at once, and resuming marks again', async () => {
  await setOption('paused', true);
  await page.waitForFunction(`${UNDERLINED} === 0`, { timeout: 10_000 });
  await setOption('paused', false);
  await waitForMarks(page, ['$IWM']);
});
