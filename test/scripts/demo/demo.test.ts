import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoBuildDir, demoBuildStale } from '../../../scripts/demo/demo-build';
import { unpackedExtensionId } from '../../../scripts/demo/extension-id';
import { findBrowser } from '../../../scripts/demo/find-browser';
import { chromiumDemoArgs, pinnedPreferences } from '../../../scripts/demo/launch-chromium';

const none = () => false;

describe('findBrowser', () => {
  it('prefers --browser, then CHROME_PATH / FIREFOX_PATH, then the first install found', () => {
    expect(findBrowser('chromium', '/opt/x/chrome', { CHROME_PATH: '/y' }, none)).toBe(
      '/opt/x/chrome',
    );
    expect(findBrowser('chromium', undefined, { CHROME_PATH: '/y' }, none)).toBe('/y');
    expect(findBrowser('firefox', undefined, { CHROME_PATH: '/y' }, none)).toBeNull();
    expect(
      findBrowser('chromium', undefined, {}, (p) => p === '/usr/bin/google-chrome-stable'),
    ).toBe('/usr/bin/google-chrome-stable');
    expect(findBrowser('firefox', undefined, {}, (p) => p.includes('firefox'))).toBe(
      '/usr/bin/firefox-esr',
    );
  });
});

describe('unpackedExtensionId', () => {
  it('maps the SHA-256 of the path to 32 letters a-p', () => {
    // Chromium's id for a build at this path (checked against Chromium in test/e2e/demo.e2e.ts).
    const id = unpackedExtensionId('/work/r2k/.output/demo/chrome-mv3');
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(unpackedExtensionId('/work/r2k/.output/demo/chrome-mv3')).toBe(id);
    expect(unpackedExtensionId('/elsewhere')).not.toBe(id);
  });
});

describe('the demo’s Chromium', () => {
  const demo = {
    binary: 'chromium',
    extensionDir: '/x/ext',
    url: 'http://127.0.0.1:1/',
    online: false,
  };

  it('loads the extension on a fresh profile, offline unless asked, without sandbox only as root', () => {
    const args = chromiumDemoArgs(demo, '/tmp/p', false);
    expect(args).toContain('--user-data-dir=/tmp/p');
    expect(args).toContain('--load-extension=/x/ext');
    expect(args.some((a) => a.startsWith('--host-resolver-rules=MAP * ~NOTFOUND'))).toBe(true);
    expect(args).not.toContain('--no-sandbox');
    const online = chromiumDemoArgs({ ...demo, online: true }, '/tmp/p', true);
    expect(online.some((a) => a.startsWith('--host-resolver-rules'))).toBe(false);
    expect(online).toContain('--no-sandbox');
  });

  it('pins the toolbar button in the fresh profile', () => {
    expect(JSON.parse(pinnedPreferences('/x/ext'))).toMatchObject({
      extensions: { pinned_extensions: [unpackedExtensionId('/x/ext')] },
    });
  });
});

describe('demoBuildStale', () => {
  it('is stale when missing or older than a source file, current otherwise', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'r2k-demo-build-'));
    try {
      mkdirSync(path.join(root, 'lib'));
      writeFileSync(path.join(root, 'lib', 'a.ts'), '');
      expect(demoBuildStale(root, 'chromium')).toBe(true);
      const dir = demoBuildDir(root, 'chromium');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'manifest.json'), '{}');
      const old = new Date(Date.now() - 60_000);
      utimesSync(path.join(root, 'lib', 'a.ts'), old, old);
      utimesSync(path.join(root, 'lib'), old, old);
      expect(demoBuildStale(root, 'chromium')).toBe(false);
      writeFileSync(path.join(root, 'lib', 'b.ts'), '');
      expect(demoBuildStale(root, 'chromium')).toBe(true);
      expect(demoBuildStale(root, 'firefox')).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
