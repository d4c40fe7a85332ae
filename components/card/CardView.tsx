/**
 * What the hover card shows, in every state: a compact first view (about 320 × 260 px: who the
 * symbol is, its last close, Russell 2000 membership, one line of performance against the index,
 * a sparkline, volatility and beta) and details on demand ("More": the full table, the chart with
 * a period switch, drawdowns, domestic exposure, rate sensitivity, sector weight, sources).
 * Every figure the eye reads in compact form is also written as a sentence for screen readers.
 */
import { useState } from 'preact/hooks';
import type { Figure } from '../../lib/context/figure';
import type { LastClose } from '../../lib/context/last-close';
import type { SymbolContext } from '../../lib/context/symbol-context';
import type { DashboardContext } from '../../lib/context/dashboard-context';
import type { Period } from '../../lib/metrics/period';
import {
  betaSentence,
  closeSentence,
  performanceSentence,
  periodWords,
  volatilitySentence,
} from '../../lib/format/card-sentences';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  trendClass,
} from '../../lib/format/figures';
import type { Reply } from '../../lib/messaging/envelope';
import type { CardPayload, DataStatus, UnavailableCause } from '../../lib/messaging/protocol';
import { quoteLink } from '../../lib/links/quote-sites';
import { LazyRebasedChart } from '../chart/LazyRebasedChart';
import { chartLines } from '../chart/chart-lines';
import { IndexComparison } from '../dashboard/IndexComparison';
import { FigureTable, type FigureRow } from '../ui/FigureTable';
import { AsOfLine, SourceLine } from '../ui/SourceLine';
import { StatList } from '../ui/StatList';
import { Sparkline } from './Sparkline';
import type { CardTarget } from './card-api';

/** What the card has to show. */
export type CardState =
  | { kind: 'loading' }
  /** `updating`: newer data is being fetched; what is shown stays until it arrives. */
  | { kind: 'reply'; reply: Reply<CardPayload>; updating: boolean };

export interface CardViewProps {
  target: CardTarget;
  state: CardState;
  quoteSiteId: string;
  detailsOpen: boolean;
  onToggleDetails(open: boolean): void;
  onClose(): void;
  /** Ids the dialog is labelled and described by. */
  titleId: string;
  summaryId: string;
}

function why(figure: Figure<unknown>): string | undefined {
  return figure.value === null ? figure.detail : undefined;
}

/** A dash for a missing number, with its reason on hover. */
function Missing({ figure }: { figure: Figure<unknown> }) {
  return <span title={why(figure)}>—</span>;
}

/** Visual text hidden from screen readers, with the sentence they read instead. */
function Said({ text, children }: { text: string; children: preact.ComponentChildren }) {
  return (
    <>
      <span aria-hidden="true">{children}</span>
      <span class="sr">{text}</span>
    </>
  );
}

/** Where the figures come from, short for the compact view (the details say it in full). */
function originText(status: DataStatus): string {
  switch (status.origin) {
    case 'snapshot':
      return 'snapshot';
    case 'cache':
      return 'cached';
    case 'live':
      return 'just fetched';
  }
}

/** The data's state in one line: as-of, origin, stale, updating. */
function StatusLine({
  asOf,
  status,
  updating,
}: {
  asOf: string | null;
  status: DataStatus;
  updating: boolean;
}) {
  const refreshing = updating || status.refreshing;
  return (
    <p class="status-line" data-testid="status-line">
      {asOf && (
        <>
          As of {formatDate(asOf)} · {originText(status)}
        </>
      )}
      {status.stale && (
        <span
          class="stale"
          title="Older than the refresh policy wants; shown until newer data arrives"
        >
          {' '}
          · stale
        </span>
      )}
      {refreshing && (
        <span class="updating">
          {' '}
          · <span class="spinner" aria-hidden="true" /> checking for newer data
        </span>
      )}
    </p>
  );
}

/** "64.20 +1.5% (+0.95) close of Mar 8, 2024": a past close, never a live quote. */
function CloseLine({ symbol, figure }: { symbol: string; figure: Figure<LastClose> }) {
  const c = figure.value;
  if (c === null) {
    return (
      <p class="close-line muted" title={figure.detail}>
        No close available
      </p>
    );
  }
  return (
    <p class="close-line" data-testid="close-line">
      <Said text={closeSentence(symbol, c.close, c.date, c.change)}>
        <strong class="price">{formatNumber(c.close)}</strong>{' '}
        {c.change !== null && (
          <span
            class={trendClass(c.change)}
            title={
              c.changeAmount === null
                ? undefined
                : `${c.changeAmount >= 0 ? '+' : '−'}${formatNumber(Math.abs(c.changeAmount))} from ${formatDate(c.previousDate)}`
            }
          >
            {formatSignedPercent(c.change, 2)}
          </span>
        )}{' '}
        <span class="muted">close of {formatDate(c.date)}</span>
      </Said>
    </p>
  );
}

/** The member badge with sector and index weight, or "not in the Russell 2000" with its reason. */
function MembershipLine({
  context: c,
  instrument,
}: {
  context: SymbolContext;
  instrument: string;
}) {
  const m = c.membership;
  if (m.status === 'member') {
    const text = `Russell 2000 member${m.sector ? `, ${m.sector}` : ''}${m.weight !== null ? `, ${formatPercent(m.weight, 2)} of the index` : ''} (iShares IWM holdings of ${formatDate(m.asOf)}).`;
    return (
      <p class="member-line" data-testid="membership">
        <Said text={text}>
          <span class="badge member">R2K member</span>{' '}
          {m.weight !== null && <span>{formatPercent(m.weight, 2)} of index</span>}
          {m.sector && <span class="muted"> · {m.sector}</span>}
        </Said>
      </p>
    );
  }
  const reason = m.reasonText ?? 'Membership unknown.';
  return (
    <p class="member-line" data-testid="membership">
      {instrument === 'etf' ? (
        <span class="badge">ETF</span>
      ) : (
        <span class="badge">Not in the Russell 2000</span>
      )}{' '}
      <span class="muted reason">{reason}</span>
    </p>
  );
}

/** One line: the symbol's return against the Russell 2000 over each chosen period, in points. */
function PerformanceLine({ context: c }: { context: SymbolContext }) {
  const r2k = c.relative[0];
  if (!r2k) return null;
  const sentences = r2k.periods.map((p) =>
    performanceSentence(
      c.symbol,
      p.period,
      p.figure.value?.asset ?? c.returns.find((r) => r.period === p.period)?.figure.value ?? null,
      p.figure.value?.benchmark ?? null,
      `the ${r2k.benchmark.name}`,
    ),
  );
  return (
    <div class="perf" data-testid="performance">
      <span class="perf-label" aria-hidden="true">
        vs R2K
      </span>
      <ul class="perf-cells" aria-hidden="true">
        {r2k.periods.map((p) => {
          const excess = p.figure.value?.excess ?? null;
          return (
            <li
              key={p.period}
              title={
                p.figure.value === null
                  ? p.figure.detail
                  : `${c.symbol} ${formatSignedPercent(p.figure.value.asset, 1)}, ${r2k.benchmark.name} ${formatSignedPercent(p.figure.value.benchmark, 1)}`
              }
            >
              <span class="perf-period">{p.period}</span>
              <span class={`perf-value ${trendClass(excess)}`}>
                {excess === null
                  ? '—'
                  : `${excess > 0 ? '+' : excess < 0 ? '−' : ''}${Math.abs(excess * 100).toFixed(1)}`}
              </span>
            </li>
          );
        })}
      </ul>
      <p class="sr">{sentences.join(' ')}</p>
    </div>
  );
}

function StatsLine({ context: c }: { context: SymbolContext }) {
  const vol = c.volatility;
  const beta = c.betaToRussell2000;
  return (
    <p class="stats-line" data-testid="stats-line">
      <Said
        text={`${volatilitySentence(vol.symbol.value, vol.russell2000.value)} ${betaSentence(beta.value)}`}
      >
        <span title={why(vol.symbol) ?? `Annualized, ${vol.windowDays} trading days`}>
          Vol {formatPercent(vol.symbol.value)}
        </span>
        <span class="muted"> (R2K {formatPercent(vol.russell2000.value)})</span>
        <span class="sep"> · </span>
        <span title={why(beta) ?? `${c.betaWindowDays} trading days`}>
          Beta {formatNumber(beta.value)}
        </span>
        <span class="muted"> (R2K 1.00)</span>
      </Said>
    </p>
  );
}

/** The footer: the quote-site link and the "More" disclosure. */
function Actions({
  link,
  siteName,
  symbol,
  detailsOpen,
  onToggle,
  detailsId,
}: {
  link: string | null;
  siteName: string;
  symbol: string;
  detailsOpen: boolean;
  onToggle(open: boolean): void;
  detailsId: string;
}) {
  return (
    <div class="actions">
      {link && (
        <a
          class="quote-link"
          href={link}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Open ${symbol} on ${siteName} (new tab)`}
        >
          {siteName} ↗
        </a>
      )}
      <button
        type="button"
        class="more"
        aria-expanded={detailsOpen}
        aria-controls={detailsId}
        onClick={() => onToggle(!detailsOpen)}
      >
        {detailsOpen ? 'Less' : 'More'}
      </button>
    </div>
  );
}

/** The chart with a period switch (one chart per chosen period, from the context). */
function PeriodChart({
  charts,
  label,
}: {
  charts: {
    period: Period;
    figure: Figure<import('../../lib/context/rebased-chart').RebasedChart>;
  }[];
  label: (period: Period) => string;
}) {
  const usable = charts.filter((c) => c.figure.value !== null);
  const [chosen, setChosen] = useState<Period | null>(null);
  const current = usable.find((c) => c.period === chosen) ?? usable.at(-1);
  if (!current?.figure.value)
    return <p class="muted">No chart: {charts[0]?.figure.detail ?? 'no data'}</p>;
  const chart = current.figure.value;
  return (
    <div class="period-chart">
      <div class="period-switch" role="group" aria-label="Chart period">
        {charts.map((c) => (
          <button
            key={c.period}
            type="button"
            aria-pressed={c.period === current.period}
            disabled={c.figure.value === null}
            title={c.figure.value === null ? c.figure.detail : periodWords(c.period)}
            onClick={() => setChosen(c.period)}
          >
            {c.period}
          </button>
        ))}
      </div>
      <LazyRebasedChart
        dates={chart.dates}
        lines={chartLines(chart.lines)}
        label={label(current.period)}
        height={120}
      />
    </div>
  );
}

/** A rate sensitivity as "−4.60% per +1 pt" (return per +1 point of the 10-year yield). */
function slope(f: Figure<{ slope: number }>): string {
  return f.value === null ? '—' : `${formatSignedPercent(f.value.slope, 2)} per +1 pt`;
}

function tooLittleHistory(c: SymbolContext): string | null {
  const missing = c.returns.filter(
    (r) => r.figure.reason === 'insufficient-history' || r.figure.reason === 'as-of-before-start',
  );
  if (missing.length === 0 || c.symbolFirstDate === null) return null;
  return `${c.symbol} has closes only since ${formatDate(c.symbolFirstDate)} (${c.symbolDays} trading days): ${missing.map((r) => r.period).join(', ')} cannot be computed yet.`;
}

function SymbolDetails({
  context: c,
  notices,
  status,
}: {
  context: SymbolContext;
  notices: string[];
  status: DataStatus;
}) {
  const [r2k, ...others] = c.relative;
  const rows: FigureRow[] = [
    {
      label: c.symbol,
      cells: c.returns.map((r) => ({ value: r.figure.value, title: why(r.figure) })),
    },
  ];
  if (r2k) {
    rows.push({
      label: r2k.benchmark.name,
      sublabel: r2k.benchmark.proxyFor ? `via ${r2k.benchmark.usedSymbol}` : undefined,
      cells: r2k.periods.map((p) => ({
        value: p.figure.value?.benchmark ?? null,
        title: why(p.figure),
      })),
    });
    rows.push({
      label: 'vs Russell 2000',
      sublabel: 'excess return',
      cells: r2k.periods.map((p) => ({
        value: p.figure.value?.excess ?? null,
        strong: true,
        title: why(p.figure),
      })),
    });
  }
  for (const b of others) {
    rows.push({
      label: `vs ${b.benchmark.name}`,
      sublabel: b.benchmark.proxyFor ? `via ${b.benchmark.usedSymbol}` : 'excess return',
      cells: b.periods.map((p) => ({
        value: p.figure.value?.excess ?? null,
        title:
          p.figure.value !== null
            ? `${b.benchmark.name} ${formatSignedPercent(p.figure.value.benchmark)}`
            : p.figure.detail,
      })),
    });
  }
  const dd = c.drawdown;
  const rs = c.rateSensitivity;
  const share = c.sectorShare;
  const sources = [
    ...(c.returns[0]?.figure.source.split('; ') ?? []),
    ...(c.russell2000.source ? [c.russell2000.source] : []),
  ];
  return (
    <>
      {c.asOf && <AsOfLine asOf={c.asOf} status={status} />}
      <FigureTable caption="Return" columns={c.periods} rows={rows} />
      <PeriodChart
        charts={c.charts}
        label={(p) => `${c.symbol} and the Russell 2000 rebased to 100 over ${periodWords(p)}`}
      />
      <h3 class="section">Drawdown</h3>
      <StatList
        label="Drawdown"
        stats={[
          {
            label: 'From peak',
            value: formatSignedPercent(dd.current.value?.drawdown ?? null, 1),
            note: dd.current.value ? `peak ${formatDate(dd.current.value.peakDate)}` : undefined,
            title: why(dd.current),
          },
          {
            label: '1Y max drawdown',
            value: formatSignedPercent(dd.maxOneYear.value?.drawdown ?? null, 1),
            note: dd.maxOneYear.value
              ? `trough ${formatDate(dd.maxOneYear.value.troughDate)}`
              : undefined,
            title: why(dd.maxOneYear),
          },
        ]}
      />
      <h3 class="section">Rate sensitivity</h3>
      <StatList
        label="Rate sensitivity"
        stats={[
          {
            label: `${c.symbol} (${rs.windowDays}d)`,
            value: slope(rs.symbol),
            note: rs.symbol.value
              ? `corr. ${formatNumber(rs.symbol.value.correlation)}`
              : undefined,
            title:
              why(rs.symbol) ??
              'Daily return per +1 percentage point of the 10-year Treasury yield',
          },
          {
            label: `Russell 2000 (${rs.windowDays}d)`,
            value: slope(rs.russell2000),
            note: rs.russell2000.value
              ? `corr. ${formatNumber(rs.russell2000.value.correlation)}`
              : undefined,
            title: why(rs.russell2000),
          },
        ]}
      />
      {rs.symbol.value === null && rs.symbol.detail && <p class="note muted">{rs.symbol.detail}</p>}
      {c.membership.status === 'member' && (
        <>
          <h3 class="section">Within its sector</h3>
          <p class="sector-share">
            {share.value ? (
              <>
                {formatPercent(share.value.share, 1)} of the index's {share.value.sector} weight (
                {share.value.members} members, {formatPercent(share.value.sectorWeight, 1)} of the
                index). <span class="muted">iShares IWM holdings, {formatDate(share.asOf)}.</span>
              </>
            ) : (
              <Missing figure={share} />
            )}
          </p>
        </>
      )}
      <h3 class="section">Domestic exposure</h3>
      <p class="exposure">
        Russell 2000 companies earn{' '}
        {formatPercent(c.revenueExposure.russell2000NonUsRevenueShare, 2)} of revenue abroad,
        against {formatPercent(c.revenueExposure.russell1000NonUsRevenueShare, 2)} for the Russell
        1000.{' '}
        <span class="muted">
          {c.revenueExposure.source}, as of {formatDate(c.revenueExposure.asOf)}.
        </span>
      </p>
      {notices.length > 0 && (
        <ul class="notices">
          {notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <SourceLine sources={sources} />
      {c.membership.asOf && (
        <p class="source muted">
          Membership: {c.membership.source}, as of {formatDate(c.membership.asOf)}
        </p>
      )}
      {c.profile && <p class="source muted">Name: {c.profile.source}</p>}
    </>
  );
}

function symbolNotices(c: SymbolContext, status: DataStatus): string[] {
  const priceIndexes = [c.russell2000, ...c.benchmarks]
    .filter((b) => b.returnBasis === 'price')
    .map((b) => b.name);
  const basisNote =
    priceIndexes.length > 0
      ? `${c.symbol} returns include dividends (adjusted closes); ${priceIndexes.join(', ')} ${priceIndexes.length === 1 ? 'is a price index' : 'are price indexes'} without them.`
      : null;
  return [...c.notes, ...(basisNote ? [basisNote] : []), ...status.notices];
}

/** The plain-words summary of a symbol card, announced when it loads. */
export function symbolSummary(c: SymbolContext, instrument: string): string {
  const name = c.profile?.name ? `${c.profile.name}, ${c.symbol}` : c.symbol;
  const close = c.lastClose.value
    ? ` ${closeSentence(c.symbol, c.lastClose.value.close, c.lastClose.value.date, c.lastClose.value.change)}`
    : '';
  const m = c.membership;
  const member =
    m.status === 'member'
      ? ' Russell 2000 member.'
      : ` ${instrument === 'etf' ? 'An ETF.' : (m.reasonText ?? '')}`;
  const r2k = c.relative[0];
  const first = r2k?.periods.at(-1);
  const perf =
    first && first.figure.value
      ? ` ${performanceSentence(c.symbol, first.period, first.figure.value.asset, first.figure.value.benchmark)}`
      : '';
  return `${name}.${close}${member}${perf}`.replace(/\s+/g, ' ').trim();
}

function SymbolCardView({
  payload,
  updating,
  quoteSiteId,
  detailsOpen,
  onToggleDetails,
  ids,
}: {
  payload: Extract<CardPayload, { kind: 'symbol' }>;
  updating: boolean;
  quoteSiteId: string;
  detailsOpen: boolean;
  onToggleDetails(open: boolean): void;
  ids: { titleId: string; summaryId: string; detailsId: string };
}) {
  const c = payload.context;
  const exchange = c.profile?.exchange ?? null;
  const { url: link, name: siteName } = quoteLink(
    quoteSiteId,
    c.symbol,
    exchange,
    payload.instrument,
  );
  const history = tooLittleHistory(c);
  const chart = c.chart.value;
  const kindWord =
    payload.instrument === 'etf' ? 'ETF' : payload.instrument === 'stock' ? 'stock' : null;
  return (
    <>
      <header class="head">
        <h2 class="title" id={ids.titleId}>
          {c.profile?.name ?? c.symbol}
        </h2>
        <p class="ident">
          <span class="sym">{c.symbol}</span>
          {exchange && <span> · {exchange}</span>}
          {kindWord && <span> · {kindWord}</span>}
        </p>
      </header>
      <div class="compact">
        <CloseLine symbol={c.symbol} figure={c.lastClose} />
        <MembershipLine context={c} instrument={payload.instrument} />
        {history && (
          <p class="history-note" data-testid="history-note">
            {history}
          </p>
        )}
        <PerformanceLine context={c} />
        {chart ? (
          <Sparkline
            chart={chart}
            label={`${c.symbol} and the Russell 2000 rebased to 100 over ${chart.period}`}
          />
        ) : (
          <p class="spark muted spark-missing">No chart: {c.chart.detail}</p>
        )}
        <StatsLine context={c} />
      </div>
      <p class="sr" id={ids.summaryId}>
        {symbolSummary(c, payload.instrument)}
      </p>
      <StatusLine asOf={c.asOf} status={payload.status} updating={updating} />
      <Actions
        link={link}
        siteName={siteName}
        symbol={c.symbol}
        detailsOpen={detailsOpen}
        onToggle={onToggleDetails}
        detailsId={ids.detailsId}
      />
      <div class="details" id={ids.detailsId} hidden={!detailsOpen}>
        {detailsOpen && (
          <SymbolDetails
            context={c}
            notices={symbolNotices(c, payload.status)}
            status={payload.status}
          />
        )}
      </div>
    </>
  );
}

function IndexCardView({
  payload,
  updating,
  quoteSiteId,
  detailsOpen,
  onToggleDetails,
  ids,
}: {
  payload: Extract<CardPayload, { kind: 'index' }>;
  updating: boolean;
  quoteSiteId: string;
  detailsOpen: boolean;
  onToggleDetails(open: boolean): void;
  ids: { titleId: string; summaryId: string; detailsId: string };
}) {
  const c: DashboardContext = payload.context;
  const { url: link, name: siteName } = quoteLink(quoteSiteId, payload.symbol, null, 'index');
  const oneYear = c.returns.find((r) => r.period === '1Y') ?? c.returns.at(-1);
  const chart = c.chart.value;
  const v = c.volatility;
  const notices = [...c.notes, ...payload.status.notices];
  const sentences = oneYear
    ? c.benchmarks.map((b, i) => {
        const f = oneYear.benchmarks[i]?.figure;
        return performanceSentence(
          'Russell 2000',
          oneYear.period,
          oneYear.russell2000.value,
          f?.value?.benchmark ?? null,
          `the ${b.name}`,
        );
      })
    : [];
  return (
    <>
      <header class="head">
        <h2 class="title" id={ids.titleId}>
          {payload.name}
        </h2>
        <p class="ident">
          <span class="sym">{payload.symbol}</span> · index
        </p>
      </header>
      <div class="compact">
        <CloseLine symbol={payload.name} figure={payload.lastClose} />
        <p class="member-line">
          <span class="badge">Index</span>{' '}
          <span class="muted">The Russell 2000 beside your benchmarks.</span>
        </p>
        {oneYear && (
          <div class="perf" data-testid="performance">
            <span class="perf-label" aria-hidden="true">
              R2K {oneYear.period}
            </span>
            <ul class="perf-cells" aria-hidden="true">
              <li>
                <span class="perf-period">R2K</span>
                <span class={`perf-value ${trendClass(oneYear.russell2000.value)}`}>
                  {formatSignedPercent(oneYear.russell2000.value, 1)}
                </span>
              </li>
              {c.benchmarks.map((b, i) => {
                const f = oneYear.benchmarks[i]?.figure;
                return (
                  <li key={b.requested} title={f ? why(f) : undefined}>
                    <span class="perf-period">
                      {b.name === 'Nasdaq Composite' ? 'Nasdaq' : b.name}
                    </span>
                    <span class={`perf-value ${trendClass(f?.value?.benchmark ?? null)}`}>
                      {formatSignedPercent(f?.value?.benchmark ?? null, 1)}
                    </span>
                  </li>
                );
              })}
            </ul>
            <p class="sr">{sentences.join(' ')}</p>
          </div>
        )}
        {chart ? (
          <Sparkline
            chart={chart}
            label={`Russell 2000 and benchmarks rebased to 100 over ${chart.period}`}
          />
        ) : (
          <p class="spark muted spark-missing">No chart: {c.chart.detail}</p>
        )}
        <p class="stats-line" data-testid="stats-line">
          <Said
            text={`Russell 2000 volatility ${formatPercent(v.russell2000.value)} a year, against ${formatPercent(v.sp500.value)} for the S&P 500. ${betaSentence(v.betaToSp500.value, 'the S&P 500')}`}
          >
            Vol {formatPercent(v.russell2000.value)}
            <span class="muted"> (S&P 500 {formatPercent(v.sp500.value)})</span>
            <span class="sep"> · </span>
            Beta to S&P 500 {formatNumber(v.betaToSp500.value)}
          </Said>
        </p>
      </div>
      <p class="sr" id={ids.summaryId}>
        {`${payload.name}. ${sentences.join(' ')}`}
      </p>
      <StatusLine asOf={c.asOf} status={payload.status} updating={updating} />
      <Actions
        link={link}
        siteName={siteName}
        symbol={payload.symbol}
        detailsOpen={detailsOpen}
        onToggle={onToggleDetails}
        detailsId={ids.detailsId}
      />
      <div class="details" id={ids.detailsId} hidden={!detailsOpen}>
        {detailsOpen && (
          <>
            {c.asOf && <AsOfLine asOf={c.asOf} status={payload.status} />}
            <IndexComparison context={c} chartHeight={120} Chart={LazyRebasedChart} />
            {notices.length > 0 && (
              <ul class="notices">
                {notices.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
            <SourceLine sources={c.chart.source.split('; ')} />
          </>
        )}
      </div>
    </>
  );
}

const CAUSE_TITLES: Readonly<Record<UnavailableCause, string>> = {
  offline: 'Offline',
  'unknown-symbol': 'Unknown symbol',
  'rate-limited': 'Rate limited',
  network: 'Provider unreachable',
  'provider-error': 'No usable data',
  'no-data': 'No data yet',
};

/** A card with nothing but a message: no data, or an error, in plain words. */
function MessageCard({
  symbol,
  heading,
  text,
  alert,
  ids,
  state,
}: {
  symbol: string;
  heading: string;
  text: string;
  alert: boolean;
  ids: { titleId: string; summaryId: string };
  state: string;
}) {
  return (
    <>
      <header class="head">
        <h2 class="title" id={ids.titleId}>
          {symbol}
        </h2>
        <p class="ident">{heading}</p>
      </header>
      <div class="compact message" data-state={state}>
        <p class={alert ? 'error' : 'muted'} id={ids.summaryId}>
          {text}
        </p>
      </div>
    </>
  );
}

/** Placeholder bars where the compact view's lines will be: the same size, so nothing jumps. */
function Skeleton({
  symbol,
  ids,
}: {
  symbol: string;
  ids: { titleId: string; summaryId: string };
}) {
  return (
    <>
      <header class="head">
        <h2 class="title" id={ids.titleId}>
          {symbol}
        </h2>
        <p class="ident">
          <span class="bone" style={{ width: '120px' }} />
        </p>
      </header>
      <div class="compact skeleton" aria-busy="true">
        <p class="sr" id={ids.summaryId}>
          Loading Russell 2000 context for {symbol}…
        </p>
        <p class="close-line">
          <span class="bone" style={{ width: '180px' }} />
        </p>
        <p class="member-line">
          <span class="bone" style={{ width: '220px' }} />
        </p>
        <div class="perf">
          <span class="bone" style={{ width: '100%', height: '28px' }} />
        </div>
        <div class="spark">
          <span class="bone" style={{ width: '100%', height: '62px' }} />
        </div>
        <p class="stats-line">
          <span class="bone" style={{ width: '200px' }} />
        </p>
      </div>
      <p class="status-line">
        <span class="bone" style={{ width: '160px' }} />
      </p>
      <div class="actions">
        <span class="bone" style={{ width: '60px' }} />
      </div>
    </>
  );
}

/** The card's content for its state (the dialog frame is the caller's). */
export function CardView(props: CardViewProps) {
  const { target, state } = props;
  const ids = {
    titleId: props.titleId,
    summaryId: props.summaryId,
    detailsId: `${props.titleId}-details`,
  };
  if (state.kind === 'loading') return <Skeleton symbol={target.symbol} ids={ids} />;
  const { reply, updating } = state;
  if (!reply.ok) {
    return (
      <MessageCard
        symbol={target.symbol}
        heading="Could not load"
        text={`R2K Lens could not load this card: ${reply.error}`}
        alert
        ids={ids}
        state="error"
      />
    );
  }
  const payload = reply.data;
  if (payload.kind === 'unavailable') {
    return (
      <MessageCard
        symbol={payload.symbol}
        heading={CAUSE_TITLES[payload.cause]}
        text={payload.reason}
        alert={payload.cause !== 'offline' && payload.cause !== 'no-data'}
        ids={ids}
        state={payload.cause}
      />
    );
  }
  const shared = {
    updating,
    quoteSiteId: props.quoteSiteId,
    detailsOpen: props.detailsOpen,
    onToggleDetails: props.onToggleDetails,
    ids,
  };
  return payload.kind === 'symbol' ? (
    <SymbolCardView payload={payload} {...shared} />
  ) : (
    <IndexCardView payload={payload} {...shared} />
  );
}
