import type { DashboardContext } from '../../lib/context/dashboard-context';
import type { Figure } from '../../lib/context/figure';
import type { DataStatus } from '../../lib/messaging/protocol';
import { INDEX_REVENUE_EXPOSURE } from '../../lib/context/domestic-revenue';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  trendClass,
} from '../../lib/format/figures';
import { IndexComparison } from '../dashboard/IndexComparison';
import { RebasedChart } from '../chart/RebasedChart';
import { AsOfLine, SourceLine } from '../ui/SourceLine';
import { StatList } from '../ui/StatList';

function why(figure: Figure<unknown>): string | undefined {
  return figure.value === null ? figure.detail : undefined;
}

const TREND_TEXT = {
  rising: 'small caps leading',
  falling: 'large caps leading',
  flat: 'no clear leader',
};

/** The popup's Russell 2000 dashboard. */
export function Dashboard({
  context: c,
  status,
}: {
  context: DashboardContext;
  status: DataStatus;
}) {
  const last = c.lastClose.value;
  const oneMonth = c.returns.find((r) => r.period === '1M')?.russell2000.value ?? null;
  const rs = c.relativeStrength;
  const rate = c.rateSensitivity;
  const current = c.episodes.current.value;
  const exposure = INDEX_REVENUE_EXPOSURE;
  return (
    <div class="dashboard">
      <div class="top">
        <div>
          <h1>
            Russell 2000 <span class="muted">{c.russell2000.usedSymbol ?? '^RUT'}</span>
          </h1>
          <div>
            <span class="level" data-testid="r2k-level">
              {formatNumber(last?.close ?? null)}
            </span>
            <span class={`level-change ${trendClass(oneMonth)}`}>
              {formatSignedPercent(oneMonth)} 1M
            </span>
          </div>
        </div>
      </div>

      {c.asOf && <AsOfLine asOf={c.asOf} status={status} />}
      <IndexComparison context={c} Chart={RebasedChart} />

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

      <h2>Drawdown and cycles</h2>
      <table class="figures">
        <caption>Russell 2000 peak to trough</caption>
        <thead>
          <tr>
            <th scope="col"></th>
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
            label: `Russell 2000 per +1pp 10Y yield`,
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

      {(c.notes.length > 0 || status.notices.length > 0) && (
        <ul class="notices">
          {[...c.notes, ...status.notices].map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <SourceLine sources={c.chart.source.split('; ')} />
    </div>
  );
}
