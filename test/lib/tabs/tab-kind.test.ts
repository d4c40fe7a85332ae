import { describe, expect, it } from 'vitest';
import { tabKind, whyNotRunning } from '../../../lib/tabs/tab-kind';

describe('tabKind', () => {
  it.each([
    ['chrome://newtab/', 'new-tab'],
    ['about:newtab', 'new-tab'],
    ['chrome://settings/', 'browser-page'],
    ['about:addons', 'browser-page'],
    ['https://chromewebstore.google.com/detail/abc', 'extension-store'],
    ['https://addons.mozilla.org/en-US/firefox/', 'extension-store'],
    ['chrome-extension://abcdef/popup.html', 'extension-page'],
    ['file:///home/me/notes.html', 'local-file'],
    ['https://example.com/report.PDF', 'pdf'],
    ['https://www.reuters.com/markets/', 'web'],
    [undefined, 'unknown'],
    ['data:text/html,hi', 'unknown'],
  ])('%s is %s', (url, kind) => expect(tabKind(url)).toBe(kind));

  it('explains each kind in a sentence', () => {
    expect(whyNotRunning('new-tab')).toBe(
      'This is a new tab: there is no page for R2K Lens to read.',
    );
    expect(whyNotRunning('web')).toMatch(/reload the page/);
    expect(whyNotRunning('unknown')).toMatch(/cannot read this page/);
  });
});
