// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { setFigureLocale } from '../../../lib/format/figures';
import type { ApiKeyStatus } from '../../../lib/settings/api-key-store';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../../lib/settings/schema';
import { exportSettingsFile } from '../../../lib/settings/settings-file';
import { loadSettings, saveSettings } from '../../../lib/settings/store';
import { ALL_SITES_ORIGINS, DEFAULT_SITE_MATCHES } from '../../../lib/site-access/default-sites';
import {
  installFakePermissions,
  installManifest,
  type FakePermissions,
} from '../../support/fake-extension-apis';
import { fakeBackground, type FakeBackground } from '../fake-background';
import { mount, settle, type Rendered } from '../render';

const STATUS = {
  storage: 'indexeddb',
  degradedReason: null,
  cachedSymbols: 27,
  lastFetchAt: null,
  nextRefreshAt: null,
  marketOpen: false,
  failures: [],
};

let permissions: FakePermissions;
let background: FakeBackground;
let keyStatus: ApiKeyStatus;
let page: Rendered;

beforeEach(async () => {
  fakeBrowser.reset();
  installManifest({
    content_scripts: [{ matches: [...DEFAULT_SITE_MATCHES], js: ['content-scripts/content.js'] }],
    host_permissions: ['https://query1.finance.yahoo.com/*', 'https://stooq.com/*'],
    optional_host_permissions: ['https://api.twelvedata.com/*', ...ALL_SITES_ORIGINS],
  });
  permissions = installFakePermissions([...DEFAULT_SITE_MATCHES, 'https://stooq.com/*']);
  keyStatus = { set: false, hint: null, storage: 'indexeddb', degradedReason: null };
  background = fakeBackground({
    getDataStatus: () => STATUS,
    clearCache: () => ({ ...STATUS, cachedSymbols: 26 }),
    getApiKeyStatus: () => keyStatus,
    setApiKey: (data) => {
      const key = (data as { key: string }).key;
      keyStatus = { ...keyStatus, set: key !== '', hint: key === '' ? null : key.slice(-4) };
      return keyStatus;
    },
  });
});

afterEach(() => {
  page?.unmount();
  setFigureLocale(undefined);
});

async function open(settings?: Settings): Promise<Rendered> {
  if (settings) await saveSettings(settings);
  page = await mount(<OptionsApp />);
  return page;
}

describe('options page', () => {
  it('says it is loading until the settings are read, then shows every section', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => {
      render(<OptionsApp />, root);
    });
    expect(root.textContent).toBe('Loading settings…');
    render(null, root);
    root.remove();
    page = await mount(<OptionsApp />);
    for (const heading of [
      'Sites',
      'Comparison',
      'Detection',
      'Market data',
      'Appearance',
      'Your settings',
    ]) {
      expect(page.findAll('h2').map((h) => h.textContent)).toContain(heading);
    }
  });

  it('shows the defaults: two benchmarks in order, the last one cannot be unchecked', async () => {
    await open();
    const checked = page
      .findAll<HTMLInputElement>('input[name=benchmark]')
      .filter((i) => i.checked)
      .map((i) => i.value);
    expect(checked).toEqual(['^GSPC', '^IXIC']);
    await page.check('input[name=benchmark][value="^GSPC"]', false);
    expect(page.find<HTMLInputElement>('input[name=benchmark][value="^IXIC"]').disabled).toBe(true);
    expect((await loadSettings()).comparison.benchmarks).toEqual(['^IXIC']);
    expect(page.find('.status').textContent).toBe('Saved');
  });

  it('adds the Dow and puts the benchmarks in the user’s order', async () => {
    await open();
    await page.check('input[name=benchmark][value="^DJI"]');
    expect((await loadSettings()).comparison.benchmarks).toEqual(['^GSPC', '^IXIC', '^DJI']);
    await page.click(page.button('Move Dow Jones Industrial Average up'));
    await page.click(page.button('Move Dow Jones Industrial Average up'));
    expect((await loadSettings()).comparison.benchmarks).toEqual(['^DJI', '^GSPC', '^IXIC']);
    expect(page.button('Move Dow Jones Industrial Average up').disabled).toBe(true);
    const order = page.findAll<HTMLInputElement>('input[name=benchmark]').map((i) => i.value);
    expect(order.slice(0, 3)).toEqual(['^DJI', '^GSPC', '^IXIC']);
  });

  it('saves the chart period, the volatility window and the return basis', async () => {
    await open();
    await page.check('input[name=chartPeriod][value=max]');
    await page.check('input[name=volatilityWindow][value="252"]');
    await page.check('input[name=returnBasis][value=total-return]');
    expect((await loadSettings()).comparison).toMatchObject({
      chartPeriod: 'max',
      volatilityWindow: 252,
      returnBasis: 'total-return',
    });
    expect(page.text()).toMatch(/the Nasdaq Composite has no such fund and stays on price/);
  });

  it('saves detection choices and the quote site', async () => {
    await open();
    await page.check('input[name=sensitivity][value=strict]');
    await page.check('input[name=companyNames]');
    await page.choose('select[name=quoteSite]', 'finviz');
    expect((await loadSettings()).detection).toMatchObject({
      sensitivity: 'strict',
      companyNames: true,
      quoteSite: 'finviz',
    });
  });

  it('follows changes made elsewhere (another window, an import) without reloading', async () => {
    await open();
    await saveSettings({
      ...DEFAULT_SETTINGS,
      detection: { ...DEFAULT_SETTINGS.detection, paused: true },
    });
    await settle();
    expect(page.find<HTMLInputElement>('input[name=paused]').checked).toBe(true);
  });
});

describe('options page: sites', () => {
  it('lists the default sites and says none other is allowed', async () => {
    await open();
    expect(page.text()).toMatch(/By default R2K Lens runs on 25 financial news/);
    expect(page.text()).toMatch(/Reuters \(reuters\.com\)/);
    expect(page.find<HTMLInputElement>('input[name=allSites]').checked).toBe(false);
    expect(page.text()).toMatch(/None\. On any other site, open R2K Lens from the toolbar/);
  });

  it('asks the browser for every site, and shows it granted', async () => {
    await open();
    await page.check('input[name=allSites]');
    expect(permissions.requests).toEqual([[...ALL_SITES_ORIGINS]]);
    expect(page.find<HTMLInputElement>('input[name=allSites]').checked).toBe(true);
    expect(page.find('.status').textContent).toBe('R2K Lens now runs on every site.');
  });

  it('says so when the browser’s prompt is declined', async () => {
    permissions.answer = false;
    await open();
    await page.check('input[name=allSites]');
    expect(page.find<HTMLInputElement>('input[name=allSites]').checked).toBe(false);
    expect(page.find('.status').textContent).toBe('Access to all sites was not granted.');
  });

  it('takes every site back, and lists and removes single sites', async () => {
    for (const o of [...ALL_SITES_ORIGINS, 'https://news.example.org/*'])
      permissions.granted.add(o);
    await open();
    expect(page.find<HTMLInputElement>('input[name=allSites]').checked).toBe(true);
    expect(page.text()).toMatch(/news\.example\.org/);
    expect(page.text()).toMatch(/these are covered anyway/);
    await page.check('input[name=allSites]', false);
    expect(permissions.granted.has('https://*/*')).toBe(false);
    await page.click(page.button('Stop running on news.example.org'));
    expect(permissions.granted.has('https://news.example.org/*')).toBe(false);
    expect(page.text()).toMatch(/None\. On any other site/);
  });

  it('switches sites off and on, refusing what is not a site', async () => {
    await open();
    await page.type('input[name=site]', 'not a site');
    await page.submit('form.add-site');
    expect(page.text()).toMatch(/Enter a site such as reuters\.com/);
    expect(page.find('input[name=site]').getAttribute('aria-invalid')).toBe('true');
    await page.type('input[name=site]', 'https://www.FT.com/markets');
    await page.submit('form.add-site');
    expect((await loadSettings()).detection.disabledSites).toEqual(['ft.com']);
    await page.click(page.button('Turn R2K Lens back on for ft.com'));
    expect((await loadSettings()).detection.disabledSites).toEqual([]);
  });
});

describe('options page: market data', () => {
  it('puts the sources in order and shows the key field only for Twelve Data', async () => {
    await open();
    expect(page.findAll('[data-testid=api-key-status]')).toHaveLength(0);
    await page.check('input[name=provider][value=twelvedata]');
    await page.click(page.button('Move Twelve Data (API key) up'));
    await page.click(page.button('Move Twelve Data (API key) up'));
    expect((await loadSettings()).data.providers).toEqual(['twelvedata', 'yahoo', 'stooq']);
    expect(page.find('[data-testid=api-key-status]').textContent).toBe('No key saved.');
  });

  it('saves a key through the background (asking for its host), and never shows it back', async () => {
    await open({
      ...DEFAULT_SETTINGS,
      data: { ...DEFAULT_SETTINGS.data, providers: ['twelvedata'] },
    });
    await page.type('input[name=twelveDataApiKey]', 'short');
    await page.submit('form.api-key');
    expect(page.text()).toMatch(/does not look like a Twelve Data key/);
    expect(background.calls.filter((c) => c.type === 'setApiKey')).toEqual([]);

    await page.type('input[name=twelveDataApiKey]', 'AbCdEf0123456789WxYz');
    await page.submit('form.api-key');
    expect(permissions.requests).toEqual([['https://api.twelvedata.com/*']]);
    expect(background.calls.filter((c) => c.type === 'setApiKey')).toEqual([
      { type: 'setApiKey', data: { key: 'AbCdEf0123456789WxYz' } },
    ]);
    expect(page.find('[data-testid=api-key-status]').textContent).toBe(
      'A key ending in …WxYz is saved on this device.',
    );
    expect(page.find<HTMLInputElement>('input[name=twelveDataApiKey]').value).toBe('');
    expect(page.text()).not.toMatch(/AbCdEf0123456789/);

    await page.click(page.button('Remove key'));
    expect(page.find('[data-testid=api-key-status]').textContent).toBe('No key saved.');
  });

  it('says where the key is when IndexedDB failed', async () => {
    keyStatus = {
      set: true,
      hint: 'WxYz',
      storage: 'session',
      degradedReason: 'IndexedDB could not be used (UnknownError)',
    };
    await open({
      ...DEFAULT_SETTINGS,
      data: { ...DEFAULT_SETTINGS.data, providers: ['twelvedata'] },
    });
    expect(page.find('[data-testid=api-key-status]').textContent).toBe(
      'A key ending in …WxYz is saved until the browser closes (IndexedDB could not be used (UnknownError)).',
    );
  });

  it('shows the cache and clears it', async () => {
    await open();
    expect(page.find('[data-testid=cache-panel]').textContent).toMatch(
      /27 symbols cached in IndexedDB/,
    );
    await page.click(page.button('Clear cache'));
    expect(page.find('[data-testid=cache-panel]').textContent).toMatch(/26 symbols cached/);
    await page.choose('select[name=cacheSymbols]', '1000');
    expect((await loadSettings()).data.cacheSymbols).toBe(1000);
  });

  it('says when the background cannot answer', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBackground({ getDataStatus: () => Promise.reject(new Error('cache exploded')) });
    await open();
    expect(page.find('.cache-panel, p.error').textContent).toMatch(/cache exploded/);
  });
});

describe('options page: appearance', () => {
  it('applies the theme and writes numbers in the chosen format at once', async () => {
    await open();
    expect(page.find('[data-testid=number-sample]').textContent).toBe('e.g. 2,663.78 · −1.23%');
    await page.choose('select[name=numberFormat]', 'de-DE');
    expect((await loadSettings()).appearance.numberFormat).toBe('de-DE');
    expect(page.find('[data-testid=number-sample]').textContent).toBe(
      'e.g. 2.663,78 · −1,23\u00a0%',
    );
    await page.check('input[name=theme][value=dark]');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});

/** Picks a file in the import field, as the file chooser would. */
function chooseFile(name: string, text: string) {
  const input = page.find<HTMLInputElement>('input[name=importSettings]');
  Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return settle(10);
}

describe('options page: export and import', () => {
  const chosen: Settings = {
    ...DEFAULT_SETTINGS,
    comparison: {
      ...DEFAULT_SETTINGS.comparison,
      benchmarks: ['^DJI'],
      returnBasis: 'total-return',
    },
    appearance: { theme: 'dark', numberFormat: 'fr-FR' },
  };

  it('exports the settings to a dated file, without the key', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:settings';
    });
    const clicked = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    await open(chosen);
    await page.click(page.button('Export settings…'));
    expect(clicked).toHaveBeenCalledTimes(1);
    const file = JSON.parse(await (created[0] as Blob).text());
    expect(file).toMatchObject({
      format: 'r2k-lens-settings',
      version: SETTINGS_VERSION,
      settings: chosen,
    });
    expect(page.find('[data-testid=transfer-outcome]').textContent).toMatch(
      /^Exported to r2k-lens-settings-\d{4}-\d{2}-\d{2}\.json \(your API key is not in it\)\.$/,
    );
    vi.restoreAllMocks();
  });

  it('imports a good file', async () => {
    await open();
    await chooseFile('mine.json', exportSettingsFile(chosen, new Date()));
    expect(await loadSettings()).toEqual(chosen);
    expect(page.find('[data-testid=transfer-outcome]').textContent).toBe('Imported mine.json.');
  });

  for (const [what, text, reason] of [
    [
      'a truncated file',
      exportSettingsFile(DEFAULT_SETTINGS, new Date()).slice(0, 120),
      /ends too early/,
    ],
    ['a foreign file', '{"darkReader": true}', /not an R2K Lens settings file/],
    [
      'a file from a newer version',
      JSON.stringify({ format: 'r2k-lens-settings', version: 99, settings: {} }),
      /written by a newer R2K Lens \(settings version 99\)/,
    ],
    ['a malformed file', 'theme=dark', /not valid JSON/],
  ] as const) {
    it(`refuses ${what}, says why and keeps the current settings`, async () => {
      await open(chosen);
      await chooseFile('bad.json', text);
      const outcome = page.find('[data-testid=transfer-outcome]');
      expect(outcome.getAttribute('role')).toBe('alert');
      expect(outcome.textContent).toMatch(reason);
      expect(outcome.textContent).toMatch(
        /^bad\.json was not imported\. .* Your settings are unchanged\.$/,
      );
      expect(await loadSettings()).toEqual(chosen);
    });
  }

  it('resets to the defaults', async () => {
    await open(chosen);
    await page.click(page.button('Reset to defaults'));
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
