import { useState } from 'preact/hooks';
import type { SymbolSummary } from '../../lib/context/symbol-summary';
import {
  formatDate,
  formatPercent,
  formatSignedPercent,
  trendClass,
} from '../../lib/format/figures';
import { MAX_SUMMARY_SYMBOLS } from '../../lib/messaging/protocol';
import { isDetectionDisabled, type Settings } from '../../lib/settings/schema';
import type { PageSymbol, PageSymbolsState } from './page-symbols-state';
import { usePorts } from './popup-ports';
import { useReply } from './use-reply';

type SortKey = 'mentions' | 'symbol' | 'name' | 'member' | 'excess';
interface Sort {
  key: SortKey;
  descending: boolean;
}

const MEMBER_TEXT: Record<SymbolSummary['membership']['status'], string> = {
  member: 'Member',
  'not-listed': 'Not listed',
  'not-a-stock': '',
  unknown: '?',
};

interface Row {
  page: PageSymbol;
  summary: SymbolSummary | undefined;
}

function memberRank(s: SymbolSummary | undefined): number {
  return { member: 0, 'not-listed': 1, 'not-a-stock': 2, unknown: 3 }[
    s?.membership.status ?? 'unknown'
  ];
}

function compareRows(a: Row, b: Row, key: SortKey): number {
  switch (key) {
    case 'symbol':
      return a.page.symbol.localeCompare(b.page.symbol);
    case 'name':
      return (a.summary?.name ?? '\uffff').localeCompare(b.summary?.name ?? '\uffff');
    case 'member':
      return memberRank(a.summary) - memberRank(b.summary);
    case 'excess': {
      const x = a.summary?.oneYear.value?.excess ?? null;
      const y = b.summary?.oneYear.value?.excess ?? null;
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return x - y;
    }
    default:
      return a.page.count - b.page.count;
  }
}

/** Rows sorted by `sort`; missing values last whichever the direction, ties by mentions then symbol. */
export function sortRows(rows: readonly Row[], sort: Sort): Row[] {
  return rows.toSorted((a, b) => {
    const missingA = sort.key === 'excess' && a.summary?.oneYear.value == null;
    const missingB = sort.key === 'excess' && b.summary?.oneYear.value == null;
    if (missingA !== missingB) return missingA ? 1 : -1;
    const c = compareRows(a, b, sort.key);
    if (c !== 0) return sort.descending ? -c : c;
    return b.page.count - a.page.count || a.page.symbol.localeCompare(b.page.symbol);
  });
}

function kindLabel(s: SymbolSummary | undefined): string {
  if (!s) return '';
  if (s.instrument === 'etf') return 'ETF';
  if (s.instrument === 'index') return 'Index';
  return MEMBER_TEXT[s.membership.status];
}

function excessTitle(s: SymbolSummary): string {
  const f = s.oneYear;
  if (f.value === null) return f.detail ?? 'no figure';
  return (
    `${s.symbol} ${formatSignedPercent(f.value.asset, 1)} vs Russell 2000 ${formatSignedPercent(f.value.benchmark, 1)} ` +
    `over 1Y to ${formatDate(f.asOf)}. Source: ${f.source}`
  );
}

function HeaderButton({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey: SortKey;
  sort: Sort;
  onSort(key: SortKey): void;
}) {
  const active = sort.key === sortKey;
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true">{active ? (sort.descending ? ' ▾' : ' ▴') : ''}</span>
      </button>
    </th>
  );
}

/**
 * The "On this page" tab: the symbols the content script found in the active tab, with name,
 * Russell 2000 membership and 1Y excess return against the index (sortable), a page-level line
 * (members, their median excess return), and for each symbol a button that scrolls the page to
 * its first mention and opens its card there.
 */
export function PageSymbolsPanel({
  page,
  settings,
  version,
}: {
  page: PageSymbolsState;
  settings: Settings | null;
  version: unknown;
}) {
  const ports = usePorts();
  const [sort, setSort] = useState<Sort>({ key: 'mentions', descending: true });
  const [revealed, setRevealed] = useState<string>('');
  const symbols =
    page.state === 'ready'
      ? page.symbols.toSorted((a, b) => b.count - a.count).slice(0, MAX_SUMMARY_SYMBOLS)
      : [];
  const reply = useReply(
    'getSymbolSummaries',
    { symbols: symbols.map((s) => s.symbol) },
    version,
    symbols.length > 0,
  );

  if (page.state === 'loading')
    return (
      <p class="muted" aria-busy="true">
        Looking at the page…
      </p>
    );
  if (page.state === 'unavailable') {
    return (
      <p class="muted" data-testid="no-content-script">
        {page.reason}
      </p>
    );
  }
  if (page.state === 'error') {
    return (
      <p class="error" role="alert">
        The page did not answer properly: {page.reason}
      </p>
    );
  }
  const host = page.tab.url ? safeHost(page.tab.url) : null;
  if (page.symbols.length === 0) {
    const off = settings !== null && host !== null && isDetectionDisabled(settings.detection, host);
    return (
      <p class="muted">
        {settings?.detection.paused
          ? 'R2K Lens is paused (Settings › Detection).'
          : off
            ? `R2K Lens is switched off on ${host} (Settings › Detection).`
            : 'No tickers or indexes found on this page yet.'}
      </p>
    );
  }
  const data = reply?.ok ? reply.data : null;
  const bySymbol = new Map(data?.summaries.map((s) => [s.symbol, s]) ?? []);
  const rows = sortRows(
    symbols.map((p) => ({ page: p, summary: bySymbol.get(p.symbol) })),
    sort,
  );
  const onSort = (key: SortKey) =>
    setSort((s) => ({
      key,
      descending: s.key === key ? !s.descending : key === 'mentions' || key === 'excess',
    }));
  async function reveal(symbol: string) {
    if (page.state !== 'ready') return;
    setRevealed('');
    const r = await ports.sendToTab(page.tab.id, 'revealSymbol', { symbol });
    if (r.ok && r.data.revealed) {
      setRevealed(`${symbol}: shown on the page, with its card.`);
      ports.closePopup();
    } else {
      setRevealed(
        r.ok ? `${symbol} is no longer on the page.` : `${symbol} could not be shown: ${r.error}`,
      );
    }
  }
  const line = data?.page;
  return (
    <div class="page-symbols">
      {line && (
        <p class="page-line" data-testid="page-line">
          <strong>{line.members}</strong> of {line.symbols} symbol{line.symbols === 1 ? '' : 's'}{' '}
          {line.members === 1 ? 'is a' : 'are'} Russell 2000 member{line.members === 1 ? '' : 's'}
          {line.holdingsAsOf && ` (iShares IWM holdings, ${formatDate(line.holdingsAsOf)})`}
          {line.medianExcess !== null && (
            <>
              ; median 1Y excess return of{' '}
              {line.membersWithReturn === line.members
                ? 'them'
                : `the ${line.membersWithReturn} with prices`}
              :{' '}
              <strong class={trendClass(line.medianExcess)}>
                {formatSignedPercent(line.medianExcess, 1)}
              </strong>{' '}
              vs the index
              {line.asOf &&
                (line.asOf.from === line.asOf.to
                  ? ` (as of ${formatDate(line.asOf.to)})`
                  : ` (as of ${formatDate(line.asOf.from)} to ${formatDate(line.asOf.to)})`)}
            </>
          )}
          .
        </p>
      )}
      {reply && !reply.ok && (
        <p class="error" role="alert">
          Details could not be loaded: {reply.error}
        </p>
      )}
      <table class="figures symbols-table">
        <caption>Symbols on this page</caption>
        <thead>
          <tr>
            <HeaderButton label="Symbol" sortKey="symbol" sort={sort} onSort={onSort} />
            <HeaderButton label="Name" sortKey="name" sort={sort} onSort={onSort} />
            <HeaderButton label="R2K" sortKey="member" sort={sort} onSort={onSort} />
            <HeaderButton label="1Y vs R2K" sortKey="excess" sort={sort} onSort={onSort} />
            <HeaderButton label="Mentions" sortKey="mentions" sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ page: p, summary: s }) => (
            <tr key={p.symbol} data-symbol={p.symbol}>
              <th scope="row">
                <button
                  type="button"
                  class="symbol-link"
                  aria-label={`Show ${p.symbol} on the page`}
                  onClick={() => void reveal(p.symbol)}
                >
                  {p.symbol}
                </button>
              </th>
              <td class="name" title={s?.nameSource ? `Name: ${s.nameSource}` : undefined}>
                {s?.name ?? (reply === null ? '…' : '—')}
                {s?.venue && <span class="sublabel">{s.venue}</span>}
              </td>
              <td
                title={
                  s?.membership.status === 'member'
                    ? `${s.membership.sector ?? ''}, ${formatPercent(s.membership.weight, 3)} of IWM (${s.membership.source}, ${formatDate(s.membership.asOf)})`
                    : s?.membership.asOf
                      ? `Per the iShares IWM holdings of ${formatDate(s.membership.asOf)}`
                      : undefined
                }
              >
                {kindLabel(s)}
              </td>
              <td
                class={`${trendClass(s?.oneYear.value?.excess ?? null)} strong`}
                title={s ? excessTitle(s) : undefined}
              >
                {s?.pending ? (
                  <span class="muted" aria-label="loading">
                    …
                  </span>
                ) : (
                  formatSignedPercent(s?.oneYear.value?.excess ?? null, 1)
                )}
              </td>
              <td>{p.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.symbols.length > MAX_SUMMARY_SYMBOLS && (
        <p class="source muted">
          The {MAX_SUMMARY_SYMBOLS} most mentioned of {page.symbols.length} symbols are listed.
        </p>
      )}
      <p class="source muted" role="status">
        {revealed || 'Choose a symbol to scroll to its first mention and open its card.'}
      </p>
      {data && data.notices.length > 0 && (
        <ul class="notices">
          {data.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <p class="source muted">
        1Y excess return: the symbol&rsquo;s return minus the Russell 2000&rsquo;s over the year to
        each symbol&rsquo;s latest saved close (hover a figure for its date and source). Names:
        NASDAQ Trader and SEC directories; membership: iShares IWM holdings.
      </p>
    </div>
  );
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
