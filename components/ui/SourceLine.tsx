import { formatDate } from '../../lib/format/figures';
import type { DataStatus } from '../../lib/messaging/protocol';
import { t } from '../../lib/i18n/translate';

function originText(status: DataStatus | undefined): string | null {
  switch (status?.origin) {
    case 'snapshot':
      return t('source_originSnapshot');
    case 'cache':
      return t('source_originCache');
    case 'live':
      return t('source_originLive');
    default:
      return null;
  }
}

/** The date the figures are as of, where they come from (snapshot, cache, live) and whether they are stale. */
export function AsOfLine({ asOf, status }: { asOf: string; status?: DataStatus | undefined }) {
  const origin = originText(status);
  return (
    <p class="as-of">
      {t('source_asOfBefore')}
      <strong>{formatDate(asOf)}</strong>
      {t('source_asOfAfter')}
      {origin && ` · ${origin}`}
      {status?.stale && <span class="stale"> · {t('source_stale')}</span>}
    </p>
  );
}

/** The sources of the figures above: shown under every block of numbers. */
export function SourceLine({ sources }: { sources: string[] }) {
  const unique = [...new Set(sources.filter((s) => s !== ''))];
  return <p class="source muted">{t('source_line', unique.join('; '))}</p>;
}
