// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp, type PopupAppProps } from '../../../components/popup/PopupApp';
import { PortsContext } from '../../../components/popup/popup-ports';
import { NO_RECEIVER } from '../../../lib/messaging/client';
import { ALL_SITES_ORIGINS, DEFAULT_SITE_MATCHES } from '../../../lib/site-access/default-sites';
import { installFakePermissions, installManifest } from '../../support/fake-extension-apis';
import type { RefreshReport } from '../../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { settingsItem } from '../../../lib/settings/store';
import { fakePorts, layer, summaries, type FakePorts } from './popup-fixtures';

let root: HTMLElement;

async function settle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

async function mount(ports: FakePorts, props: PopupAppProps = {}): Promise<HTMLElement> {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(
      <PortsContext.Provider value={ports}>
        <PopupApp {...props} />
      </PortsContext.Provider>,
      root,
    );
  });
  await settle();
  return root;
}

async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(async () => {
    (el as HTMLElement).click();
  });
  await settle();
}

function tab(name: RegExp): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>('[role=tab]')].find((t) =>
    name.test(t.textContent ?? ''),
  );
}

const text = () => root.textContent ?? '';

/** The sort button of a column of the symbols table. */
function header(label: string): Element | undefined {
  return [...root.querySelectorAll('.symbols-table thead button')].find((b) =>
    b.textContent?.startsWith(label),
  );
}

/** The symbols table's rows, top to bottom. */
function order(): (string | null)[] {
  return [...root.querySelectorAll('.symbols-table tbody tr')].map((r) =>
    r.getAttribute('data-symbol'),
  );
}

beforeEach(() => {
  fakeBrowser.reset();
  // The popup renders its site-access row, which reads the manifest and the granted hosts
  // (without them, each test left unhandled rejections behind and the run failed).
  installManifest({
    content_scripts: [{ matches: [...DEFAULT_SITE_MATCHES], js: ['content-scripts/content.js'] }],
    optional_host_permissions: ['https://api.twelvedata.com/*', ...ALL_SITES_ORIGINS],
  });
  installFakePermissions([...DEFAULT_SITE_MATCHES]);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('PopupApp: data states', () => {
  it('says it is loading until the dashboard arrives', async () => {
    const ports = fakePorts({ answers: { getDashboard: () => new Promise(() => undefined) } });
    await mount(ports);
    const busy = root.querySelector('[aria-busy=true]');
    expect(busy?.textContent).toBe('Loading the Russell 2000 dashboard…');
  });

  it('shows the Russell 2000 from the bundled snapshot, marked stale, with the as-of date', async () => {
    await mount(fakePorts());
    expect(root.querySelector('[data-testid=r2k-level]')?.textContent).toBe('2,663.78');
    expect(text()).toContain('As of Feb 20, 2026 close · bundled offline snapshot · stale');
    const stale = root.querySelector('[data-state=stale]');
    expect(stale?.textContent).toBe(
      'Stale: the latest close shown is Feb 20, 2026 (the bundled offline snapshot). Refresh to fetch newer closes.',
    );
    expect(stale?.getAttribute('role')).toBe('status');
    expect(text()).toContain('US market closed · last fetch never');
    expect([...root.querySelectorAll('[role=tab]')].map((t) => t.textContent)).toEqual([
      'Markets',
      'Index',
      'Compare',
      'This page',
    ]);
  });

  it('says when the browser is offline, and stops saying so when it is back', async () => {
    const ports = fakePorts({ online: false });
    await mount(ports);
    expect(root.querySelector('[data-state=offline]')?.textContent).toBe(
      'You are offline: the figures are saved data as of Feb 20, 2026. They update when you are back online.',
    );
    expect(root.querySelector('[data-state=stale]')).toBeNull();
    await act(async () => ports.setOnline(true));
    expect(root.querySelector('[data-state=offline]')).toBeNull();
    expect(root.querySelector('[data-state=stale]')).not.toBeNull();
  });

  it('says fetching is off when the refresh policy is offline, and disables Refresh now', async () => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      data: { ...DEFAULT_SETTINGS.data, refresh: 'offline' },
    });
    await mount(fakePorts());
    expect(root.querySelector('[data-state=fetching-off]')?.textContent).toMatch(
      /^Fetching is off \(Settings › Market data › offline\)/,
    );
    const button = [...root.querySelectorAll('button')].find(
      (b) => b.textContent === 'Refresh now',
    );
    expect(button?.disabled).toBe(true);
  });

  it('shows a refresh in progress with how far it got, then its outcome with the reason of a failure', async () => {
    let finish!: (r: { ok: true; data: RefreshReport }) => void;
    const ports = fakePorts({
      answers: { refreshNow: () => new Promise((resolve) => (finish = resolve)) },
    });
    await mount(ports);
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Refresh now'));
    expect(root.querySelector('[data-state=refreshing]')?.textContent).toBe('Refreshing…');
    await act(async () =>
      ports.emit({ type: 'refreshProgress', data: { done: 2, total: 9, current: 'SPY' } }),
    );
    const progress = root.querySelector('progress');
    expect(root.querySelector('[data-state=refreshing]')?.textContent).toBe(
      'Refreshing 3 of 9 (SPY)…',
    );
    expect([progress?.getAttribute('value'), progress?.getAttribute('max')]).toEqual(['2', '9']);
    expect(root.querySelector('[data-state=stale]')).toBeNull();
    await act(async () => {
      ports.emit({ type: 'refreshProgress', data: { done: 9, total: 9, current: null } });
      finish({
        ok: true,
        data: {
          updated: ['^RUT'],
          unchanged: ['IWM'],
          failed: [
            { symbol: 'SPY', message: 'the data provider could not be reached (offline?).' },
          ],
          skipped: null,
        },
      });
    });
    await settle();
    expect(root.querySelector('[data-state=refreshing]')).toBeNull();
    const outcome = root.querySelector('[data-state=refresh-result]');
    expect(outcome?.textContent).toBe(
      'Refresh: 1 updated, 1 already current, 1 failed (SPY: the data provider could not be reached (offline?).).',
    );
    expect(outcome?.getAttribute('role')).toBe('alert');
    // The dashboard was asked again for the newer data.
    expect(ports.sent.filter((m) => m.type === 'getDashboard')).toHaveLength(2);
  });

  it('shows a refresh started elsewhere (the background says one is running)', async () => {
    await mount(
      fakePorts({
        answers: {
          getDataStatus: {
            ok: true,
            data: { ...layer, refreshing: { done: 4, total: 8, current: 'QQQ' } },
          },
        },
      }),
    );
    expect(root.querySelector('[data-state=refreshing]')?.textContent).toBe(
      'Refreshing 5 of 8 (QQQ)…',
    );
  });

  it('says why the dashboard is missing when the background fails', async () => {
    await mount(
      fakePorts({
        answers: {
          getDashboard: { ok: false, error: 'IndexedDB could not be opened (QuotaExceededError)' },
        },
      }),
    );
    const alert = root.querySelector('[data-state=error]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toBe(
      'The dashboard could not be built: IndexedDB could not be opened (QuotaExceededError)',
    );
  });

  it('says why a refresh failed as a whole, and when storage fell back to memory', async () => {
    await mount(
      fakePorts({
        answers: {
          refreshNow: { ok: false, error: 'The extension was updated: reload the page.' },
          getDataStatus: {
            ok: true,
            data: { ...layer, storage: 'memory', degradedReason: 'IndexedDB is not available' },
          },
        },
      }),
    );
    expect(root.querySelector('[data-state=storage]')?.textContent).toBe(
      'Storage unavailable (IndexedDB is not available): working from memory and the bundled snapshot.',
    );
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Refresh now'));
    expect(root.querySelector('[data-state=refresh-result]')?.textContent).toBe(
      'Refresh failed: The extension was updated: reload the page.',
    );
  });

  it('reloads the dashboard when newer data arrives', async () => {
    const ports = fakePorts();
    await mount(ports);
    await act(async () => ports.emit({ type: 'dataUpdated', data: { symbols: ['^RUT'] } }));
    await settle();
    expect(ports.sent.filter((m) => m.type === 'getDashboardCharts')).toHaveLength(2);
  });

  it('keeps a place for the site-access row under the header', async () => {
    await mount(fakePorts(), { siteAccess: <button type="button">Run on this site</button> });
    const row = root.querySelector('section.site-access');
    expect(row?.getAttribute('aria-label')).toBe('Site access');
    expect(row?.textContent).toBe('Run on this site');
    expect(row?.nextElementSibling?.getAttribute('role')).toBe('tablist');
  });
});

describe('PopupApp: Markets tab', () => {
  it('draws four charts, each with a text summary, a data table toggle and its sources', async () => {
    await mount(fakePorts());
    const figures = [...root.querySelectorAll('figure.chart-figure')];
    expect(figures.map((f) => f.querySelector('h3')?.textContent)).toEqual([
      'Indexes rebased to 100',
      'Russell 2000 / S&P 500',
      'Rolling 63-day volatility',
      'Drawdown from the highest close',
    ]);
    expect(figures[0]?.querySelector('figcaption')?.textContent).toBe(
      'From Feb 20, 2025 to Feb 20, 2026, rebased to 100: Russell 2000 +17.8%, S&P 500 +12.9%, QQQ (for Nasdaq Composite) +13.7%.',
    );
    expect(figures[0]?.querySelector('canvas')?.getAttribute('aria-label')).toBe(
      figures[0]?.querySelector('figcaption')?.textContent,
    );
    expect(figures[3]?.querySelector('figcaption')?.textContent).toBe(
      'Russell 2000 below its highest close so far: 2008 financial crisis trough −59.9% on Mar 9, 2009; 2020 pandemic shock trough −43.1% on Mar 18, 2020; today (Feb 20, 2026) −2.0%. S&P 500 today −1.0%.',
    );
    for (const f of figures)
      expect(f.querySelector('.source')?.textContent).toMatch(/^Source: Yahoo/);
  });

  it('switches the rebased chart to another period', async () => {
    await mount(fakePorts());
    const figure = root.querySelector('figure.chart-figure');
    const max = [...(figure?.querySelectorAll('.view-switch button') ?? [])].find(
      (b) => b.textContent === 'Max',
    );
    await click(max);
    expect(max?.getAttribute('aria-pressed')).toBe('true');
    expect(figure?.querySelector('figcaption')?.textContent).toBe(
      'From Mar 10, 1999 to Feb 20, 2026, rebased to 100: Russell 2000 +564.1%, S&P 500 +436.9%, QQQ (for Nasdaq Composite) +1,309.8%.',
    );
  });

  it("shows and hides a chart's data as a table", async () => {
    await mount(fakePorts());
    const figure = root.querySelectorAll('figure.chart-figure')[3];
    const toggle = [...(figure?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent === 'Show data table',
    );
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    const table = figure?.querySelector('.data-table table');
    expect([...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent)).toEqual([
      'Date',
      'Russell 2000',
      'S&P 500',
    ]);
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(400);
    const trough = [...(table?.querySelectorAll('tbody tr') ?? [])].find(
      (tr) => tr.querySelector('th')?.textContent === 'Mar 9, 2009',
    );
    expect(trough?.querySelector('td')?.textContent).toBe('−59.9%');
    await click(toggle);
    expect(figure?.querySelector('.data-table')).toBeNull();
  });

  it('disables views the data cannot cover, with the reason', async () => {
    const { buildDashboardCharts } = await import('../../../lib/context/dashboard-charts');
    const { available } = await import('./popup-fixtures');
    const rut = available['^RUT']!;
    const from = rut.dates.indexOf('2023-01-03');
    const charts = buildDashboardCharts({
      available: {
        ...available,
        IWM: undefined,
        '^RUT': { ...rut, dates: rut.dates.slice(from), closes: rut.closes.slice(from) },
      },
    });
    await mount(
      fakePorts({
        answers: {
          getDashboardCharts: {
            ok: true,
            data: {
              charts,
              status: {
                origin: 'snapshot',
                stale: true,
                fetchedAt: null,
                refreshing: false,
                notices: [],
              },
            },
          },
        },
      }),
    );
    const fiveYears = [
      ...root.querySelectorAll('figure.chart-figure')[0]!.querySelectorAll('button'),
    ].find((b) => b.textContent === '5Y');
    expect(fiveYears?.disabled).toBe(true);
    expect(fiveYears?.title).toBe(
      'the shared history starts 2023-01-03, after 2021-02-20 (5Y before 2026-02-20)',
    );
  });
});

describe('PopupApp: Index and Compare tabs', () => {
  it('shows what the index is made of, with the file date and source, and says what the files lack', async () => {
    const ports = fakePorts();
    await mount(ports);
    expect(ports.sent.some((m) => m.type === 'getComposition')).toBe(false);
    await click(tab(/^Index/));
    expect(root.querySelector('[data-testid=member-count]')?.textContent).toBe('1,924');
    expect(text()).toContain(
      'iShares IWM holdings as of May 5, 2026 · iShares Russell 2000 ETF (IWM) holdings, BlackRock',
    );
    expect(text()).toContain('Top 10 weight7.25% of the fund');
    expect(root.querySelector('figure figcaption')?.textContent).toBe(
      '11 sectors in the May 5, 2026 holdings; the largest: Industrials 19.4%, Information Technology 16.9%, Financials 16.2%. The top 10 of 1,924 members weigh 7.25% together.',
    );
    expect(text()).toContain('give each member a sector, not an industry');
    expect(text()).toContain('Banks, by name');
    expect(text()).toContain(
      '304 members joined and 317 left between the May 13, 2025 and May 5, 2026 files',
    );
  });

  it('compares the three indexes: measured rows, quoted revenue, context rows with their basis', async () => {
    await mount(fakePorts());
    await click(tab(/^Compare/));
    const measured = root.querySelector('table.compare');
    const row = (label: RegExp) =>
      [...(measured?.querySelectorAll('tbody tr') ?? [])]
        .find((tr) => label.test(tr.querySelector('th')?.textContent ?? ''))
        ?.querySelectorAll('td');
    expect([...(row(/^Volatility, 63 days/) ?? [])].map((td) => td.textContent)).toEqual([
      '18.1%',
      '11.5%',
      '15.9%',
    ]);
    expect([...(row(/^2020: the next 12 months/) ?? [])].map((td) => td.textContent)).toEqual([
      '+128.8%',
      '+63.3%',
      '+87.6%',
    ]);
    expect([...(row(/^Non-US revenue/) ?? [])].map((td) => td.textContent)).toEqual([
      '19.78%FTSE Russell, Sep 29, 202324%Citi, Jul 2024',
      '39.39%for the Russell 1000FTSE Russell, Sep 29, 202341%Citi, Jul 2024',
      '—',
    ]);
    expect(text()).toContain('Context (how each index is usually described)');
    expect(text()).toContain('Typical cycle behaviour: the measured 2008 and 2020 rows');
    expect(text()).toContain('via QQQ');
  });
});

describe('PopupApp: This page tab', () => {
  const pageSymbols = {
    ok: true,
    data: {
      symbols: [
        { symbol: '^RUT', kind: 'index', count: 1 },
        { symbol: 'IWM', kind: 'cashtag', count: 2 },
        { symbol: 'SFM', kind: 'exchange', count: 3 },
        { symbol: 'IONQ', kind: 'cashtag', count: 1 },
        { symbol: 'ONB', kind: 'bare', count: 1 },
        { symbol: 'KTOS', kind: 'link', count: 1 },
      ],
    },
  } as const;

  it('explains a tab without content script by its kind of page', async () => {
    for (const [url, message] of [
      ['chrome://newtab/', 'This is a new tab: there is no page for R2K Lens to read.'],
      [
        'https://chromewebstore.google.com/detail/x',
        'Browsers do not let extensions run on the extension store.',
      ],
      [
        null,
        'R2K Lens cannot read this page (a browser page, the extension store, or a site it has no access to).',
      ],
    ] as const) {
      await mount(
        fakePorts({
          tab: { id: 3, url },
          tabAnswers: { getPageSymbols: { ok: false, error: NO_RECEIVER } },
        }),
        { initialPanel: 'page' },
      );
      expect(root.querySelector('[data-testid=no-content-script]')?.textContent).toBe(message);
      render(null, root);
      root.remove();
    }
    await mount(fakePorts({ tab: null }), { initialPanel: 'page' });
    expect(root.querySelector('[data-testid=no-content-script]')?.textContent).toBe(
      'There is no active tab.',
    );
  });

  it('refuses a malformed answer from the page, saying so', async () => {
    await mount(
      fakePorts({
        tabAnswers: {
          getPageSymbols: {
            ok: false,
            error: "The page's answer was malformed (kind must be one of ...).",
          },
        },
      }),
      { initialPanel: 'page' },
    );
    expect(root.querySelector('[role=alert]')?.textContent).toBe(
      "The page did not answer properly: The page's answer was malformed (kind must be one of ...).",
    );
  });

  it('says when detection is paused', async () => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      detection: { ...DEFAULT_SETTINGS.detection, paused: true },
    });
    await mount(
      fakePorts({ tabAnswers: { getPageSymbols: { ok: true, data: { symbols: [] } } } }),
      {
        initialPanel: 'page',
      },
    );
    expect(text()).toContain('R2K Lens is paused (Settings › Detection).');
  });

  it('lists the symbols with name, membership and 1Y excess, and the page-level line', async () => {
    const ports = fakePorts({ tabAnswers: { getPageSymbols: pageSymbols } });
    await mount(ports, { initialPanel: 'page' });
    expect(tab(/This page/)?.textContent).toBe('This page6');
    const rows = [...root.querySelectorAll('.symbols-table tbody tr')];
    // Most mentioned first.
    expect(rows.map((r) => r.getAttribute('data-symbol'))).toEqual([
      'SFM',
      'IWM',
      '^RUT',
      'IONQ',
      'KTOS',
      'ONB',
    ]);
    const cells = (symbol: string) =>
      [...(root.querySelector(`tr[data-symbol="${symbol}"]`)?.querySelectorAll('td') ?? [])].map(
        (td) => td.textContent,
      );
    expect(cells('IONQ')).toEqual(['IonQ, Inc.NYSE', 'Member', '+102.8%', '1']);
    expect(cells('SFM')).toEqual([
      'Sprouts Farmers Market, Inc.Nasdaq',
      'Not listed',
      '+80.7%',
      '3',
    ]);
    expect(cells('IWM')).toEqual(['iShares Russell 2000 ETFNYSE Arca', 'ETF', '+0.8%', '2']);
    expect(cells('KTOS')).toEqual([
      'Kratos Defense & Security Solutions, Inc.Nasdaq',
      'Member',
      '…',
      '1',
    ]);
    expect(root.querySelector('[data-testid=page-line]')?.textContent).toBe(
      '3 of 6 symbols are Russell 2000 members (iShares IWM holdings, May 5, 2026); median 1Y excess return of the 2 with prices: +48.0% vs the index (as of Mar 8, 2024).',
    );
    expect(ports.sent.find((m) => m.type === 'getSymbolSummaries')?.data).toEqual({
      symbols: ['SFM', 'IWM', '^RUT', 'IONQ', 'ONB', 'KTOS'],
    });
  });

  it('sorts by any column, missing figures last', async () => {
    await mount(fakePorts({ tabAnswers: { getPageSymbols: pageSymbols } }), {
      initialPanel: 'page',
    });
    await click(header('1Y vs R2K'));
    expect(order()).toEqual(['IONQ', 'SFM', 'IWM', '^RUT', 'ONB', 'KTOS']);
    expect(header('1Y vs R2K')?.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    await click(header('1Y vs R2K'));
    expect(order()).toEqual(['ONB', '^RUT', 'IWM', 'SFM', 'IONQ', 'KTOS']);
    await click(header('Symbol'));
    expect(order()).toEqual(['^RUT', 'IONQ', 'IWM', 'KTOS', 'ONB', 'SFM']);
    await click(header('R2K'));
    expect(order().slice(0, 3)).toEqual(['IONQ', 'KTOS', 'ONB']);
  });

  it('fills in a symbol when its prices arrive', async () => {
    let pending = true;
    const ports = fakePorts({
      tabAnswers: { getPageSymbols: pageSymbols },
      answers: {
        getSymbolSummaries: ({ symbols }) => ({ ok: true, data: summaries(symbols, pending) }),
      },
    });
    await mount(ports, { initialPanel: 'page' });
    expect(root.querySelector('tr[data-symbol="KTOS"] td:nth-of-type(3)')?.textContent).toBe('…');
    pending = false;
    await act(async () => ports.emit({ type: 'dataUpdated', data: { symbols: ['KTOS'] } }));
    await settle();
    const cell = root.querySelector('tr[data-symbol="KTOS"] td:nth-of-type(3)');
    expect(cell?.textContent).toBe('—');
    expect(cell?.getAttribute('title')).toBe('No saved data for KTOS.');
  });

  it('asks the page to reveal a symbol and closes the popup when it did', async () => {
    const ports = fakePorts({
      tab: { id: 9, url: 'https://news.example/story' },
      tabAnswers: {
        getPageSymbols: pageSymbols,
        revealSymbol: { ok: true, data: { revealed: true } },
      },
    });
    await mount(ports, { initialPanel: 'page' });
    const button = root.querySelector('tr[data-symbol="SFM"] button.symbol-link');
    expect(button?.getAttribute('aria-label')).toBe('Show SFM on the page');
    await click(button);
    expect(ports.tabMessages.at(-1)).toEqual({
      tabId: 9,
      type: 'revealSymbol',
      data: { symbol: 'SFM' },
    });
    expect(ports.closed).toBe(1);
    expect(root.querySelector('.page-symbols [role=status]')?.textContent).toBe(
      'SFM: shown on the page, with its card.',
    );
  });

  it('says when the page no longer has the symbol', async () => {
    const ports = fakePorts({
      tabAnswers: {
        getPageSymbols: pageSymbols,
        revealSymbol: { ok: true, data: { revealed: false } },
      },
    });
    await mount(ports, { initialPanel: 'page' });
    await click(root.querySelector('tr[data-symbol="ONB"] button.symbol-link'));
    expect(ports.closed).toBe(0);
    expect(root.querySelector('.page-symbols [role=status]')?.textContent).toBe(
      'ONB is no longer on the page.',
    );
  });
});
