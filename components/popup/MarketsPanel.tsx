import type { ComponentChildren } from 'preact';
import type { DashboardContext } from '../../lib/context/dashboard-context';
import type { ReturnBasisPref } from '../../lib/context/comparison-prefs';
import type { ChartView } from '../../lib/context/dashboard-charts';
import type { Figure } from '../../lib/context/figure';
import { INDEX_REVENUE_EXPOSURE } from '../../lib/context/domestic-revenue';
import {
  formatCount,
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
import { t, tPlural } from '../../lib/i18n/translate';

function why(figure: Figure<unknown>): string | undefined {
  return figure.value === null ? figure.detail : undefined;
}

const TREND_TEXT = {
  rising: 'markets_trendRising',
  falling: 'markets_trendFalling',
  flat: 'markets_trendFlat',
} as const;

function returnRows(c: DashboardContext): FigureRow[] {
  return [
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
        {t('markets_loadingChart')}
      </p>
    );
  }
  if (!charts.ok) {
    return <p class="error">{t('markets_chartError', charts.error)}</p>;
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
        caption={
          returnBasis === 'total-return' ? t('markets_totalReturn') : t('markets_priceReturn')
        }
        columns={c.returns.map((r) => r.period)}
        rows={returnRows(c)}
      />
      <ChartSlot charts={charts}>
        {(p) => (
          <CurveFigure
            // A new chart period from the options opens the chart on it.
            key={chartPeriod}
            title={t('markets_rebasedTitle')}
            figures={p.charts.rebased}
            initialView={chartPeriod}
            format="level"
            baseline={100}
            styles={SERIES_COLORS.map((color) => ({ color }))}
            summarize={rebasedSummary}
          />
        )}
      </ChartSlot>

      <h2>{t('markets_smallVsLarge')}</h2>
      <StatList
        label={t('markets_relativeStrength')}
        stats={[
          {
            label: t('markets_ratioStat'),
            value:
              rs.rebased.value === null ? t('common_missing') : formatNumber(rs.rebased.value, 1),
            note: t('markets_ratioNote'),
            title: why(rs.rebased) ?? t('markets_ratioTitle'),
          },
          {
            label: t('markets_trendStat'),
            value: rs.trend.value ? t(TREND_TEXT[rs.trend.value]) : t('common_missing'),
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
            title={t('markets_ratioChartTitle')}
            figures={p.charts.ratio}
            initialView="max"
            format="level"
            baseline={100}
            styles={[{ color: 'var(--series-1)' }, { color: 'var(--muted)', dashed: true }]}
            summarize={ratioSummary}
          />
        )}
      </ChartSlot>

      <h2>{t('markets_volatilityHeading')}</h2>
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
      <ChartSlot charts={charts}>
        {(p) => (
          <CurveFigure
            title={t('markets_rollingVolTitle', p.charts.volatility.windowDays)}
            figures={p.charts.volatility.views}
            initialView="5Y"
            format="percent"
            styles={[{ color: 'var(--series-1)' }, { color: 'var(--series-2)' }]}
            summarize={(chart) => volatilitySummary(chart, p.charts.volatility.windowDays)}
          />
        )}
      </ChartSlot>

      <h2>{t('markets_drawdownHeading')}</h2>
      <ChartSlot charts={charts}>
        {(p) => (
          <CurveFigure
            title={t('markets_drawdownTitle')}
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
        <caption>{t('markets_episodesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('markets_colEpisode')}</th>
            <th scope="col">{t('markets_colDrawdown')}</th>
            <th scope="col">{t('markets_colPeak')}</th>
            <th scope="col">{t('markets_colTrough')}</th>
            <th scope="col">{t('markets_colRecovery')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('markets_today')}</th>
            <td class={trendClass(current?.drawdown ?? null)} title={why(c.episodes.current)}>
              {formatSignedPercent(current?.drawdown ?? null, 1)}
            </td>
            <td>{formatDate(current?.peakDate)}</td>
            <td>{formatDate(current?.date)}</td>
            <td>{t('common_missing')}</td>
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
                      ? t('markets_notYet')
                      : tPlural(
                          'markets_tradingDays',
                          e.tradingDaysToRecover,
                          formatCount(e.tradingDaysToRecover),
                        )
                    : t('common_missing')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>{t('markets_rateHeading')}</h2>
      <StatList
        label={t('markets_rateHeading')}
        stats={[
          {
            label: t('markets_rateR2k'),
            value: formatSignedPercent(rate.russell2000.value?.slope ?? null),
            note: t('markets_corrNote', formatNumber(rate.russell2000.value?.correlation ?? null)),
            title: why(rate.russell2000),
          },
          {
            label: t('markets_rateSp500'),
            value: formatSignedPercent(rate.sp500.value?.slope ?? null),
            note: t('markets_corrNote', formatNumber(rate.sp500.value?.correlation ?? null)),
            title: why(rate.sp500),
          },
        ]}
      />
      {rate.note && <p class="source muted">{rate.note}</p>}

      <h2>{t('markets_domesticHeading')}</h2>
      <p class="exposure">
        {t(
          'markets_nonUsRevenue',
          formatPercent(exposure.russell2000NonUsRevenueShare, 2),
          formatPercent(exposure.russell1000NonUsRevenueShare, 2),
        )}{' '}
        <span class="muted">
          {t('markets_sourceAsOf', exposure.source, formatDate(exposure.asOf))}
        </span>
      </p>
      <SourceLine sources={c.chart.source.split('; ')} />
    </div>
  );
}
