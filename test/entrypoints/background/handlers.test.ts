// oxlint-disable-next-line import/no-unassigned-import -- the key store's IndexedDB (idb's wrap() checks the globals)
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, handlers } from '../../../entrypoints/background/handlers';
import type { Browser } from 'wxt/browser';
import { dispatchMessage } from '../../../lib/messaging/dispatch';
import { MESSAGE_ACCESS } from '../../../lib/messaging/protocol';
import {
  contentRequestValidators,
  contentResponseValidators,
  requestValidators,
} from '../../../lib/messaging/validators';
import { DEFAULT_SITE_MATCHES } from '../../../lib/site-access/default-sites';
import { saveSettings } from '../../../lib/settings/store';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { installFakePermissions, installManifest } from '../../support/fake-extension-apis';

const ID = fakeBrowser.runtime.id;
type Sender = Browser.runtime.MessageSender;
const optionsPage: Sender = { id: ID, url: `chrome-extension://${ID}/options.html` };
/** A content script's sender: the page's URL and its tab (as the browser fills them in). */
const reutersScript = { id: ID, url: 'https://www.reuters.com/markets/', tab: { id: 7 } } as Sender;
const otherSiteScript = { id: ID, url: 'https://news.example.org/a', tab: { id: 8 } } as Sender;

const PRIVILEGED = [
  'getDashboard',
  'getDataStatus',
  'refreshNow',
  'clearCache',
  'getDashboardCharts',
  'getIndexComparison',
  'getComposition',
  'getSymbolSummaries',
  'getApiKeyStatus',
  'setApiKey',
] as const;

function setup() {
  fakeBrowser.reset();
  installManifest({
    content_scripts: [
      {
        matches: [...DEFAULT_SITE_MATCHES],
        js: ['content-scripts/content.js'],
        all_frames: true,
        run_at: 'document_idle',
      },
    ],
    optional_host_permissions: ['https://api.twelvedata.com/*', 'http://*/*', 'https://*/*'],
  });
  installFakePermissions([...DEFAULT_SITE_MATCHES]);
}

const send = (message: unknown) => handleMessage(message, reutersScript);

describe('background message protocol', () => {
  beforeEach(setup);

  it('has exactly one handler, one validator and one audience per message', () => {
    const names = Object.keys(handlers).toSorted();
    expect(Object.keys(requestValidators).toSorted()).toEqual(names);
    expect(Object.keys(MESSAGE_ACCESS).toSorted()).toEqual(names);
    expect(names).toEqual([
      'clearCache',
      'getApiKeyStatus',
      'getCard',
      'getCardPrefs',
      'getComposition',
      'getDashboard',
      'getDashboardCharts',
      'getDataStatus',
      'getIndexComparison',
      'getPageSettings',
      'getSymbolSummaries',
      'refreshNow',
      'setApiKey',
      'setCardDetailsOpen',
    ]);
    expect(Object.keys(contentRequestValidators).toSorted()).toEqual([
      'getPageSymbols',
      'revealSymbol',
      'stepMention',
    ]);
    // The popup validates each content-script reply.
    expect(Object.keys(contentResponseValidators)).toEqual(Object.keys(contentRequestValidators));
  });

  it('validates getSymbolSummaries and revealSymbol requests', () => {
    expect(
      requestValidators.getSymbolSummaries({ symbols: ['KTOS', 'BRK.B', '^RUT', 'KTOS'] }),
    ).toEqual({ symbols: ['KTOS', 'BRK.B', '^RUT'] });
    expect(requestValidators.getSymbolSummaries({ symbols: ['<b>'] })).toBe(
      'every symbol must be a valid symbol',
    );
    expect(requestValidators.getSymbolSummaries({ symbols: Array(101).fill('A') })).toBe(
      'at most 100 symbols per request',
    );
    expect(requestValidators.getSymbolSummaries({})).toBe('expected { symbols: [...] }');
    expect(contentRequestValidators.revealSymbol({ symbol: 'SFM' })).toEqual({ symbol: 'SFM' });
    expect(contentRequestValidators.revealSymbol({ symbol: 'javascript:alert(1)' })).toMatch(
      /symbol must be/,
    );
  });

  it('lets content scripts send only what a card on a page needs', () => {
    const forContent = Object.entries(MESSAGE_ACCESS)
      .filter(([, who]) => who === 'content-script')
      .map(([name]) => name)
      .toSorted();
    expect(forContent).toEqual([
      'getCard',
      'getCardPrefs',
      'getPageSettings',
      'setCardDetailsOpen',
    ]);
  });

  it("remembers whether the card's details are open, and accepts nothing but a boolean", async () => {
    expect(await send({ type: 'getCardPrefs', data: {} })).toEqual({
      ok: true,
      data: { detailsOpen: false },
    });
    expect(await send({ type: 'setCardDetailsOpen', data: { open: true } })).toEqual({
      ok: true,
      data: { detailsOpen: true },
    });
    expect(await send({ type: 'getCardPrefs', data: {} })).toEqual({
      ok: true,
      data: { detailsOpen: true },
    });
    for (const data of [{ open: 'yes' }, { open: true, theme: 'dark' }, null, []]) {
      expect(await send({ type: 'setCardDetailsOpen', data })).toEqual({
        ok: false,
        error: 'Invalid setCardDetailsOpen request: expected { open: boolean }',
      });
    }
    expect(await send({ type: 'getCardPrefs', data: {} })).toEqual({
      ok: true,
      data: { detailsOpen: true },
    });
  });

  it('validates the shortcut step the content script is sent', () => {
    expect(contentRequestValidators.stepMention({ step: 'next' })).toEqual({ step: 'next' });
    expect(contentRequestValidators.stepMention({ step: 'previous' })).toEqual({
      step: 'previous',
    });
    expect(contentRequestValidators.stepMention({ step: 'up' })).toBe(
      'expected { step: "next" | "previous" }',
    );
  });

  it('ignores messages from other extensions', () => {
    expect(
      handleMessage({ type: 'getDashboard', data: {} }, { id: 'someone-else' }),
    ).toBeUndefined();
  });

  it('refuses every privileged message from a content script, naming who may send it', async () => {
    for (const type of PRIVILEGED) {
      const spy = vi.spyOn(handlers, type);
      const data = type === 'setApiKey' ? { key: 'AbCdEf0123456789WxYz' } : {};
      const reply = await handleMessage({ type, data }, reutersScript);
      expect(reply).toEqual({
        ok: false,
        error: `${type} is answered only to R2K Lens's own pages (popup, options).`,
      });
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });

  it('answers privileged messages from its own pages', async () => {
    const reply = await handleMessage({ type: 'getApiKeyStatus', data: {} }, optionsPage);
    expect(reply).toMatchObject({ ok: true, data: { set: false, hint: null } });
  });

  it('answers malformed, unknown and invalid requests with an error, never calling a handler', async () => {
    let called = false;
    const spy = {
      ...handlers,
      getCard: async () => ((called = true), Promise.reject(new Error('no'))),
    };
    const cases: [unknown, RegExp][] = [
      [null, /Malformed/],
      ['getCard', /Malformed/],
      [{ type: '__proto__', data: {} }, /Unknown message type/],
      [{ type: 'nope', data: {} }, /Unknown message type/],
      [{ type: 'getCard', data: { symbol: '<img src=x>', kind: 'cashtag' } }, /symbol must be/],
      [{ type: 'getCard', data: { symbol: 'IWM', kind: 'evil' } }, /kind must be/],
      [{ type: 'getCard', data: { symbol: 'A'.repeat(40), kind: 'bare' } }, /symbol must be/],
      [{ type: 'getDashboard', data: { extra: 1 } }, /expected no data/],
      [{ type: 'getPageSettings', data: { url: 'https://x.org' } }, /expected no data/],
    ];
    for (const [message, error] of cases) {
      const reply = await dispatchMessage(message, optionsPage, spy, requestValidators);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error).toMatch(error);
    }
    expect(called).toBe(false);
  });

  it('turns a handler failure into an error reply', async () => {
    const failing = {
      ...handlers,
      getDashboard: () => Promise.reject(new Error('cache exploded')),
    };
    expect(
      await dispatchMessage({ type: 'getDashboard' }, optionsPage, failing, requestValidators),
    ).toEqual({
      ok: false,
      error: 'cache exploded',
    });
  });
});

describe('getPageSettings', () => {
  beforeEach(setup);

  it('answers for the sender’s page, whatever the content script claims', async () => {
    expect(await handleMessage({ type: 'getPageSettings', data: {} }, reutersScript)).toMatchObject(
      {
        ok: true,
        data: { active: true, reason: null, sensitivity: 'balanced', quoteSite: 'yahoo' },
      },
    );
    expect(
      await handleMessage({ type: 'getPageSettings', data: {} }, otherSiteScript),
    ).toMatchObject({ ok: true, data: { active: false, reason: 'no-access' } });
  });

  it('follows the settings: a switched-off site and a global pause', async () => {
    await saveSettings({
      ...DEFAULT_SETTINGS,
      detection: { ...DEFAULT_SETTINGS.detection, disabledSites: ['reuters.com'] },
    });
    expect(await handleMessage({ type: 'getPageSettings', data: {} }, reutersScript)).toMatchObject(
      { ok: true, data: { active: false, reason: 'site-off' } },
    );
  });

  it('follows a site the user allowed', async () => {
    await fakeBrowser.permissions.request({ origins: ['https://news.example.org/*'] });
    expect(
      await handleMessage({ type: 'getPageSettings', data: {} }, otherSiteScript),
    ).toMatchObject({ ok: true, data: { active: true } });
  });
});

describe('getCard', () => {
  beforeEach(setup);

  it('is refused to a content script on a page where R2K Lens is off (no price request)', async () => {
    await saveSettings({
      ...DEFAULT_SETTINGS,
      detection: { ...DEFAULT_SETTINGS.detection, paused: true },
    });
    expect(
      await handleMessage(
        { type: 'getCard', data: { symbol: 'IWM', kind: 'cashtag' } },
        reutersScript,
      ),
    ).toEqual({ ok: false, error: 'R2K Lens is off on this page.' });
    expect(
      await handleMessage(
        { type: 'getCard', data: { symbol: 'IWM', kind: 'cashtag' } },
        otherSiteScript,
      ),
    ).toEqual({ ok: false, error: 'R2K Lens is off on this page.' });
  });
});
