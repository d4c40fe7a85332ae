/**
 * The store listings' screenshots (Chrome Web Store: 1280×800; AMO takes the same), taken by the
 * real-browser suite from the e2e build on the demo page: the card in light and dark, the popup
 * and the options page. Written to store/screenshots/.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { serveDemo, type DemoServer } from '../../scripts/demo/page-server';
import type { ProviderServer } from '../support/provider-server';
import { hoverText, leave } from './support/card';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { holdProviderOffline, openPopupOver } from './support/popup';

const SHOTS = 'store/screenshots';
const SIZE = { width: 1280, height: 800 };

let ext: LoadedExtension;
let demo: DemoServer;
let provider: ProviderServer;

before(async () => {
  demo = await serveDemo(path.resolve('demo'));
  provider = await holdProviderOffline();
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await demo?.close();
  await provider?.stop();
});

async function demoPage(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize(SIZE);
  await page.goto(demo.url);
  return page;
}

/** Shows a PNG centred on a 1280×800 backdrop with a caption, and screenshots that. */
async function framed(png: Buffer, caption: string, file: string): Promise<void> {
  const page = await ext.context.newPage();
  await page.setViewportSize(SIZE);
  await page.setContent(`<!doctype html><html><body style="margin:0;width:1280px;height:800px;
    display:flex;align-items:center;justify-content:center;gap:48px;background:#14213d;
    font:600 30px/1.35 system-ui,'DejaVu Sans',sans-serif;color:#fff">
    <p style="width:420px;margin:0">${caption}</p>
    <img src="data:image/png;base64,${png.toString('base64')}"
      style="border-radius:10px;box-shadow:0 12px 40px rgba(0,0,0,.5)"></body></html>`);
  await page.screenshot({ path: file });
  await page.close();
}

async function setTheme(theme: 'light' | 'dark'): Promise<void> {
  const options = await ext.openExtensionPage('options.html');
  await options.locator(`input[name=theme][value=${theme}]`).check();
  await options.getByText('Saved').waitFor();
  await options.close();
}

test('store screenshot: the card on a news page, light', async () => {
  const page = await demoPage();
  await hoverText(page, '#flows', 'IWM');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/1-card-light.png` });
  await leave(page);
  await page.close();
});

test('store screenshot: the card on a news page, dark', async () => {
  await setTheme('dark');
  const page = await demoPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await hoverText(page, '#flows', 'QQQ');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/2-card-dark.png` });
  await leave(page);
  await page.close();
  await setTheme('light');
});

test('store screenshot: the popup’s small-cap dashboard', async () => {
  const page = await demoPage();
  await page.waitForFunction(() => (CSS.highlights.get('r2k-lens-mention')?.size ?? 0) > 0);
  const popup = await openPopupOver(ext, page);
  await popup.getByTestId('r2k-level').waitFor({ timeout: 15_000 });
  await popup.waitForFunction(
    () => document.querySelectorAll('[role=tabpanel]:not([hidden]) canvas').length === 4,
  );
  await popup.waitForTimeout(500);
  const shot = await popup.screenshot();
  await framed(
    shot,
    'The Russell 2000 at a glance: returns against your benchmarks, small vs large caps, volatility and drawdowns, from real data, offline.',
    `${SHOTS}/3-popup.png`,
  );
  await popup.close();
  await page.close();
});

test('store screenshot: the options page', async () => {
  const options = await ext.openExtensionPage('options.html');
  await options.setViewportSize(SIZE);
  await options.getByText('Benchmarks').first().waitFor();
  await options.screenshot({ path: `${SHOTS}/4-options.png` });
  await options.close();
});

test('every store screenshot is 1280×800', () => {
  for (const name of ['1-card-light', '2-card-dark', '3-popup', '4-options']) {
    const bytes = readFileSync(`${SHOTS}/${name}.png`);
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1280, 800], name);
  }
});
