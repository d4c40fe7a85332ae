import type { CompositionData } from '../../lib/composition/composition-file';
import { formatCount, formatDate, formatNumber, formatPercent } from '../../lib/format/figures';
import { ChartFigure } from '../chart/ChartFigure';
import { SourceLine } from '../ui/SourceLine';
import { sectorSummary } from './chart-summaries';
import { t, tPlural } from '../../lib/i18n/translate';

/** A change of weight in percentage points: "+0.42 pt", "−1.10 pt", "0.00 pt" (locale digits). */
function signedPoints(from: number, to: number): string {
  const d = (to - from) * 100;
  if (Math.abs(d) < 0.005) return t('composition_points', formatNumber(0, 2));
  return t('composition_points', `${d > 0 ? '+' : '−'}${formatNumber(Math.abs(d), 2)}`);
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
  if (!now || !first) return <p class="muted">{t('composition_none')}</p>;
  const overall = data.changes.at(-1);
  const earlier = first.asOf !== now.asOf ? first : null;
  const sectorNames = now.sectors.map((s) => s.sector);
  const earlierWeight = (sector: string) =>
    earlier?.sectors.find((s) => s.sector === sector)?.weight ?? 0;
  return (
    <div class="composition">
      <p class="as-of">
        {t('composition_asOfBefore')}
        <strong>{formatDate(now.asOf)}</strong> · {now.source}
      </p>
      <dl class="stats" aria-label={t('composition_membership')}>
        <div class="stat">
          <dt>{t('composition_members')}</dt>
          <dd data-testid="member-count">{formatCount(now.members)}</dd>
        </div>
        <div class="stat">
          <dt>{t('composition_top10Weight')}</dt>
          <dd>
            {formatPercent(now.top10.weight, 2)}
            <span class="note">{t('composition_ofFund')}</span>
          </dd>
        </div>
        <div class="stat">
          <dt>{t('composition_median')}</dt>
          <dd>{formatPercent(now.medianWeight, 3)}</dd>
        </div>
        <div class="stat">
          <dt>{t('composition_usDomiciled')}</dt>
          <dd>
            {formatPercent(now.unitedStates.weight)}
            <span class="note">
              {tPlural(
                'composition_membersNote',
                now.unitedStates.members,
                formatCount(now.unitedStates.members),
              )}
            </span>
          </dd>
        </div>
      </dl>
      <p class="source muted">
        {t(
          'composition_noDominance',
          now.top10.holdings[0]?.name ?? '',
          now.top10.holdings[0]?.ticker ?? '',
          formatPercent(now.top10.holdings[0]?.weight ?? null, 2),
          formatPercent(now.equityWeight),
        )}
      </p>

      <ChartFigure
        title={t('composition_sectorWeights')}
        summary={sectorSummary(now)}
        sources={[
          earlier
            ? t('composition_sourceTwo', now.source, formatDate(now.asOf), formatDate(earlier.asOf))
            : t('composition_sourceOne', now.source, formatDate(now.asOf)),
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

      <h2>{t('composition_industries')}</h2>
      <p class="exposure">{t('composition_industriesText')}</p>
      <table class="figures">
        <caption>{t('composition_byNameCaption', formatDate(now.asOf))}</caption>
        <thead>
          <tr>
            <th scope="col">{t('composition_colGroup')}</th>
            <th scope="col">{t('composition_members')}</th>
            <th scope="col">{t('composition_colWeight')}</th>
          </tr>
        </thead>
        <tbody>
          {now.nameGroups.map((g) => (
            <tr key={g.id} title={t('composition_namesContaining', g.words)}>
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

      <h2>{t('composition_top10Heading')}</h2>
      <table class="figures">
        <caption>{t('composition_largestCaption', formatDate(now.asOf))}</caption>
        <thead>
          <tr>
            <th scope="col">{t('composition_colCompany')}</th>
            <th scope="col">{t('composition_colSector')}</th>
            <th scope="col">{t('composition_colWeight')}</th>
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
          <h2>{t('composition_changeSince', formatDate(overall.from))}</h2>
          <p class="exposure">
            {t(
              'composition_changeText',
              formatCount(overall.joined),
              formatCount(overall.left),
              formatDate(overall.from),
              formatDate(overall.to),
              formatCount(earlier.members),
              formatCount(now.members),
              formatPercent(earlier.top10.weight, 2),
              formatPercent(now.top10.weight, 2),
            )}
          </p>
          <table class="figures">
            <caption>{t('composition_sectorByDate')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('composition_colSector')}</th>
                {data.files.map((f) => (
                  <th scope="col" key={f.asOf}>
                    {formatDate(f.asOf)}
                  </th>
                ))}
                <th scope="col">{t('composition_colChange')}</th>
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
          t(
            'composition_filesOf',
            now.source,
            data.files.map((f) => formatDate(f.asOf)).join(', '),
          ),
        ]}
      />
    </div>
  );
}
