import { formatDate } from '../../lib/format/figures';
import type { DataStatus } from '../../lib/messaging/protocol';

function originText(status: DataStatus | undefined): string | null {
  switch (status?.origin) {
    case 'snapshot':
      return 'bundled offline snapshot';
    case 'cache':
      return 'cached';
    case 'live':
      return 'just fetched';
    default:
      return null;
  }
}

/** The date the figures are as of, where they come from (snapshot, cache, live) and whether they are stale. */
export function AsOfLine({ asOf, status }: { asOf: string; status?: DataStatus | undefined }) {
  const origin = originText(status);
  return (
    <p class="as-of">
      As of <strong>{formatDate(asOf)}</strong> close
      {origin && ` · ${origin}`}
      {status?.stale && <span class="stale"> · stale</span>}
    </p>
  );
}

/** The sources of the figures above: shown under every block of numbers. */
export function SourceLine({ sources }: { sources: string[] }) {
  const unique = [...new Set(sources.filter((s) => s !== ''))];
  return <p class="source muted">Source: {unique.join('; ')}</p>;
}
