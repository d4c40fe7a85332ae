import type { ComponentChildren } from 'preact';
import type { DashboardContext } from '../../lib/context/dashboard-context';
import type { ReturnBasisPref } from '../../lib/context/comparison-prefs';
import type { ChartView } from '../../lib/context/dashboard-charts';
import type { Figure } from '../../lib/context/figure';
import { INDEX_REVENUE_EXPOSURE } from '../../lib/context/domestic-revenue';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  trendClass,
} from '../../lib/format/figures';
import type { Reply } from '../../lib/messaging/envelope';
import type { DashboardChartsPayload } from '../../lib/messaging/protocol';
import { SERIES_COLORS } from '../chart/chart-spec';
import { FigureTable, type FigureRow } from '../ui/FigureTable';
import { SourceLine } from '../ui/SourceLine';
import { StatList } from '../ui/StatList';
import {
  drawdownSummary,
  ratioSummary,
  rebasedSummary,
  volatilitySummary,
} from './chart-summaries';
import { CurveFigure } from './CurveFigure';

function why(figure: Figure<unknown>): string | undefined {
  return figure.value === null ? figure.detail : undefined;
}

const TREND_TEXT = {
  rising: 'small caps leading',
  falling: 'large caps leading',
  flat: 'no clear leader',
};

function returnRows(c: DashboardContext): FigureRow[] {
  return [
    {
      label: c.russell2000.name,
      sublabel: c.russell2000.proxyFor ? `via ${c.russell2000.usedSymbol}` : undefined,
      cells: c.returns.map((r) => ({ value: r.russell2000.value, title: why(r.russell2000) })),
    },
    ...c.benchmarks.map((b, i) => ({
      label: b.name,
      sublabel: b.proxyFor ? `via ${b.usedSymbol}` : undefined,
      cells: c.returns.map((r) => {
        const f = r.benchmarks[i]?.figure;
        return { value: f?.value?.benchmark ?? null, title: f ? why(f) : undefined };
      }),
    })),
    ...c.benchmarks.map((b, i) => ({
      label: `R2K vs ${b.name}`,
      sublabel: 'excess return',
      cells: c.returns.map((r) => {
        const f = r.benchmarks[i]?.figure;
        return { value: f?.value?.excess ?? null, strong: true, title: f ? why(f) : undefined };
      }),
    })),
  ];
}

function ChartSlot({
  charts,
  children,
}: {
  charts: Reply<DashboardChartsPayload> | null;
  children: (payload: DashboardChartsPayload) => ComponentChildren;
}) {
  if (charts === null) {
    return (
      <p class="muted chart-loading" aria-busy="true">
        Loading the chart…
      </p>
    );
  }
  if (!charts.ok) {
    return <p class="error">The chart could not be built: {charts.error}</p>;
  }
  return <>{children(charts.data)}</>;
}

/**
 * The "Markets" tab: returns against the benchmarks, the rebased chart with its period switch,
 * small caps against large caps (ratio chart), volatility (rolling chart), drawdowns with the
 * 2008 and 2020 episodes (curve and table), rate sensitivity and domestic focus.
 */
export function MarketsPanel({
  context: c,
  charts,
  chartPeriod = '1Y',
  returnBasis = 'price',
}: {
  context: DashboardContext;
  charts: Reply<DashboardChartsPayload> | null;
  /** The rebased chart's period to open on (the options' chart period). */
  chartPeriod?: ChartView;
  /** Whether the returns are price or total returns (the options' return basis). */
  returnBasis?: ReturnBasisPref;
}) {
  const rs = c.relativeStrength;
  const rate = c.rateSensitivity;
  const current = c.episodes.current.value;
  const v = c.volatility;
  const exposure = INDEX_REVENUE_EXPOSURE;
  return (
    <div class="markets">
      <FigureTable
        caption={returnBasis === 'total-return' ? 'Total return' : 'Price return'}
        columns={c.returns.map((r) => r.period)}
        rows={returnRows(c)}
      />
      <ChartSlot charts={charts}>
        {(p) => (
          <CurveFigure
            // A new chart period from the options opens the chart on it.
            key={chartPeriod}
            title="Indexes rebased to 100"
            figures={p.charts.rebased}
            initialView={chartPeriod}
            format="level"
            baseline={100}
            styles={SERIES_COLORS.map((color) => ({ color }))}
            summarize={rebasedSummary}
          />
        )}
      </ChartSlot>

      <h2>Small vs large caps</h2>
      <StatList
        label="Relative strength"
        stats={[
          {
            label: 'R2K / S&P 500, 1Y',
            value: rs.rebased.value === null ? '—' : formatNumber(rs.rebased.value, 1),
            note: '(100 a year ago)',
            title:
              why(rs.rebased) ??
              'Ratio of the Russell 2000 to the S&P 500, rebased to 100 one year before the as-of date',
          },
          {
            label: 'Trend, 3M',
            value: rs.trend.value ? TREND_TEXT[rs.trend.value] : '—',
            title: why(rs.trend),
            className:
              rs.trend.value === 'rising'
                ? 'up'
                : rs.trend.value === 'falling'
                  ? 'down'
                  : undefined,
          },
        ]}
      />
      <ChartSlot charts={charts}>
        {(p) => (
          <CurveFigure
            title="Russell 2000 / S&P 500"
            figures={p.charts.ratio}
            initialView="max"
            format="level"
            baseline={100}
            styles={[{ color: 'var(--series-1)' }, { color: 'var(--muted)', dashed: true }]}
            summarize={ratioSummary}
          />
        )}
      </ChartSlot>

      <h2>Volatility</h2>
      <StatList
        label="Volatility"
        stats={[
          {
            label: `Volatility (${v.windowDays}d, ann.)`,
            value: formatPercent(v.russell2000.value),
            note: `S&P 500 ${formatPercent(v.sp500.value)}`,
            title: why(v.russell2000),
          },
          {
            label: `Beta to S&P 500 (${v.betaWindowDays}d)`,
            value: formatNumber(v.betaToSp500.value),
            note: `corr. ${formatNumber(v.correlationToSp500.value)}`,
            title: why(v.betaToSp500),
          },
        ]}
      />
      <ChartSlot charts={charts}>
        {(p) => (
          <CurveFigure
            title={`Rolling ${p.charts.volatility.windowDays}-day volatility`}
            figures={p.charts.volatility.views}
            initialView="5Y"
            format="percent"
            styles={[{ color: 'var(--series-1)' }, { color: 'var(--series-2)' }]}
            summarize={(chart) => volatilitySummary(chart, p.charts.volatility.windowDays)}
          />
        )}
      </ChartSlot>

      <h2>Drawdown and cycles</h2>
      <ChartSlot charts={charts}>
        {(p) => (
          <CurveFigure
            title="Drawdown from the highest close"
            figures={p.charts.drawdown}
            initialView="max"
            format="signed-percent"
            baseline={0}
            styles={[{ color: 'var(--series-1)' }, { color: 'var(--series-2)' }]}
            summarize={drawdownSummary}
          />
        )}
      </ChartSlot>
      <table class="figures">
        <caption>Russell 2000 peak to trough</caption>
        <thead>
          <tr>
            <th scope="col">Episode</th>
            <th scope="col">Drawdown</th>
            <th scope="col">Peak</th>
            <th scope="col">Trough</th>
            <th scope="col">Recovery</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Today</th>
            <td class={trendClass(current?.drawdown ?? null)} title={why(c.episodes.current)}>
              {formatSignedPercent(current?.drawdown ?? null, 1)}
            </td>
            <td>{formatDate(current?.peakDate)}</td>
            <td>{formatDate(current?.date)}</td>
            <td>—</td>
          </tr>
          {c.episodes.past.map(({ definition, figure }) => {
            const e = figure.value;
            return (
              <tr key={definition.id} title={why(figure)}>
                <th scope="row">{definition.label}</th>
                <td class="down">{formatSignedPercent(e?.drawdown ?? null, 1)}</td>
                <td>{formatDate(e?.peakDate)}</td>
                <td>{formatDate(e?.troughDate)}</td>
                <td>
                  {e
                    ? e.tradingDaysToRecover === null
                      ? 'not yet'
                      : `${e.tradingDaysToRecover} trading days`
                    : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>Rate sensitivity</h2>
      <StatList
        label="Rate sensitivity"
        stats={[
          {
            label: 'Russell 2000 per +1pp 10Y yield',
            value: formatSignedPercent(rate.russell2000.value?.slope ?? null),
            note: `corr. ${formatNumber(rate.russell2000.value?.correlation ?? null)}`,
            title: why(rate.russell2000),
          },
          {
            label: 'S&P 500 per +1pp 10Y yield',
            value: formatSignedPercent(rate.sp500.value?.slope ?? null),
            note: `corr. ${formatNumber(rate.sp500.value?.correlation ?? null)}`,
            title: why(rate.sp500),
          },
        ]}
      />
      {rate.note && <p class="source muted">{rate.note}</p>}

      <h2>Domestic focus</h2>
      <p class="exposure">
        Non-US revenue: Russell 2000{' '}
        <strong>{formatPercent(exposure.russell2000NonUsRevenueShare, 2)}</strong>, Russell 1000{' '}
        <strong>{formatPercent(exposure.russell1000NonUsRevenueShare, 2)}</strong>.{' '}
        <span class="muted">
          {exposure.source}, as of {formatDate(exposure.asOf)}.
        </span>
      </p>
      <SourceLine sources={c.chart.source.split('; ')} />
    </div>
  );
}
