import { formatDate } from '../../lib/format/figures';
import type { DataStatus } from '../../lib/messaging/protocol';

/** Where the figures come from and as of when: shown under every block of numbers. */
export function SourceLine({
  sources,
  asOf,
  status,
}: {
  sources: string[];
  asOf: string;
  status?: DataStatus;
}) {
  const origin =
    status?.origin === 'snapshot'
      ? 'bundled offline snapshot'
      : status?.origin === 'cache'
        ? 'cached'
        : status?.origin === 'live'
          ? 'just fetched'
          : null;
  return (
    <p class="source">
      <span>
        As of <strong>{formatDate(asOf)}</strong> close
        {origin && ` · ${origin}`}
        {status?.stale && <span class="stale"> · stale</span>}
      </span>
      <span class="muted"> · Source: {[...new Set(sources)].join('; ')}</span>
    </p>
  );
}
