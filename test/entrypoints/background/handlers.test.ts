import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CONTENT_SCRIPT_MESSAGES,
  handleMessage,
  handlers,
  isExtensionPage,
} from '../../../entrypoints/background/handlers';
import { dispatchMessage } from '../../../lib/messaging/dispatch';
import {
  contentRequestValidators,
  contentResponseValidators,
  requestValidators,
} from '../../../lib/messaging/validators';

const self = { id: fakeBrowser.runtime.id };

describe('background message protocol', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has exactly one handler and one validator per message', () => {
    expect(Object.keys(handlers).toSorted()).toEqual(Object.keys(requestValidators).toSorted());
    expect(Object.keys(handlers).toSorted()).toEqual([
      'clearCache',
      'getCard',
      'getComposition',
      'getDashboard',
      'getDashboardCharts',
      'getDataStatus',
      'getIndexComparison',
      'getSymbolSummaries',
      'refreshNow',
    ]);
    expect(Object.keys(contentRequestValidators)).toEqual(['getPageSymbols', 'revealSymbol']);
    // The popup validates each content-script reply.
    expect(Object.keys(contentResponseValidators)).toEqual(Object.keys(contentRequestValidators));
  });

  it('answers a content script only what a card needs; the rest only to extension pages', async () => {
    const page = { id: fakeBrowser.runtime.id, url: 'https://example.com/news', tab: { id: 3 } };
    for (const type of Object.keys(handlers).filter(
      (t) => !CONTENT_SCRIPT_MESSAGES.has(t as never),
    )) {
      const reply = await handleMessage({ type, data: {} }, page as never);
      expect(reply).toEqual({
        ok: false,
        error: `${type} is only answered to R2K Lens's own pages`,
      });
    }
    expect([...CONTENT_SCRIPT_MESSAGES]).toEqual(['getCard']);
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    expect(isExtensionPage(popup)).toBe(true);
    // Opened in a tab (as the real-browser suite does), it is still the extension's page.
    expect(isExtensionPage({ ...popup, tab: { id: 4 } } as never)).toBe(true);
    expect(isExtensionPage(page as never)).toBe(false);
    expect(isExtensionPage({ id: fakeBrowser.runtime.id })).toBe(false);
    // A page whose URL merely contains our origin is not ours.
    expect(
      isExtensionPage({
        id: fakeBrowser.runtime.id,
        url: `https://evil.test/?${fakeBrowser.runtime.getURL('/popup.html')}`,
      }),
    ).toBe(false);
  });

  it('validates getSymbolSummaries and revealSymbol requests', () => {
    expect(
      requestValidators.getSymbolSummaries({ symbols: ['KTOS', 'BRK.B', '^RUT', 'KTOS'] }),
    ).toEqual({
      symbols: ['KTOS', 'BRK.B', '^RUT'],
    });
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

  it('ignores messages from other extensions', () => {
    expect(
      handleMessage({ type: 'getDashboard', data: {} }, { id: 'someone-else' }),
    ).toBeUndefined();
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
    ];
    for (const [message, error] of cases) {
      const reply = await dispatchMessage(message, self, spy, requestValidators);
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
      await dispatchMessage({ type: 'getDashboard' }, self, failing, requestValidators),
    ).toEqual({
      ok: false,
      error: 'cache exploded',
    });
  });
});
