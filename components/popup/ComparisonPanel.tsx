import type { EpisodeCell, IndexComparisonTable } from '../../lib/context/index-comparison-table';
import type { Figure } from '../../lib/context/figure';
import type { RevenueQuote } from '../../lib/context/index-profiles';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  trendClass,
} from '../../lib/format/figures';
import { AsOfLine, SourceLine } from '../ui/SourceLine';
import type { DataStatus } from '../../lib/messaging/protocol';

function why(figure: Figure<unknown>): string | undefined {
  return figure.value === null ? figure.detail : undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A publisher's date: a full date, or "Jul 2024" for a month. */
function quoteDate(asOf: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(asOf);
  return month ? `${MONTHS[Number(month[2]) - 1]} ${month[1]}` : formatDate(asOf);
}

function Quote({ q }: { q: RevenueQuote }) {
  const whole = Number.isInteger(Math.round(q.nonUsShare * 10_000) / 100);
  return (
    <span class="quote" title={`${q.source}, ${quoteDate(q.asOf)}`}>
      <strong>{formatPercent(q.nonUsShare, whole ? 0 : 2)}</strong>
      {q.of && <span class="sublabel">for the {q.of}</span>}
      <span class="sublabel">
        {q.publisher}, {quoteDate(q.asOf)}
      </span>
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
  if (!e) return <td title={why(cell.decline)}>—</td>;
  return (
    <td>
      <span class="down">{formatSignedPercent(e.drawdown, 1)}</span>
      <span class="sublabel">
        to {formatDate(e.troughDate)}
        {cell.symbol && ` (${cell.symbol})`}
      </span>
    </td>
  );
}

function Recovery({ cell }: { cell: EpisodeCell }) {
  const e = cell.decline.value;
  if (!e) return <td title={why(cell.decline)}>—</td>;
  return (
    <td>
      {e.tradingDaysToRecover === null ? 'not yet' : `${e.tradingDaysToRecover} days`}
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
  table: t,
  status,
}: {
  table: IndexComparisonTable;
  status: DataStatus;
}) {
  const names = t.indexes.map((i) => ({
    name: i.name,
    via: i.proxyFor ? `via ${i.usedSymbol}` : null,
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
      {t.asOf && <AsOfLine asOf={t.asOf} status={status} />}
      <table class="figures compare">
        <caption>Measured</caption>
        {header}
        <tbody>
          {t.volatility.map((v) =>
            percentRow(
              v.windowDays >= 1000
                ? `Volatility, ${Math.round(v.windowDays / 252)} years`
                : `Volatility, ${v.windowDays} days`,
              v.figures,
            ),
          )}
          <tr>
            <th scope="row">
              Beta to S&amp;P 500
              <span class="sublabel">{t.beta.windowDays} days</span>
            </th>
            {t.beta.figures.map((f, i) => (
              <td key={i} title={why(f)}>
                {formatNumber(f.value)}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">
              Per +1pp 10Y yield
              <span class="sublabel">daily return slope, {t.rateSensitivity.windowDays} days</span>
            </th>
            {t.rateSensitivity.figures.map((f, i) => (
              <td key={i} class={trendClass(f.value?.slope ?? null)} title={why(f)}>
                {formatSignedPercent(f.value?.slope ?? null)}
              </td>
            ))}
          </tr>
          {t.episodes.map((row) => [
            <tr key={`${row.definition.id}-decline`}>
              <th scope="row">{row.definition.label}: decline</th>
              {row.cells.map((c, i) => (
                <Decline cell={c} key={i} />
              ))}
            </tr>,
            <tr key={`${row.definition.id}-recovery`}>
              <th scope="row">
                {row.definition.id}: back to the peak
                <span class="sublabel">trading days after the trough</span>
              </th>
              {row.cells.map((c, i) => (
                <Recovery cell={c} key={i} />
              ))}
            </tr>,
            <tr key={`${row.definition.id}-rebound`}>
              <th scope="row">
                {row.definition.id}: the next 12 months
                <span class="sublabel">
                  from the Russell 2000 trough{row.from ? `, ${formatDate(row.from)}` : ''}
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
            <th scope="row">Non-US revenue</th>
            {t.revenue.map((quotes, i) => (
              <td key={i}>
                {quotes.length === 0 ? (
                  <span class="muted" title="No published figure is bundled with R2K Lens">
                    —
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
        <caption>Context (how each index is usually described)</caption>
        {header}
        <tbody>
          {t.context.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              {t.indexes.map((i) => (
                <td key={i.requested}>{row.text[i.requested] ?? '—'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="basis muted">
        {t.context.map((row) => (
          <li key={row.id}>
            {row.label}: {row.basis}.
          </li>
        ))}
        {[...new Map(t.revenue.flat().map((q) => [q.source, q])).values()].map((q) => (
          <li key={q.source}>
            Revenue, {q.publisher}: {q.source} ({quoteDate(q.asOf)}).
          </li>
        ))}
      </ul>
      {t.notes.length > 0 && (
        <ul class="notices">
          {t.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <SourceLine
        sources={[
          ...t.volatility
            .flatMap((v) => v.figures.map((f) => f.source))
            .flatMap((s) => s.split('; ')),
          ...t.episodes.flatMap((e) => e.cells.map((c) => c.decline.source)),
        ]}
      />
    </div>
  );
}
