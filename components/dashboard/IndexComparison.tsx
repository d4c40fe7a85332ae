import type { DashboardContext } from '../../lib/context/dashboard-context';
import type { Figure } from '../../lib/context/figure';
import { formatNumber, formatPercent } from '../../lib/format/figures';
import type { ComponentType } from 'preact';
import type { RebasedChartProps } from '../chart/line-chart-config';
import { chartLines } from '../chart/chart-lines';
import { FigureTable, type FigureRow } from '../ui/FigureTable';
import { StatList } from '../ui/StatList';

function why(figure: Figure<unknown>): string | undefined {
  return figure.value === null ? figure.detail : undefined;
}

/** The Russell 2000 beside the chosen benchmarks: returns per period, a rebased chart, volatility. */
export function IndexComparison({
  context: c,
  chartHeight = 150,
  Chart,
}: {
  context: DashboardContext;
  chartHeight?: number;
  /** The chart component: bundled in the popup, loaded on demand in the card. */
  Chart: ComponentType<RebasedChartProps>;
}) {
  const columns = c.returns.map((r) => r.period);
  const rows: FigureRow[] = [
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
  const chart = c.chart.value;
  const v = c.volatility;
  return (
    <div class="index-comparison">
      <FigureTable caption="Price return" columns={columns} rows={rows} />
      {chart && (
        <Chart
          dates={chart.dates}
          lines={chartLines(chart.lines)}
          label={`Russell 2000 and benchmarks rebased to 100 over ${chart.period}`}
          height={chartHeight}
        />
      )}
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
    </div>
  );
}
