import { describe, expect, it } from 'vitest';
import { contentResponseValidators, requestValidators } from '../../../lib/messaging/validators';

/** A distinct four-letter symbol for each `i` below 26^4. */
const letters = (i: number): string =>
  Array.from({ length: 4 }, (_, k) =>
    String.fromCharCode(65 + (Math.floor(i / 26 ** k) % 26)),
  ).join('');

describe('what the popup accepts from a content script', () => {
  const check = contentResponseValidators.getPageSymbols;

  it('passes a well-formed list, with nothing but its fields', () => {
    expect(
      check({ symbols: [{ symbol: 'IWM', kind: 'cashtag', count: 3, extra: '<b>' }] }),
    ).toEqual({ symbols: [{ symbol: 'IWM', kind: 'cashtag', count: 3 }] });
  });

  it('refuses what a compromised renderer could send', () => {
    const bad: unknown[] = [
      null,
      'IWM',
      { symbols: 'IWM' },
      { symbols: [null] },
      { symbols: [{ symbol: '<img src=x onerror=alert(1)>', kind: 'cashtag', count: 1 }] },
      { symbols: [{ symbol: 'IWM', kind: 'evil', count: 1 }] },
      { symbols: [{ symbol: 'IWM', kind: 'bare', count: -1 }] },
      { symbols: [{ symbol: 'IWM', kind: 'bare', count: 1.5 }] },
      { symbols: [{ symbol: 'IWM', kind: 'bare', count: Number.POSITIVE_INFINITY }] },
    ];
    for (const reply of bad) expect(typeof check(reply)).toBe('string');
  });

  it('cuts an enormous list instead of rendering it all', () => {
    const symbols = Array.from({ length: 5000 }, (_, i) => ({
      symbol: letters(i),
      kind: 'bare',
      count: 1,
    }));
    const result = check({ symbols });
    expect(typeof result === 'string' ? result : result.symbols.length).toBe(2000);
  });
});

describe('request validators', () => {
  it('accept an API key or an empty one, and nothing else', () => {
    expect(requestValidators.setApiKey({ key: ' AbCdEf0123456789WxYz ' })).toEqual({
      key: 'AbCdEf0123456789WxYz',
    });
    expect(requestValidators.setApiKey({ key: '' })).toEqual({ key: '' });
    expect(requestValidators.setApiKey({ key: 'x' })).toMatch(/16-64 letters/);
    expect(requestValidators.setApiKey({ key: 42 })).toBe('expected { key }');
    expect(requestValidators.getPageSettings({ url: 'https://x.org' })).toBe('expected no data');
  });
});

describe('sendToTab', () => {
  it('checks what the content script answers before the popup sees it', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { sendToTab } = await import('../../../lib/messaging/client');
    fakeBrowser.reset();
    const answers: unknown[] = [
      { ok: true, data: { symbols: [{ symbol: 'IWM', kind: 'cashtag', count: 2 }] } },
      { ok: true, data: { symbols: [{ symbol: '<script>', kind: 'cashtag', count: 2 }] } },
      { ok: false, error: 'x'.repeat(1000) },
    ];
    (fakeBrowser.tabs as unknown as Record<string, unknown>).sendMessage = async () =>
      answers.shift();
    expect(await sendToTab(1, 'getPageSymbols', {})).toEqual({
      ok: true,
      data: { symbols: [{ symbol: 'IWM', kind: 'cashtag', count: 2 }] },
    });
    expect(await sendToTab(1, 'getPageSymbols', {})).toEqual({
      ok: false,
      error:
        'The page\'s answer was malformed (a listed symbol must be 1-12 characters of A-Z, 0-9, ".", "-", "=", optionally after "^").',
    });
    const long = await sendToTab(1, 'getPageSymbols', {});
    expect(long.ok === false && long.error.length).toBe(200);
  });
});
