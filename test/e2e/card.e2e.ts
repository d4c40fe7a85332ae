import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { hoverText, leave, readCard, waitForCard } from './support/card';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { startPageServer, type PageServer } from './support/page-server';

let ext: LoadedExtension;
let pages: PageServer;
let page: Page;

before(async () => {
  pages = await startPageServer();
  ext = await launchWithExtension();
  page = await ext.context.newPage();
  await page.goto(pages.url('news.html'));
});

after(async () => {
  await ext?.close();
  await pages?.close();
});

test('the page keeps its DOM: mentions are highlighted, not wrapped', async () => {
  await page.waitForFunction(() => (CSS.highlights.get('r2k-lens-mention')?.size ?? 0) > 0, null, {
    timeout: 10_000,
  });
  const html = await page.locator('#p1').innerHTML();
  assert.ok(html.includes('$IWM'), 'the text is unchanged');
  assert.equal(await page.locator('#p1 *').count(), 0, 'no elements inserted into the paragraph');
});

test('hovering $IWM shows its performance against the Russell 2000 from the snapshot', async () => {
  const card = await hoverText(page, '#p1', '$IWM');
  const text = await card.innerText();
  assert.match(text, /IWM/);
  assert.match(text, /Russell 2000/);
  assert.match(text, /vs Russell 2000/);
  // Periods and figures: 1M and 1Y columns with signed percentages.
  assert.match(text, /1M\s+3M\s+YTD\s+1Y/);
  assert.match(text, /[+−]\d+\.\d%/);
  // Honest provenance: the snapshot's as-of date and its source.
  assert.match(text, /As of Feb 20, 2026/);
  assert.match(text, /bundled offline snapshot/);
  assert.match(text, /Source: .*Yahoo/);
  assert.match(text, /19\.78%/);
  // IWM is the fund, not a member: no membership verdict, an ETF badge instead.
  assert.match(text, /\bETF\b/);
  assert.doesNotMatch(text, /Not in the Russell 2000/);
  await leave(page);
});

test('hovering a member stock shows its membership and compares on its own as-of date', async () => {
  const card = await hoverText(page, '#p2', '$IONQ');
  const text = await card.innerText();
  assert.match(text, /IonQ/i);
  assert.match(text, /Russell 2000 member/);
  assert.match(text, /Information Technology/);
  // The bundled IONQ history ends 2024-03-08: every comparison is made on that date.
  assert.match(text, /As of Mar 8, 2024/);
  assert.match(text, /Membership: .*as of May 5, 2026/);
  await leave(page);
});

test('hovering "Russell 2000" shows the indexes side by side', async () => {
  const card = await hoverText(page, '#p1', 'Russell 2000');
  const text = await card.innerText();
  assert.match(text, /Russell 2000/);
  assert.match(text, /\^RUT · index/);
  assert.match(text, /The Russell 2000 beside your benchmarks/);
  assert.match(text, /S&P 500/);
  assert.match(text, /Nasdaq/);
  // The Nasdaq Composite's own history ends 2022-05-04: QQQ stands in, and the card says so.
  assert.match(text, /QQQ/);
  await leave(page);
});

test('the card closes with Escape and reopens on the next hover', async () => {
  await hoverText(page, '#p1', '$IWM');
  await page.keyboard.press('Escape');
  await waitForCard(page, (c) => c === null, 5_000);
  assert.equal(await readCard(page), null);
  await hoverText(page, '#p1', '$IWM');
  await leave(page);
});
