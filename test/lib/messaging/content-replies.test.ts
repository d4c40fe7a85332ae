import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NO_RECEIVER, sendToTab } from '../../../lib/messaging/client';
import { isBackgroundEvent } from '../../../lib/messaging/protocol';
import { contentResponseValidators } from '../../../lib/messaging/validators';

describe('contentResponseValidators (replies from a page, untrusted)', () => {
  const { getPageSymbols, revealSymbol } = contentResponseValidators;

  it('passes a well-formed symbol list through, field by field', () => {
    const reply = {
      symbols: [
        { symbol: 'SFM', kind: 'exchange', count: 2, extra: '<script>' },
        { symbol: '^RUT', kind: 'index', count: 1 },
      ],
    };
    expect(getPageSymbols(reply)).toEqual({
      symbols: [
        { symbol: 'SFM', kind: 'exchange', count: 2 },
        { symbol: '^RUT', kind: 'index', count: 1 },
      ],
    });
  });

  it.each([
    [null, 'expected { symbols: [...] }'],
    [{ symbols: 'SFM' }, 'expected { symbols: [...] }'],
    [
      { symbols: [{ symbol: '<img src=x onerror=alert(1)>', kind: 'bare', count: 1 }] },
      /symbol must be/,
    ],
    [{ symbols: [{ symbol: 'SFM', kind: 'evil', count: 1 }] }, /kind must be one of/],
    [
      { symbols: [{ symbol: 'SFM', kind: 'bare', count: -1 }] },
      'count must be a positive whole number',
    ],
    [
      { symbols: [{ symbol: 'SFM', kind: 'bare', count: 1.5 }] },
      'count must be a positive whole number',
    ],
    [
      {
        symbols: [
          { symbol: 'SFM', kind: 'bare', count: 1 },
          { symbol: 'SFM', kind: 'bare', count: 1 },
        ],
      },
      'SFM is listed twice',
    ],
  ])('refuses %j as a whole', (reply, reason) => {
    const result = getPageSymbols(reply);
    expect(typeof result).toBe('string');
    expect(result).toMatch(reason);
  });

  it('lists the first 2,000 symbols of a longer answer (a stock screener)', () => {
    const symbols = Array.from({ length: 2001 }, (_, i) => ({
      symbol: `A${i}`,
      kind: 'bare',
      count: 1,
    }));
    const result = getPageSymbols({ symbols });
    expect(typeof result === 'string' ? result : result.symbols.length).toBe(2000);
  });

  it('checks revealSymbol replies', () => {
    expect(revealSymbol({ revealed: true })).toEqual({ revealed: true });
    expect(revealSymbol({ revealed: 'yes' })).toBe('expected { revealed }');
  });
});

describe('sendToTab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks the top frame only and validates the reply', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({
      ok: true,
      data: { symbols: [{ symbol: 'IWM', kind: 'cashtag', count: 3 }] },
    } as never);
    const reply = await sendToTab(7, 'getPageSymbols', {});
    expect(send).toHaveBeenCalledWith(7, { type: 'getPageSymbols', data: {} }, { frameId: 0 });
    expect(reply).toEqual({
      ok: true,
      data: { symbols: [{ symbol: 'IWM', kind: 'cashtag', count: 3 }] },
    });
  });

  it('turns a malformed reply into an error, never into data', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({
      ok: true,
      data: { symbols: [{ symbol: 'IWM', kind: 'cashtag', count: 'many' }] },
    } as never);
    expect(await sendToTab(7, 'getPageSymbols', {})).toEqual({
      ok: false,
      error: "The page's answer was malformed (count must be a positive whole number).",
    });
  });

  it('says plainly when no content script answers (new tab, browser pages, the store)', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(await sendToTab(7, 'revealSymbol', { symbol: 'SFM' })).toEqual({
      ok: false,
      error: NO_RECEIVER,
    });
  });
});

describe('isBackgroundEvent', () => {
  it('knows dataUpdated and refreshProgress, and nothing malformed', () => {
    expect(isBackgroundEvent({ type: 'dataUpdated', data: { symbols: ['IWM'] } })).toBe(true);
    expect(
      isBackgroundEvent({ type: 'refreshProgress', data: { done: 2, total: 9, current: 'SPY' } }),
    ).toBe(true);
    expect(
      isBackgroundEvent({ type: 'refreshProgress', data: { done: 9, total: 9, current: null } }),
    ).toBe(true);
    expect(
      isBackgroundEvent({ type: 'refreshProgress', data: { done: -1, total: 9, current: null } }),
    ).toBe(false);
    expect(isBackgroundEvent({ type: 'dataUpdated', data: { symbols: [1] } })).toBe(false);
    expect(isBackgroundEvent({ type: 'other' })).toBe(false);
  });
});
