/**
 * TEST BUILD ONLY (`R2K_TEST_ATTACKER=1`, set by `npm run build:e2e`; never in a shipped build,
 * test/e2e/manifest.e2e.ts checks). A content script that plays a compromised renderer: on the
 * suite's attacker page it tries everything a content script can reach (every storage area,
 * every message of the protocol with hostile payloads, events only the background should send)
 * and writes what happened to the page, where test/e2e/compromised-content-script.e2e.ts reads it.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';

/** One attempt and what came of it. */
interface Attempt {
  name: string;
  /** `threw`: the API refused by throwing; `reply`: the background answered (see `reply`). */
  outcome: 'threw' | 'reply' | 'no-reply' | 'succeeded';
  detail: string;
  reply?: unknown;
}

const HOSTILE_SETTINGS = {
  comparison: { benchmarks: ['^GSPC'], periods: ['1M'], volatilityWindow: 21 },
  detection: { paused: true, disabledSites: ['reuters.com'] },
  data: { providers: ['twelvedata'], refresh: 'scheduled', cacheSymbols: 1000 },
};

/** Messages of the protocol with the payloads a compromised renderer would try. */
const MESSAGES: { name: string; message: unknown }[] = [
  { name: 'getDashboard', message: { type: 'getDashboard', data: {} } },
  { name: 'getDataStatus', message: { type: 'getDataStatus', data: {} } },
  { name: 'refreshNow', message: { type: 'refreshNow', data: {} } },
  { name: 'clearCache', message: { type: 'clearCache', data: {} } },
  { name: 'getApiKeyStatus', message: { type: 'getApiKeyStatus', data: {} } },
  {
    name: 'setApiKey',
    message: { type: 'setApiKey', data: { key: 'ATTACKERKEY0123456789' } },
  },
  { name: 'setApiKey (remove)', message: { type: 'setApiKey', data: { key: '' } } },
  {
    name: 'getCard (markup as symbol)',
    message: { type: 'getCard', data: { symbol: '<img src=x onerror=alert(1)>', kind: 'cashtag' } },
  },
  {
    name: 'getCard (unknown kind)',
    message: { type: 'getCard', data: { symbol: 'IWM', kind: '__proto__' } },
  },
  {
    name: 'getCard (huge symbol)',
    message: { type: 'getCard', data: { symbol: 'A'.repeat(100_000), kind: 'bare' } },
  },
  { name: 'getCard (no data)', message: { type: 'getCard' } },
  {
    name: 'getCard (prototype key)',
    message: JSON.parse('{"type":"getCard","data":{"__proto__":{"symbol":"IWM"},"kind":"bare"}}'),
  },
  {
    name: 'getPageSettings (extra data)',
    message: { type: 'getPageSettings', data: { url: 'https://www.reuters.com/' } },
  },
  { name: 'unknown type', message: { type: 'exportSettings', data: {} } },
  { name: 'prototype type', message: { type: 'constructor', data: {} } },
  { name: 'not an object', message: 'clearCache' },
  { name: 'null', message: null },
  { name: 'dataUpdated echo', message: { type: 'dataUpdated', data: { symbols: ['IWM'] } } },
  { name: 'pageSettingsChanged echo', message: { type: 'pageSettingsChanged' } },
  // What a card needs stays allowed (so the suite can tell refusals from a dead channel).
  { name: 'getPageSettings', message: { type: 'getPageSettings', data: {} } },
  {
    name: 'getCard (valid)',
    message: { type: 'getCard', data: { symbol: 'IWM', kind: 'cashtag' } },
  },
];

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function attempt(name: string, run: () => Promise<unknown>): Promise<Attempt> {
  try {
    const value = await run();
    return { name, outcome: 'succeeded', detail: JSON.stringify(value ?? null).slice(0, 300) };
  } catch (error) {
    return { name, outcome: 'threw', detail: describe(error) };
  }
}

async function send(name: string, message: unknown): Promise<Attempt> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    if (reply === undefined) return { name, outcome: 'no-reply', detail: '' };
    return { name, outcome: 'reply', detail: JSON.stringify(reply).slice(0, 300), reply };
  } catch (error) {
    return { name, outcome: 'threw', detail: describe(error) };
  }
}

/** Tries to read the key store's database: a content script's IndexedDB is the page's origin. */
function readSecretsDb(): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('r2k-lens-secrets');
    request.addEventListener('error', () => reject(request.error));
    request.addEventListener('success', () => {
      const db = request.result;
      const stores = [...db.objectStoreNames];
      db.close();
      indexedDB.deleteDatabase('r2k-lens-secrets');
      resolve({ origin: location.origin, stores });
    });
  });
}

export default defineContentScript({
  matches: ['http://127.0.0.1/*'],
  runAt: 'document_idle',
  async main() {
    if (!location.pathname.endsWith('/attacker.html')) return;
    const results: Attempt[] = [];
    for (const area of ['local', 'sync', 'session'] as const) {
      results.push(await attempt(`storage.${area}.get`, () => browser.storage[area].get(null)));
    }
    results.push(
      await attempt('storage.local.set (API key)', () =>
        browser.storage.local.set({ twelveDataApiKey: 'ATTACKERKEY0123456789' }),
      ),
    );
    results.push(
      await attempt('storage.sync.set (settings)', () =>
        browser.storage.sync.set({ settings: HOSTILE_SETTINGS }),
      ),
    );
    results.push(await attempt('storage.sync.clear', () => browser.storage.sync.clear()));
    results.push(await attempt('storage.local.clear', () => browser.storage.local.clear()));
    results.push(await attempt('IndexedDB r2k-lens-secrets', readSecretsDb));
    for (const { name, message } of MESSAGES) results.push(await send(name, message));
    document.documentElement.dataset.attackResults = JSON.stringify(results);
  },
});
