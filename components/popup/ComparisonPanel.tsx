import type { EpisodeCell, IndexComparisonTable } from '../../lib/context/index-comparison-table';
import type { Figure } from '../../lib/context/figure';
import type { RevenueQuote } from '../../lib/context/index-profiles';
import {
  formatCount,
  formatDate,
  formatMonth,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  trendClass,
} from '../../lib/format/figures';
import { AsOfLine, SourceLine } from '../ui/SourceLine';
import type { DataStatus } from '../../lib/messaging/protocol';
import { t, tPlural } from '../../lib/i18n/translate';

function why(figure: Figure<unknown>): string | undefined {
  return figure.value === null ? figure.detail : undefined;
}

/** A publisher's date: a full date, or a month ("Jul 2024") when the source gives only that. */
function quoteDate(asOf: string): string {
  return /^\d{4}-\d{2}$/.test(asOf) ? formatMonth(asOf) : formatDate(asOf);
}

function Quote({ q }: { q: RevenueQuote }) {
  const whole = Number.isInteger(Math.round(q.nonUsShare * 10_000) / 100);
  return (
    <span class="quote" title={t('compare_quoteTitle', q.source, quoteDate(q.asOf))}>
      <strong>{formatPercent(q.nonUsShare, whole ? 0 : 2)}</strong>
      {q.of && <span class="sublabel">{t('compare_quoteFor', q.of)}</span>}
      <span class="sublabel">{t('compare_quoteTitle', q.publisher, quoteDate(q.asOf))}</span>
    </span>
  );
}

function percentRow(label: string, figures: Figure<number>[], signed = false) {
  return (
    <tr key={label}>
      <th scope="row">{label}</th>
      {figures.map((f, i) => (
        <td key={i} class={signed ? trendClass(f.value) : ''} title={why(f)}>
          {signed ? formatSignedPercent(f.value, 1) : formatPercent(f.value)}
        </td>
      ))}
    </tr>
  );
}

function Decline({ cell }: { cell: EpisodeCell }) {
  const e = cell.decline.value;
  if (!e) return <td title={why(cell.decline)}>{t('common_missing')}</td>;
  return (
    <td>
      <span class="down">{formatSignedPercent(e.drawdown, 1)}</span>
      <span class="sublabel">
        {cell.symbol
          ? t('compare_toDateVia', formatDate(e.troughDate), cell.symbol)
          : t('compare_toDate', formatDate(e.troughDate))}
      </span>
    </td>
  );
}

function Recovery({ cell }: { cell: EpisodeCell }) {
  const e = cell.decline.value;
  if (!e) return <td title={why(cell.decline)}>{t('common_missing')}</td>;
  return (
    <td>
      {e.tradingDaysToRecover === null
        ? t('markets_notYet')
        : tPlural('compare_days', e.tradingDaysToRecover, formatCount(e.tradingDaysToRecover))}
      {e.recoveryDate && <span class="sublabel">{formatDate(e.recoveryDate)}</span>}
    </td>
  );
}

/**
 * The "Compare" tab: the seed's comparison of the Russell 2000, the S&P 500 and the Nasdaq
 * Composite. Measured rows come from the data (volatility, beta, rate sensitivity, the 2008 and
 * 2020 declines and rebounds) or from a named publisher with its date (revenue); the qualitative
 * rows are labelled as context, with what they rest on.
 */
export function ComparisonPanel({
  table,
  status,
}: {
  table: IndexComparisonTable;
  status: DataStatus;
}) {
  const names = table.indexes.map((i) => ({
    name: i.name,
    via: i.proxyFor ? t('markets_via', i.usedSymbol ?? '') : null,
  }));
  const header = (
    <thead>
      <tr>
        <th scope="col"></th>
        {names.map((n) => (
          <th scope="col" key={n.name}>
            {n.name}
            {n.via && <span class="sublabel">{n.via}</span>}
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <div class="comparison">
      {table.asOf && <AsOfLine asOf={table.asOf} status={status} />}
      <table class="figures compare">
        <caption>{t('compare_measured')}</caption>
        {header}
        <tbody>
          {table.volatility.map((v) =>
            percentRow(
              v.windowDays >= 1000
                ? t('compare_volatilityYears', formatCount(Math.round(v.windowDays / 252)))
                : t('compare_volatilityDays', formatCount(v.windowDays)),
              v.figures,
            ),
          )}
          <tr>
            <th scope="row">
              {t('compare_beta')}
              <span class="sublabel">
                {tPlural('compare_days', table.beta.windowDays, formatCount(table.beta.windowDays))}
              </span>
            </th>
            {table.beta.figures.map((f, i) => (
              <td key={i} title={why(f)}>
                {formatNumber(f.value)}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">
              {t('compare_rate')}
              <span class="sublabel">
                {t('compare_rateBasis', formatCount(table.rateSensitivity.windowDays))}
              </span>
            </th>
            {table.rateSensitivity.figures.map((f, i) => (
              <td key={i} class={trendClass(f.value?.slope ?? null)} title={why(f)}>
                {formatSignedPercent(f.value?.slope ?? null)}
              </td>
            ))}
          </tr>
          {table.episodes.map((row) => [
            <tr key={`${row.definition.id}-decline`}>
              <th scope="row">{t('compare_decline', row.definition.label)}</th>
              {row.cells.map((c, i) => (
                <Decline cell={c} key={i} />
              ))}
            </tr>,
            <tr key={`${row.definition.id}-recovery`}>
              <th scope="row">
                {t('compare_backToPeak', row.definition.id)}
                <span class="sublabel">{t('compare_backToPeakBasis')}</span>
              </th>
              {row.cells.map((c, i) => (
                <Recovery cell={c} key={i} />
              ))}
            </tr>,
            <tr key={`${row.definition.id}-rebound`}>
              <th scope="row">
                {t('compare_next12', row.definition.id)}
                <span class="sublabel">
                  {row.from
                    ? t('compare_fromTroughDate', formatDate(row.from))
                    : t('compare_fromTrough')}
                </span>
              </th>
              {row.cells.map((c, i) => (
                <td key={i} class={trendClass(c.yearAfter.value)} title={why(c.yearAfter)}>
                  {formatSignedPercent(c.yearAfter.value, 1)}
                </td>
              ))}
            </tr>,
          ])}
          <tr>
            <th scope="row">{t('compare_nonUsRevenue')}</th>
            {table.revenue.map((quotes, i) => (
              <td key={i}>
                {quotes.length === 0 ? (
                  <span class="muted" title={t('compare_noPublished')}>
                    {t('common_missing')}
                  </span>
                ) : (
                  quotes.map((q) => <Quote q={q} key={q.source} />)
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>

      <table class="figures compare context">
        <caption>{t('compare_context')}</caption>
        {header}
        <tbody>
          {table.context.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              {table.indexes.map((i) => (
                <td key={i.requested}>{row.text[i.requested] ?? t('common_missing')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="basis muted">
        {table.context.map((row) => (
          <li key={row.id}>{t('compare_basis', row.label, row.basis)}</li>
        ))}
        {[...new Map(table.revenue.flat().map((q) => [q.source, q])).values()].map((q) => (
          <li key={q.source}>
            {t('compare_revenueSource', q.publisher, q.source, quoteDate(q.asOf))}
          </li>
        ))}
      </ul>
      {table.notes.length > 0 && (
        <ul class="notices">
          {table.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <SourceLine
        sources={[
          ...table.volatility
            .flatMap((v) => v.figures.map((f) => f.source))
            .flatMap((s) => s.split('; ')),
          ...table.episodes.flatMap((e) => e.cells.map((c) => c.decline.source)),
        ]}
      />
    </div>
  );
}
