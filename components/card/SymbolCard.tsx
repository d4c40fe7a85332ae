import type { SymbolContext } from '../../lib/context/symbol-context';
import type { Figure } from '../../lib/context/figure';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatSignedPercent,
} from '../../lib/format/figures';
import type { DataStatus, Instrument } from '../../lib/messaging/protocol';
import { RebasedChart } from '../chart/RebasedChart';
import { chartLines } from '../chart/chart-lines';
import { FigureTable, type FigureRow } from '../ui/FigureTable';
import { AsOfLine, SourceLine } from '../ui/SourceLine';
import { StatList } from '../ui/StatList';

function missingTitle(figure: Figure<unknown>): string | undefined {
  return figure.value === null ? figure.detail : undefined;
}

function benchmarkLabel(choice: SymbolContext['russell2000']): string {
  return choice.name;
}

/** The hover card for a stock or ETF: its Russell 2000 context. */
export function SymbolCard({
  context: c,
  status,
  instrument,
}: {
  context: SymbolContext;
  status: DataStatus;
  instrument: Instrument;
}) {
  const m = c.membership;
  const periods = c.periods;
  const [r2k, ...others] = c.relative;
  const rows: FigureRow[] = [
    {
      label: c.symbol,
      cells: c.returns.map((r) => ({ value: r.figure.value, title: missingTitle(r.figure) })),
    },
  ];
  if (r2k) {
    rows.push({
      label: benchmarkLabel(r2k.benchmark),
      sublabel: r2k.benchmark.proxyFor ? `via ${r2k.benchmark.usedSymbol}` : undefined,
      cells: r2k.periods.map((p) => ({
        value: p.figure.value?.benchmark ?? null,
        title: missingTitle(p.figure),
      })),
    });
    rows.push({
      label: 'vs Russell 2000',
      sublabel: 'excess return',
      cells: r2k.periods.map((p) => ({
        value: p.figure.value?.excess ?? null,
        strong: true,
        title: missingTitle(p.figure),
      })),
    });
  }
  for (const b of others) {
    rows.push({
      label: `vs ${benchmarkLabel(b.benchmark)}`,
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
  // A stock or ETF's adjusted closes include dividends; a price index's do not: say so.
  const priceIndexes = [c.russell2000, ...c.benchmarks]
    .filter((b) => b.returnBasis === 'price')
    .map((b) => b.name);
  const basisNote =
    !c.symbol.startsWith('^') && priceIndexes.length > 0
      ? `${c.symbol} returns include dividends (adjusted closes); ${priceIndexes.join(', ')} ${priceIndexes.length === 1 ? 'is a price index' : 'are price indexes'} without them.`
      : null;
  const notes = [...c.notes, ...(basisNote ? [basisNote] : []), ...status.notices];
  const chart = c.chart.value;
  const vol = c.volatility;
  const dd = c.drawdown;
  const sources = [
    ...(c.returns[0]?.figure.source.split('; ') ?? []),
    ...(c.russell2000.source ? [c.russell2000.source] : []),
  ];
  return (
    <div class="symbol-card">
      <div class="head">
        <h2 class="symbol">{c.symbol}</h2>
        {m.name && <span class="name">{m.name}</span>}
      </div>
      <div class="badges">
        {instrument === 'etf' ? (
          <span class="badge">ETF</span>
        ) : m.status === 'member' ? (
          <span class="badge member" title={`iShares IWM holdings as of ${formatDate(m.asOf)}`}>
            Russell 2000 member · {formatPercent(m.weight, 3)} of IWM
          </span>
        ) : m.status === 'not-listed' ? (
          <span class="badge" title={`Not in the iShares IWM holdings as of ${formatDate(m.asOf)}`}>
            Not in the Russell 2000
          </span>
        ) : null}
        {m.sector && <span class="badge">{m.sector}</span>}
        {m.domicile && <span class="badge">Domicile: {m.domicile}</span>}
      </div>

      {c.asOf && <AsOfLine asOf={c.asOf} status={status} />}
      <FigureTable caption="Return" columns={periods} rows={rows} />

      {chart && (
        <RebasedChart
          dates={chart.dates}
          lines={chartLines(chart.lines)}
          label={`${c.symbol} and the Russell 2000 rebased to 100 over ${chart.period}`}
          height={110}
        />
      )}

      <h3 class="section">Volatility and drawdown</h3>
      <StatList
        label="Volatility and drawdown"
        stats={[
          {
            label: `Volatility (${vol.windowDays}d, ann.)`,
            value: formatPercent(vol.symbol.value),
            note: `R2K ${formatPercent(vol.russell2000.value)}`,
            title: missingTitle(vol.symbol),
          },
          {
            label: `Beta to R2K (${c.betaWindowDays}d)`,
            value: formatNumber(c.betaToRussell2000.value),
            note: `corr. ${formatNumber(c.correlationToRussell2000.value)}`,
            title: missingTitle(c.betaToRussell2000),
          },
          {
            label: 'From peak',
            value: formatSignedPercent(dd.current.value?.drawdown ?? null, 1),
            note: dd.current.value ? `peak ${formatDate(dd.current.value.peakDate)}` : undefined,
            title: missingTitle(dd.current),
          },
          {
            label: '1Y max drawdown',
            value: formatSignedPercent(dd.maxOneYear.value?.drawdown ?? null, 1),
            note: dd.maxOneYear.value
              ? `trough ${formatDate(dd.maxOneYear.value.troughDate)}`
              : undefined,
            title: missingTitle(dd.maxOneYear),
          },
        ]}
      />

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

      {notes.length > 0 && (
        <ul class="notices">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <SourceLine sources={sources} />
      {m.asOf && (
        <p class="source muted">
          Membership: {m.source}, as of {formatDate(m.asOf)}
        </p>
      )}
    </div>
  );
}
