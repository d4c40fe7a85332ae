import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activeTab } from '../../../components/popup/popup-ports';

type Tab = Browser.tabs.Tab;
type Win = Browser.windows.Window;

/** A browser of windows, each with its tabs (the first listed window is the popup's own). */
function stubBrowser(options: {
  self: Tab | undefined;
  windows: { id: number; type: 'normal' | 'popup'; tabs: Tab[] }[];
  lastFocused: number;
}) {
  vi.spyOn(browser.tabs, 'getCurrent').mockImplementation(async () => options.self as Tab);
  vi.spyOn(browser.windows, 'getLastFocused').mockImplementation(async () => {
    const last = options.windows.find((w) => w.id === options.lastFocused)!;
    return { id: last.id, type: last.type } as Win;
  });
  vi.spyOn(browser.tabs, 'query').mockImplementation(async (query) => {
    const current = options.windows[0]!;
    return options.windows
      .filter((w) =>
        query.currentWindow
          ? w === current
          : query.windowId !== undefined
            ? w.id === query.windowId
            : query.windowType === undefined || w.type === query.windowType,
      )
      .flatMap((w) => w.tabs)
      .filter((t) => query.active === undefined || t.active === query.active);
  });
}

const tab = (id: number, url: string, active: boolean, lastAccessed = 0): Tab =>
  ({ id, url, active, lastAccessed }) as Tab;

describe('activeTab: the tab the popup is about', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('is the active tab of its own window in the toolbar popup', async () => {
    stubBrowser({
      self: undefined,
      windows: [{ id: 1, type: 'normal', tabs: [tab(10, 'https://news.test/a', true)] }],
      lastFocused: 1,
    });
    expect(await activeTab()).toEqual({ id: 10, url: 'https://news.test/a' });
  });

  it('is the active tab of the last focused normal window when the popup page is a tab', async () => {
    const self = tab(11, 'moz-extension://x/popup.html', true);
    stubBrowser({
      self,
      windows: [
        { id: 1, type: 'normal', tabs: [tab(10, 'https://news.test/a', false), self] },
        { id: 2, type: 'normal', tabs: [tab(20, 'https://news.test/b', true)] },
      ],
      lastFocused: 2,
    });
    expect(await activeTab()).toEqual({ id: 20, url: 'https://news.test/b' });
  });

  it('skips the popup window Firefox returns as last focused despite windowTypes, taking the normal window used last', async () => {
    const self = tab(4, 'moz-extension://x/popup.html#over', true);
    stubBrowser({
      self,
      windows: [
        { id: 29, type: 'popup', tabs: [self] },
        {
          id: 1,
          type: 'normal',
          tabs: [tab(2, 'https://news.test/long', true, 500), tab(3, 'about:blank', false, 900)],
        },
        { id: 5, type: 'normal', tabs: [tab(6, 'https://news.test/older', true, 100)] },
      ],
      lastFocused: 29,
    });
    expect(await activeTab()).toEqual({ id: 2, url: 'https://news.test/long' });
  });

  it('is null when no normal window has an active tab but the popup itself', async () => {
    const self = tab(4, 'moz-extension://x/popup.html', true);
    stubBrowser({ self, windows: [{ id: 29, type: 'popup', tabs: [self] }], lastFocused: 29 });
    expect(await activeTab()).toBeNull();
  });
});
