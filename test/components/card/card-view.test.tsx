// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardView, type CardState } from '../../../components/card/CardView';
import { ChartLoader, type ChartChunk } from '../../../components/chart/LazyRebasedChart';
import type { CardPayload } from '../../../lib/messaging/protocol';
import {
  REFRESHING_STATUS,
  indexPayload,
  ionqPayload,
  iwmPayload,
  newListingPayload,
  nvdaPayload,
} from './card-fixtures';

let root: HTMLElement;
/** Charts the card asked the chart chunk to draw: the first date, the last, and the lines. */
let drawn: string[];
const loadChart = async (): Promise<ChartChunk> => ({
  drawLineChart: (_canvas, dates, lines) => {
    drawn.push(`${dates[0]}..${dates.at(-1)} ${lines.map((l) => l.label).join(', ')}`);
    return { destroy: () => undefined };
  },
});

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  drawn = [];
  // Chart.js finds no 2D context in happy-dom and says so on the console: expected here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

function show(
  state: CardState,
  { detailsOpen = false, symbol = 'IONQ', kind = 'cashtag', quoteSite = 'yahoo' } = {},
) {
  const toggles: boolean[] = [];
  render(
    <ChartLoader.Provider value={loadChart}>
      <CardView
        target={{ symbol, kind }}
        state={state}
        quoteSiteId={quoteSite}
        detailsOpen={detailsOpen}
        onToggleDetails={(open) => toggles.push(open)}
        onClose={() => undefined}
        titleId="t"
        summaryId="s"
      />
    </ChartLoader.Provider>,
    root,
  );
  return { toggles };
}

const loaded = (payload: CardPayload, updating = false): CardState => ({
  kind: 'reply',
  reply: { ok: true, data: payload },
  updating,
});

/** Text a screen reader reads (the visual duplicates are aria-hidden). */
function spoken(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Text a sighted reader sees (the screen-reader sentences removed). */
function visible(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const sr of clone.querySelectorAll('.sr')) sr.remove();
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const text = () => (root.textContent ?? '').replace(/\s+/g, ' ');
const $ = (selector: string) => root.querySelector(selector);

describe('symbol card, compact view', () => {
  it('IONQ, a member: name, symbol, exchange, last close with its date, badge, sector, weight', () => {
    show(loaded(ionqPayload()));
    expect($('#t')?.textContent).toBe('IonQ, Inc.');
    expect($('.ident')?.textContent).toBe('IONQ · NYSE · stock');
    const close = $('[data-testid=close-line]')!;
    expect(visible(close)).toMatch(/^10\.81 −0\.83% close of Mar 8, 2024$/);
    expect(spoken(close)).toBe(
      'IONQ closed at 10.81 on Mar 8, 2024, down 0.83% from the close before.',
    );
    const member = $('[data-testid=membership]')!;
    expect(member.textContent).toMatch(/R2K member.*of index · Information Technology/);
    expect(spoken(member)).toMatch(
      /^Russell 2000 member, Information Technology, 0\.\d\d% of the index \(iShares IWM holdings of May 5, 2026\)\.$/,
    );
  });

  it('one line of performance against the Russell 2000 over the periods, read as sentences', () => {
    show(loaded(ionqPayload()));
    const perf = $('[data-testid=performance]')!;
    expect([...perf.querySelectorAll('.perf-period')].map((e) => e.textContent)).toEqual([
      '1M',
      '3M',
      'YTD',
      '1Y',
    ]);
    expect([...perf.querySelectorAll('.perf-value')].map((e) => e.textContent)).toEqual([
      '−6.0',
      '−31.8',
      '−15.5',
      '+102.8',
    ]);
    expect(spoken(perf)).toMatch(
      /^IONQ: down 0\.8% over one month, 6\.0 points behind the Russell 2000\. .* IONQ: up 113\.\d% over one year, 102\.8 points ahead of the Russell 2000\.$/,
    );
  });

  it('a sparkline of the symbol against the Russell 2000, and volatility and beta beside the index', () => {
    show(loaded(ionqPayload()));
    const paths = root.querySelectorAll('.spark svg path');
    expect(paths).toHaveLength(2);
    expect(paths[0]?.getAttribute('d')).toMatch(/^M0\.0 [\d.]+L/);
    expect($('.spark-legend')?.textContent).toContain('IONQRussell 20001Y, rebased to 100');
    const stats = $('[data-testid=stats-line]')!;
    expect(visible(stats)).toMatch(/^Vol 66\.0% \(R2K 21\.9%\) · Beta 1\.\d\d \(R2K 1\.00\)$/);
    expect(spoken(stats)).toMatch(
      /^Volatility 66\.0% a year, against 21\.9% for the Russell 2000\. Beta to the Russell 2000: 1\.\d\d\.$/,
    );
  });

  it('a quote link on the site the user picked (Yahoo Finance by default), opening a new tab', () => {
    show(loaded(ionqPayload()));
    const link = $('a.quote-link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://finance.yahoo.com/quote/IONQ/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('aria-label')).toBe('Open IONQ on Yahoo Finance (new tab)');
    show(loaded(ionqPayload()), { quoteSite: 'google' });
    expect(($('a.quote-link') as HTMLAnchorElement).getAttribute('href')).toBe(
      'https://www.google.com/finance/quote/IONQ:NYSE',
    );
  });

  it('"More" is a disclosure: collapsed, the details are not rendered', () => {
    const { toggles } = show(loaded(ionqPayload()));
    const more = $('button.more') as HTMLButtonElement;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(more.getAttribute('aria-controls')).toBe('t-details');
    expect(($('#t-details') as HTMLElement).hidden).toBe(true);
    expect($('table.figures')).toBeNull();
    more.click();
    expect(toggles).toEqual([true]);
  });

  it('the as-of line says where the figures come from and that they are stale', () => {
    show(loaded(ionqPayload()));
    expect(visible($('[data-testid=status-line]')!)).toBe('As of Mar 8, 2024 · snapshot · stale');
  });

  it('never writes NaN, Infinity or undefined', () => {
    for (const payload of [ionqPayload(), iwmPayload(), nvdaPayload(), newListingPayload()]) {
      for (const detailsOpen of [false, true]) {
        show(loaded(payload), { detailsOpen });
        expect(text()).not.toMatch(/NaN|Infinity|undefined|null/);
      }
    }
  });
});

describe('symbol card, the reason it is not a member', () => {
  it('an ETF says it is a fund', () => {
    show(loaded(iwmPayload()), { symbol: 'IWM' });
    expect($('[data-testid=membership]')?.textContent).toBe(
      'ETF An ETF: funds are not index members.',
    );
    expect($('.ident')?.textContent).toBe('IWM · NYSE Arca · ETF');
  });

  it('a stock missing from the holdings says so, with the holdings date', () => {
    show(loaded(nvdaPayload()), { symbol: 'NVDA' });
    expect($('[data-testid=membership]')?.textContent).toBe(
      'Not in the Russell 2000 Not in the iShares IWM holdings of May 5, 2026.',
    );
    // No name known: the symbol is the title.
    expect($('#t')?.textContent).toBe('NVDA');
  });
});

describe('symbol card, full view (More open)', () => {
  it('the full table against every benchmark, with the excess rows', () => {
    show(loaded(ionqPayload()), { detailsOpen: true });
    const rows = [...root.querySelectorAll('table.figures tbody tr th')].map((th) =>
      th.textContent?.trim(),
    );
    expect(rows).toEqual([
      'IONQ',
      'Russell 2000',
      'vs Russell 2000excess return',
      'vs S&P 500excess return',
      'vs Nasdaq Compositevia QQQ',
    ]);
  });

  it('the chart with a period switch, the current period pressed', async () => {
    act(() => {
      show(loaded(ionqPayload()), { detailsOpen: true });
    });
    const buttons = [...root.querySelectorAll('.period-switch button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['1M', '3M', 'YTD', '1Y']);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual([
      'false',
      'false',
      'false',
      'true',
    ]);
    // Drawn by the chart chunk, loaded on demand.
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(drawn).toEqual(['2023-03-08..2024-03-08 IONQ, Russell 2000']);
    await act(() => (buttons[0] as HTMLButtonElement).click());
    const after = [...root.querySelectorAll('.period-switch button')];
    expect(after.map((b) => b.getAttribute('aria-pressed'))).toEqual([
      'true',
      'false',
      'false',
      'false',
    ]);
    expect(root.querySelector('canvas')?.getAttribute('aria-label')).toBe(
      'IONQ and the Russell 2000 rebased to 100 over one month',
    );
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(drawn).toEqual([
      '2023-03-08..2024-03-08 IONQ, Russell 2000',
      '2024-02-08..2024-03-08 IONQ, Russell 2000',
    ]);
  });

  it('drawdowns, rate sensitivity beside the index, sector weight, exposure, sources', () => {
    show(loaded(ionqPayload()), { detailsOpen: true });
    const t = text();
    expect(t).toMatch(/From peak−65\.1%/);
    expect(t).toMatch(/Rate sensitivityIONQ \(63d\)—Russell 2000 \(63d\)—/);
    // The bundled 10-year yield has no closes in 2021-2025: the reason is given.
    expect(t).toContain('the series share 0 dates up to 2024-03-08; 64 are needed');
    expect(t).toMatch(
      /Within its sector\d+\.\d% of the index's Information Technology weight \(\d+ members, \d+\.\d% of the index\)/,
    );
    expect(t).toContain('19.78% of revenue abroad, against 39.39% for the Russell 1000');
    expect(t).toMatch(/Source: Yahoo Finance/);
    expect(t).toContain('Membership: iShares IWM holdings, as of May 5, 2026');
    expect(t).toContain('As of Mar 8, 2024 close · bundled offline snapshot · stale');
  });

  it('IWM as of 2026-02-20 shows its own rate sensitivity next to the Russell 2000’s', () => {
    show(loaded(iwmPayload()), { detailsOpen: true, symbol: 'IWM' });
    expect(text()).toMatch(
      /IWM \(63d\)[+−]\d\.\d\d% per \+1 pt ?corr\. [-−\d.]+Russell 2000 \(63d\)[+−]\d\.\d\d% per \+1 pt/,
    );
    // Not a member: no sector weight section.
    expect(text()).not.toContain('Within its sector');
  });
});

describe('index card', () => {
  it('compact: the index, its last close, the Russell 2000 beside the benchmarks, sparkline, volatility', () => {
    show(loaded(indexPayload('^RUT')), { symbol: '^RUT', kind: 'index' });
    expect($('#t')?.textContent).toBe('Russell 2000');
    expect($('.ident')?.textContent).toBe('^RUT · index');
    expect(visible($('[data-testid=close-line]')!)).toMatch(
      /^2,663\.78 [+−]\d\.\d\d% close of Feb 20, 2026$/,
    );
    const perf = $('[data-testid=performance]')!;
    expect([...perf.querySelectorAll('.perf-period')].map((e) => e.textContent)).toEqual([
      'R2K',
      'S&P 500',
      'Nasdaq',
    ]);
    expect(spoken(perf)).toMatch(
      /^Russell 2000: up \d+\.\d% over one year, [\d.]+ points (ahead of|behind) the S&P 500\./,
    );
    expect(root.querySelectorAll('.spark svg path')).toHaveLength(2);
    expect(visible($('[data-testid=stats-line]')!)).toMatch(
      /^Vol \d+\.\d% \(S&P 500 \d+\.\d%\) · Beta to S&P 500 \d\.\d\d$/,
    );
    expect(($('a.quote-link') as HTMLAnchorElement).href).toBe(
      'https://finance.yahoo.com/quote/%5ERUT/',
    );
  });

  it('loading, saved figures while a fetch runs, and an index with no saved closes', () => {
    show({ kind: 'loading' }, { symbol: '^RUT', kind: 'index' });
    expect($('#t')?.textContent).toBe('^RUT');
    expect($('.compact.skeleton')?.getAttribute('aria-busy')).toBe('true');
    const refreshing = indexPayload('^RUT');
    if (refreshing.kind !== 'index') throw new Error('an index payload');
    refreshing.status = REFRESHING_STATUS;
    show(loaded(refreshing), { symbol: '^RUT', kind: 'index' });
    expect(visible($('[data-testid=status-line]')!)).toBe(
      'As of Feb 20, 2026 · cached · stale · checking for newer data',
    );
    const noCloses = indexPayload('^RUT');
    if (noCloses.kind !== 'index') throw new Error('an index payload');
    noCloses.lastClose = {
      value: null,
      reason: 'unavailable',
      detail: 'no saved Dow Jones Industrial Average closes',
      asOf: '2026-02-20',
      source: '',
    };
    show(loaded(noCloses), { symbol: '^DJI', kind: 'index' });
    expect($('.close-line')?.textContent).toBe('No close available');
    expect($('.close-line')?.getAttribute('title')).toBe(
      'no saved Dow Jones Industrial Average closes',
    );
    // The rest of the card is still there.
    expect(root.querySelectorAll('.spark svg path')).toHaveLength(2);
  });

  it('full: the indexes side by side with the proxy note and sources', () => {
    show(loaded(indexPayload('^GSPC')), { symbol: '^GSPC', kind: 'index', detailsOpen: true });
    expect($('#t')?.textContent).toBe('S&P 500');
    const t = text();
    expect(t).toContain('Price return');
    expect(t).toContain('R2K vs S&P 500');
    expect(t).toContain('Nasdaq Composite history ends 2022-05-04; QQQ used');
    expect(t).toMatch(/Source: Yahoo Finance/);
    expect(text()).not.toMatch(/NaN|Infinity|undefined/);
  });
});

function unavailable(
  cause: Extract<CardPayload, { kind: 'unavailable' }>['cause'],
  reason: string,
) {
  return loaded({ kind: 'unavailable', symbol: 'KTOS', reason, cause });
}

describe('every state of the card', () => {
  it('loading: a skeleton of the final layout, busy, with the symbol as title', () => {
    show({ kind: 'loading' });
    expect($('#t')?.textContent).toBe('IONQ');
    const skeleton = $('.compact.skeleton')!;
    expect(skeleton.getAttribute('aria-busy')).toBe('true');
    // The same lines as the loaded card, so nothing jumps when the data arrives.
    expect([...skeleton.children].map((c) => c.className)).toEqual([
      'sr',
      'close-line',
      'member-line',
      'perf',
      'spark',
      'stats-line',
    ]);
    expect($('.status-line')).not.toBeNull();
    expect($('.actions')).not.toBeNull();
    expect($('#s')?.textContent).toBe('Loading Russell 2000 context for IONQ…');
  });

  it('cached figures while a fetch runs: the figures stay, the status says it is checking', () => {
    show(loaded(ionqPayload(REFRESHING_STATUS)));
    expect($('[data-testid=close-line]')).not.toBeNull();
    expect(visible($('[data-testid=status-line]')!)).toBe(
      'As of Mar 8, 2024 · cached · stale · checking for newer data',
    );
    // Newer data announced by the background: the card re-fetches and says so meanwhile.
    show(loaded(ionqPayload(), true));
    expect($('[data-testid=status-line]')?.textContent).toContain('checking for newer data');
  });

  it('fresh: no stale mark', () => {
    show(loaded(newListingPayload()));
    expect(visible($('[data-testid=status-line]')!)).toBe('As of Nov 30, 2021 · just fetched');
  });

  it('too little history: says since when, and which periods cannot be computed', () => {
    show(loaded(newListingPayload()));
    expect($('[data-testid=history-note]')?.textContent).toBe(
      'IONQ has closes only since Oct 1, 2021 (42 trading days): 3M, YTD, 1Y cannot be computed yet.',
    );
    // What there is is shown: the one-month figure.
    const values = [...root.querySelectorAll('.perf-value')].map((e) => e.textContent);
    expect(values[0]).toMatch(/^[+−]\d+\.\d$/);
    expect(values.slice(1)).toEqual(['—', '—', '—']);
  });

  it.each([
    [
      'offline',
      'Offline',
      'No saved data for KTOS, and fetching is off (Settings › Market data › offline).',
      'muted',
    ],
    [
      'rate-limited',
      'Rate limited',
      'No data for KTOS: the data provider asked us to slow down; retrying later.',
      'error',
    ],
    [
      'unknown-symbol',
      'Unknown symbol',
      'No data for KTOS: the data provider does not know this symbol.',
      'error',
    ],
    [
      'network',
      'Provider unreachable',
      'No data for KTOS: the data provider could not be reached (offline?).',
      'error',
    ],
    [
      'provider-error',
      'No usable data',
      'No data for KTOS: the data provider answered with a web page instead of data.',
      'error',
    ],
  ] as const)('%s: a heading and the reason in plain words', (cause, heading, reason, cls) => {
    show(unavailable(cause, reason), { symbol: 'KTOS' });
    expect($('#t')?.textContent).toBe('KTOS');
    expect($('.ident')?.textContent).toBe(heading);
    expect($(`.compact.message[data-state=${cause}]`)).not.toBeNull();
    expect($('#s')?.textContent).toBe(reason);
    expect($('#s')?.className).toBe(cls);
  });

  it('error: the reason in plain words', () => {
    show(
      {
        kind: 'reply',
        reply: { ok: false, error: 'The extension was updated: reload the page.' },
        updating: false,
      },
      { symbol: 'KTOS' },
    );
    expect($('.ident')?.textContent).toBe('Could not load');
    expect($('#s')?.textContent).toBe(
      'R2K Lens could not load this card: The extension was updated: reload the page.',
    );
  });
});
