/**
 * A compromised renderer: the test build's extra content script (test/e2e/attacker, only in
 * `npm run build:e2e`) runs on the attacker page with R2K Lens's own identity and tries
 * everything a content script can reach. Every privileged attempt must be refused, and refused
 * in the way this suite expects (not merely fail), and nothing on the trusted side may change.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { startPageServer, type PageServer } from './support/page-server';

/** The extension API as extension pages see it (Chromium: promise-based). */
declare const chrome: typeof import('webextension-polyfill');

interface Attempt {
  name: string;
  outcome: 'threw' | 'reply' | 'no-reply' | 'succeeded';
  detail: string;
  reply?: { ok: boolean; error?: string; data?: Record<string, unknown> };
}

const KEY = 'VictimKey0123456789AbCd';
let ext: LoadedExtension;
let pages: PageServer;
let options: Page;
let attempts: Map<string, Attempt>;
let victim: { settings: unknown; key: unknown; status: { cachedSymbols: number } };

/** What the trusted side holds, read from the options page (an extension page may read it). */
async function trustedState(page: Page) {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(async () => {
    const status = (await chrome.runtime.sendMessage({ type: 'getDataStatus', data: {} })) as {
      data: { cachedSymbols: number };
    };
    const key = (await chrome.runtime.sendMessage({ type: 'getApiKeyStatus', data: {} })) as {
      data: unknown;
    };
    return {
      settings: (await chrome.storage.sync.get(null)) as unknown,
      key: key.data as unknown,
      status: { cachedSymbols: status.data.cachedSymbols as number },
    };
  });
}

function attempt(name: string): Attempt {
  const found = attempts.get(name);
  assert.ok(found, `the attacker tried ${name}`);
  return found;
}

before(async () => {
  pages = await startPageServer();
  ext = await launchWithExtension();
  options = await ext.openExtensionPage('options.html');
  await options.getByRole('heading', { name: 'R2K Lens settings' }).waitFor();
  // The victim's state: a saved key, chosen settings, a seeded cache.
  const saved = (await options.evaluate(
    (key) => chrome.runtime.sendMessage({ type: 'setApiKey', data: { key } }),
    KEY,
  )) as { ok: boolean };
  assert.equal(saved.ok, true);
  await options.locator('input[name=benchmark][value="^DJI"]').check();
  await options.getByText('Saved').waitFor();
  victim = await trustedState(options);
  assert.ok(victim.status.cachedSymbols > 20, 'the cache is seeded');

  const page = await ext.context.newPage();
  await page.goto(pages.url('attacker.html'));
  await page.waitForFunction(
    () => document.documentElement.dataset.attackResults !== undefined,
    null,
    {
      timeout: 30_000,
    },
  );
  const results = JSON.parse(
    await page.evaluate(() => document.documentElement.dataset.attackResults ?? '[]'),
  ) as Attempt[];
  attempts = new Map(results.map((r) => [r.name, r]));
});

after(async () => {
  await ext?.close();
  await pages?.close();
});

test('a content script can neither read nor write any storage area', () => {
  for (const name of [
    'storage.local.get',
    'storage.sync.get',
    'storage.session.get',
    'storage.local.set (API key)',
    'storage.sync.set (settings)',
    'storage.sync.clear',
    'storage.local.clear',
  ]) {
    const a = attempt(name);
    assert.equal(a.outcome, 'threw', `${name} was refused: ${a.detail}`);
    assert.match(a.detail, /access to storage is not allowed from this context/i, name);
  }
});

test('the key store’s database is out of reach: a content script opens the page’s own, empty', () => {
  const a = attempt('IndexedDB r2k-lens-secrets');
  assert.equal(a.outcome, 'succeeded');
  const seen = JSON.parse(a.detail) as { origin: string; stores: string[] };
  assert.match(seen.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.deepEqual(seen.stores, [], 'no secrets store in the page’s database');
});

test('every privileged message is refused, naming who may send it', () => {
  for (const name of [
    'getDashboard',
    'getDataStatus',
    'refreshNow',
    'clearCache',
    'getApiKeyStatus',
    'setApiKey',
    'setApiKey (remove)',
  ]) {
    const a = attempt(name);
    assert.equal(a.outcome, 'reply', `${name} got an answer`);
    const type = name.replace(/ \(.*\)$/, '');
    assert.deepEqual(
      a.reply,
      { ok: false, error: `${type} is answered only to R2K Lens's own pages (popup, options).` },
      name,
    );
  }
});

test('hostile payloads to the messages a content script may send are refused by validation', () => {
  const refusals: [string, RegExp][] = [
    ['getCard (markup as symbol)', /^Invalid getCard request: symbol must be/],
    ['getCard (unknown kind)', /^Invalid getCard request: kind must be one of/],
    ['getCard (huge symbol)', /^Invalid getCard request: symbol must be/],
    ['getCard (no data)', /^Invalid getCard request: expected \{ symbol, kind \}/],
    ['getCard (prototype key)', /^Invalid getCard request: symbol must be/],
    ['getPageSettings (extra data)', /^Invalid getPageSettings request: expected no data/],
    ['unknown type', /^Unknown message type: exportSettings/],
    ['prototype type', /^Unknown message type: constructor/],
    ['not an object', /^Malformed message/],
    ['null', /^Malformed message/],
  ];
  for (const [name, error] of refusals) {
    const a = attempt(name);
    assert.equal(a.outcome, 'reply', `${name}: ${a.detail}`);
    assert.equal(a.reply?.ok, false, name);
    assert.match(a.reply?.error ?? '', error, name);
  }
  for (const name of ['dataUpdated echo', 'pageSettingsChanged echo']) {
    assert.notEqual(attempt(name).outcome, 'reply', `${name} is ignored`);
  }
});

test('what a card needs still works, and says nothing about other sites or the user’s data', () => {
  const settings = attempt('getPageSettings');
  assert.equal(settings.reply?.ok, true);
  assert.deepEqual(Object.keys(settings.reply?.data ?? {}).toSorted(), [
    'active',
    'companyNames',
    'numberLocale',
    'quoteSite',
    'reason',
    'sensitivity',
    'theme',
  ]);
  const card = attempt('getCard (valid)');
  assert.equal(card.reply?.ok, true);
  assert.equal(card.reply?.data?.symbol, 'IWM');
});

test('after the attack, the key, the settings and the cache are as they were', async () => {
  const now = await trustedState(options);
  assert.deepEqual(now.settings, victim.settings);
  assert.deepEqual(now.key, victim.key);
  assert.deepEqual(now.key, {
    set: true,
    hint: KEY.slice(-4),
    storage: 'indexeddb',
    degradedReason: null,
  });
  assert.equal(now.status.cachedSymbols, victim.status.cachedSymbols);
});
