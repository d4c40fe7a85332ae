import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { demoBuildDir } from '../../scripts/demo/demo-build';
import { unpackedExtensionId } from '../../scripts/demo/extension-id';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('npm run demo -- --screenshot builds the demo build and writes the page with a card open', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'r2k-demo-shot-'));
  try {
    const file = path.join(dir, 'demo.png');
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/demo.ts', '--screenshot', file, '--browser', CHROMIUM_PATH],
      { cwd: ROOT, encoding: 'utf8', timeout: 180_000 },
    );
    assert.match(out, /wrote /);
    assert.deepEqual(pngSize(file), { width: 1280, height: 860 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the demo build runs on local pages; the shipped build does not (its manifest test checks it)', () => {
  const manifest = JSON.parse(
    readFileSync(path.join(demoBuildDir(ROOT, 'chromium'), 'manifest.json'), 'utf8'),
  ) as { content_scripts: { matches: string[] }[] };
  assert.ok(manifest.content_scripts[0]?.matches.includes('http://127.0.0.1/*'));
});

test('the toolbar pin the demo writes names the id Chromium gives the unpacked demo build', async () => {
  const extensionDir = demoBuildDir(ROOT, 'chromium');
  const profile = mkdtempSync(path.join(tmpdir(), 'r2k-demo-id-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  try {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    assert.equal(new URL(worker.url()).host, unpackedExtensionId(extensionDir));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
