import { describe, expect, it } from 'vitest';
import { isExtensionPage, isOwnExtension, senderPageUrl } from '../../../lib/messaging/sender';

const self = { id: 'abcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnop/' };

describe('message senders', () => {
  it('recognise R2K Lens’s own pages by the browser-reported URL', () => {
    for (const url of [
      'chrome-extension://abcdefghijklmnop/options.html',
      'chrome-extension://abcdefghijklmnop/popup.html?x#y',
    ]) {
      expect(isExtensionPage({ id: self.id, url }, self)).toBe(true);
    }
  });

  it('never take a content script, another extension or a look-alike URL for one', () => {
    const cases = [
      { id: self.id, url: 'https://www.reuters.com/chrome-extension://abcdefghijklmnop/' },
      { id: self.id, url: 'chrome-extension://abcdefghijklmnopq/options.html' },
      { id: self.id, url: 'chrome-extension://other/options.html' },
      { id: self.id, url: 'about:blank' },
      { id: self.id },
      { id: 'other', url: 'chrome-extension://abcdefghijklmnop/options.html' },
    ];
    for (const sender of cases) expect(isExtensionPage(sender, self)).toBe(false);
    expect(isExtensionPage({ id: self.id, url: '' }, { ...self, baseUrl: '' })).toBe(false);
    expect(isOwnExtension({ id: 'other' }, self)).toBe(false);
  });

  it('find the web page a content script runs in, frames without an address included', () => {
    expect(senderPageUrl({ url: 'https://www.ft.com/a' })).toBe('https://www.ft.com/a');
    expect(senderPageUrl({ url: 'about:blank', origin: 'https://www.ft.com' })).toBe(
      'https://www.ft.com/',
    );
    expect(
      senderPageUrl({ url: 'about:srcdoc', origin: 'null', tab: { url: 'https://x.org/' } }),
    ).toBe('https://x.org/');
    expect(senderPageUrl({ url: 'chrome-extension://abc/popup.html' })).toBeNull();
    expect(senderPageUrl({})).toBeNull();
  });
});
