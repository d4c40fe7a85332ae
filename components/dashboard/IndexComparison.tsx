import type { DashboardContext } from '../../lib/context/dashboard-context';
import type { Figure } from '../../lib/context/figure';
import { formatNumber, formatPercent } from '../../lib/format/figures';
import type { ComponentType } from 'preact';
import type { RebasedChartProps } from '../chart/line-chart-config';
import { chartLines } from '../chart/chart-lines';
import { FigureTable, type FigureRow } from '../ui/FigureTable';
import { StatList } from '../ui/StatList';
import { t } from '../../lib/i18n/translate';

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
      sublabel: c.russell2000.proxyFor
        ? t('markets_via', c.russell2000.usedSymbol ?? '')
        : undefined,
      cells: c.returns.map((r) => ({ value: r.russell2000.value, title: why(r.russell2000) })),
    },
    ...c.benchmarks.map((b, i) => ({
      label: b.name,
      sublabel: b.proxyFor ? t('markets_via', b.usedSymbol ?? '') : undefined,
      cells: c.returns.map((r) => {
        const f = r.benchmarks[i]?.figure;
        return { value: f?.value?.benchmark ?? null, title: f ? why(f) : undefined };
      }),
    })),
    ...c.benchmarks.map((b, i) => ({
      label: t('markets_excessLabel', b.name),
      sublabel: t('markets_excessReturn'),
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
      <FigureTable caption={t('markets_priceReturn')} columns={columns} rows={rows} />
      {chart && (
        <Chart
          dates={chart.dates}
          lines={chartLines(chart.lines)}
          label={t('markets_rebasedChartLabel', chart.period)}
          height={chartHeight}
        />
      )}
      <StatList
        label={t('markets_volatilityHeading')}
        stats={[
          {
            label: t('markets_volatilityStat', v.windowDays),
            value: formatPercent(v.russell2000.value),
            note: t('markets_sp500Note', formatPercent(v.sp500.value)),
            title: why(v.russell2000),
          },
          {
            label: t('markets_betaStat', v.betaWindowDays),
            value: formatNumber(v.betaToSp500.value),
            note: t('markets_corrNote', formatNumber(v.correlationToSp500.value)),
            title: why(v.betaToSp500),
          },
        ]}
      />
    </div>
  );
}
