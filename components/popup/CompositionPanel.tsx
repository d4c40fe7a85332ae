import type { CompositionData } from '../../lib/composition/composition-file';
import { formatDate, formatPercent } from '../../lib/format/figures';
import { ChartFigure } from '../chart/ChartFigure';
import { SourceLine } from '../ui/SourceLine';
import { sectorSummary } from './chart-summaries';

function signedPoints(from: number, to: number): string {
  const d = (to - from) * 100;
  if (Math.abs(d) < 0.005) return '0.00 pt';
  return `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(2)} pt`;
}

/**
 * The "Index" tab: what the Russell 2000 is made of, from the bundled iShares IWM holdings files:
 * sector weights (bar chart, the earliest file beside the latest), member count, the top 10 and
 * their weight, banks and biotechs by name (a floor: the files carry sectors, not industries), and
 * how sectors and membership changed between the files. Every block names the file date.
 */
export function CompositionPanel({ data }: { data: CompositionData }) {
  const now = data.files.at(-1);
  const first = data.files[0];
  if (!now || !first) return <p class="muted">No holdings data is bundled.</p>;
  const overall = data.changes.at(-1);
  const earlier = first.asOf !== now.asOf ? first : null;
  const sectorNames = now.sectors.map((s) => s.sector);
  const earlierWeight = (sector: string) =>
    earlier?.sectors.find((s) => s.sector === sector)?.weight ?? 0;
  return (
    <div class="composition">
      <p class="as-of">
        iShares IWM holdings as of <strong>{formatDate(now.asOf)}</strong> · {now.source}
      </p>
      <dl class="stats" aria-label="Membership">
        <div class="stat">
          <dt>Members</dt>
          <dd data-testid="member-count">{now.members.toLocaleString('en-US')}</dd>
        </div>
        <div class="stat">
          <dt>Top 10 weight</dt>
          <dd>
            {formatPercent(now.top10.weight, 2)}
            <span class="note"> of the fund</span>
          </dd>
        </div>
        <div class="stat">
          <dt>Median member</dt>
          <dd>{formatPercent(now.medianWeight, 3)}</dd>
        </div>
        <div class="stat">
          <dt>US domiciled</dt>
          <dd>
            {formatPercent(now.unitedStates.weight)}
            <span class="note"> ({now.unitedStates.members.toLocaleString('en-US')} members)</span>
          </dd>
        </div>
      </dl>
      <p class="source muted">
        No single company dominates: the largest, {now.top10.holdings[0]?.name} (
        {now.top10.holdings[0]?.ticker}), is{' '}
        {formatPercent(now.top10.holdings[0]?.weight ?? null, 2)} of the fund. Weights are market
        value over the fund&rsquo;s net assets (equities {formatPercent(now.equityWeight)}; the rest
        is cash and futures).
      </p>

      <ChartFigure
        title="Sector weights"
        summary={sectorSummary(now)}
        sources={[
          `${now.source}, ${formatDate(now.asOf)}${earlier ? ` and ${formatDate(earlier.asOf)}` : ''}`,
        ]}
        height={Math.max(160, sectorNames.length * 22)}
        spec={{
          kind: 'bar',
          labels: sectorNames,
          datasets: [
            {
              label: formatDate(now.asOf),
              values: now.sectors.map((s) => s.weight),
              color: 'var(--series-1)',
            },
            ...(earlier
              ? [
                  {
                    label: formatDate(earlier.asOf),
                    values: sectorNames.map(earlierWeight),
                    color: 'var(--muted)',
                  },
                ]
              : []),
          ],
          format: 'percent',
        }}
      />

      <h2>Industries</h2>
      <p class="exposure">
        The iShares files give each member a sector, not an industry, so regional banks and biotech
        cannot be measured exactly. Counting names that say so gives a floor:
      </p>
      <table class="figures">
        <caption>By company name, {formatDate(now.asOf)}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Members</th>
            <th scope="col">Weight</th>
          </tr>
        </thead>
        <tbody>
          {now.nameGroups.map((g) => (
            <tr key={g.id} title={`Names containing: ${g.words}`}>
              <th scope="row">
                {g.label}
                <span class="sublabel">{g.words}</span>
              </th>
              <td>{g.members}</td>
              <td>{formatPercent(g.weight, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Top 10 holdings</h2>
      <table class="figures">
        <caption>Largest members, {formatDate(now.asOf)}</caption>
        <thead>
          <tr>
            <th scope="col">Company</th>
            <th scope="col">Sector</th>
            <th scope="col">Weight</th>
          </tr>
        </thead>
        <tbody>
          {now.top10.holdings.map((h) => (
            <tr key={h.ticker}>
              <th scope="row">
                {h.ticker}
                <span class="sublabel">{h.name}</span>
              </th>
              <td>{h.sector}</td>
              <td>{formatPercent(h.weight, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {overall && earlier && (
        <>
          <h2>Change since {formatDate(overall.from)}</h2>
          <p class="exposure">
            {overall.joined} members joined and {overall.left} left between the{' '}
            {formatDate(overall.from)} and {formatDate(overall.to)} files (reconstitution, IPO
            additions, mergers and delistings); members went from{' '}
            {earlier.members.toLocaleString('en-US')} to {now.members.toLocaleString('en-US')}, and
            the top 10 from {formatPercent(earlier.top10.weight, 2)} to{' '}
            {formatPercent(now.top10.weight, 2)} of the fund.
          </p>
          <table class="figures">
            <caption>Sector weight by file date</caption>
            <thead>
              <tr>
                <th scope="col">Sector</th>
                {data.files.map((f) => (
                  <th scope="col" key={f.asOf}>
                    {formatDate(f.asOf)}
                  </th>
                ))}
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {overall.sectors.map((s) => (
                <tr key={s.sector}>
                  <th scope="row">{s.sector}</th>
                  {data.files.map((f) => (
                    <td key={f.asOf}>
                      {formatPercent(f.sectors.find((x) => x.sector === s.sector)?.weight ?? 0)}
                    </td>
                  ))}
                  <td class={s.to > s.from ? 'up' : s.to < s.from ? 'down' : ''}>
                    {signedPoints(s.from, s.to)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <SourceLine
        sources={[
          `${now.source}: files of ${data.files.map((f) => formatDate(f.asOf)).join(', ')}`,
        ]}
      />
    </div>
  );
}
