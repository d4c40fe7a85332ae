import { useState } from 'preact/hooks';
import type { SymbolSummary } from '../../lib/context/symbol-summary';
import {
  formatCount,
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
import { t, tPlural, type MessageKey } from '../../lib/i18n/translate';

type SortKey = 'mentions' | 'symbol' | 'name' | 'member' | 'excess';
interface Sort {
  key: SortKey;
  descending: boolean;
}

const MEMBER_TEXT: Record<SymbolSummary['membership']['status'], MessageKey | null> = {
  member: 'page_member',
  'not-listed': 'page_notListed',
  'not-a-stock': null,
  unknown: 'page_memberUnknown',
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
  if (s.instrument === 'etf') return t('page_kindEtf');
  if (s.instrument === 'index') return t('page_kindIndex');
  const key = MEMBER_TEXT[s.membership.status];
  return key ? t(key) : '';
}

function excessTitle(s: SymbolSummary): string {
  const f = s.oneYear;
  if (f.value === null) return f.detail ?? t('page_noFigure');
  return t(
    'page_excessTitle',
    s.symbol,
    formatSignedPercent(f.value.asset, 1),
    formatSignedPercent(f.value.benchmark, 1),
    formatDate(f.asOf),
    f.source,
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
        {t('page_looking')}
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
        {t('page_badAnswer', page.reason)}
      </p>
    );
  }
  const host = page.tab.url ? safeHost(page.tab.url) : null;
  if (page.symbols.length === 0) {
    const off = settings !== null && host !== null && isDetectionDisabled(settings.detection, host);
    return (
      <p class="muted">
        {settings?.detection.paused
          ? t('page_paused')
          : off
            ? t('page_switchedOff', host ?? '')
            : t('page_none')}
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
      setRevealed(t('page_revealed', symbol));
      ports.closePopup();
    } else {
      setRevealed(r.ok ? t('page_gone', symbol) : t('page_revealFailed', symbol, r.error));
    }
  }
  const line = data?.page;
  return (
    <div class="page-symbols">
      {line && (
        <p class="page-line" data-testid="page-line">
          {line.symbols === 1
            ? tPlural('page_lineSingle', line.members, formatCount(line.members))
            : tPlural(
                'page_lineMembers',
                line.members,
                formatCount(line.members),
                formatCount(line.symbols),
              )}
          {line.holdingsAsOf && t('page_lineHoldings', formatDate(line.holdingsAsOf))}
          {line.medianExcess !== null && (
            <>
              {line.membersWithReturn === line.members
                ? t('page_lineMedianAll')
                : t('page_lineMedianSome', formatCount(line.membersWithReturn))}
              <strong class={trendClass(line.medianExcess)}>
                {formatSignedPercent(line.medianExcess, 1)}
              </strong>
              {t('page_lineVsIndex')}
              {line.asOf &&
                (line.asOf.from === line.asOf.to
                  ? t('page_lineAsOf', formatDate(line.asOf.to))
                  : t('page_lineAsOfRange', formatDate(line.asOf.from), formatDate(line.asOf.to)))}
            </>
          )}
          {t('page_lineEnd')}
        </p>
      )}
      {reply && !reply.ok && (
        <p class="error" role="alert">
          {t('page_detailsError', reply.error)}
        </p>
      )}
      <table class="figures symbols-table">
        <caption>{t('page_caption')}</caption>
        <thead>
          <tr>
            <HeaderButton
              label={t('page_colSymbol')}
              sortKey="symbol"
              sort={sort}
              onSort={onSort}
            />
            <HeaderButton label={t('page_colName')} sortKey="name" sort={sort} onSort={onSort} />
            <HeaderButton
              label={t('page_colMember')}
              sortKey="member"
              sort={sort}
              onSort={onSort}
            />
            <HeaderButton
              label={t('page_colExcess')}
              sortKey="excess"
              sort={sort}
              onSort={onSort}
            />
            <HeaderButton
              label={t('page_colMentions')}
              sortKey="mentions"
              sort={sort}
              onSort={onSort}
            />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ page: p, summary: s }) => (
            <tr key={p.symbol} data-symbol={p.symbol}>
              <th scope="row">
                <button
                  type="button"
                  class="symbol-link"
                  aria-label={t('page_show', p.symbol)}
                  onClick={() => void reveal(p.symbol)}
                >
                  {p.symbol}
                </button>
              </th>
              <td
                class="name"
                title={s?.nameSource ? t('page_nameSource', s.nameSource) : undefined}
              >
                {s?.name ?? (reply === null ? '…' : t('common_missing'))}
                {s?.venue && <span class="sublabel">{s.venue}</span>}
              </td>
              <td
                title={
                  s?.membership.status === 'member'
                    ? t(
                        'page_memberTitle',
                        s.membership.sector ?? '',
                        formatPercent(s.membership.weight, 3),
                        s.membership.source ?? '',
                        formatDate(s.membership.asOf),
                      )
                    : s?.membership.asOf
                      ? t('page_holdingsTitle', formatDate(s.membership.asOf))
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
                  <span class="muted" aria-label={t('page_loading')}>
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
          {t('page_truncated', formatCount(MAX_SUMMARY_SYMBOLS), formatCount(page.symbols.length))}
        </p>
      )}
      <p class="source muted" role="status">
        {revealed || t('page_choose')}
      </p>
      {data && data.notices.length > 0 && (
        <ul class="notices">
          {data.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <p class="source muted">{t('page_footnote')}</p>
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
