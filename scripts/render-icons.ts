/**
 * Renders the extension's icons from their SVG source (store/icon/r2k-lens.svg) to PNG at every
 * size the browsers and stores use, with Chromium: public/icon/<size>.png (WXT puts them in the
 * manifest's `icons`) and store/icon/r2k-lens-128.png for the store listings. Run after editing
 * the SVG: `npm run icons` (the PNGs are committed; test/scripts/icons.test.ts checks their sizes).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium';

const ROOT = path.resolve(import.meta.dirname, '..');
const SVG = path.join(ROOT, 'store/icon/r2k-lens.svg');

/** Toolbar (16, 32), extension pages and management (48, 96), install and stores (128). */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

async function main(): Promise<void> {
  const svg = readFileSync(SVG, 'utf8');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  try {
    mkdirSync(path.join(ROOT, 'public/icon'), { recursive: true });
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}">`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const targets = [path.join(ROOT, `public/icon/${size}.png`)];
      if (size === 128) targets.push(path.join(ROOT, 'store/icon/r2k-lens-128.png'));
      for (const file of targets) await page.screenshot({ path: file, omitBackground: true });
      await page.close();
      process.stdout.write(`icon ${size}×${size}\n`);
    }
  } finally {
    await browser.close();
  }
}

await main();
