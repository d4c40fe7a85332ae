import { formatDate } from '../../lib/format/figures';
import type { Reply } from '../../lib/messaging/envelope';
import type {
  DataLayerStatus,
  DataStatus,
  RefreshProgress,
  RefreshReport,
} from '../../lib/messaging/protocol';

function ago(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : formatDate(iso.slice(0, 10));
}

/** A refresh's outcome in one sentence, with the first failure's reason. */
export function refreshSummary(r: RefreshReport): string {
  if (r.skipped) return r.skipped;
  const parts = [`${r.updated.length} updated`, `${r.unchanged.length} already current`];
  if (r.failed.length > 0) {
    parts.push(`${r.failed.length} failed (${r.failed[0]?.symbol}: ${r.failed[0]?.message})`);
  }
  return `Refresh: ${parts.join(', ')}.`;
}

export interface StatusBarProps {
  /** The Russell 2000 data's status (from the dashboard reply), or null while loading. */
  data: DataStatus | null;
  /** The date the figures are as of. */
  asOf: string | null;
  layer: DataLayerStatus | null;
  online: boolean;
  /** Fetching is switched off in the settings. */
  fetchingOff: boolean;
  progress: RefreshProgress | null;
  /** The last "Refresh now" reply, or null. */
  result: Reply<RefreshReport> | null;
  onRefresh(): void;
  now?: number;
}

/**
 * Where the data stands: offline, stale, a refresh in progress (with how far it got), the last
 * refresh's outcome or error, storage trouble; market hours, last fetch and "Refresh now".
 */
export function StatusBar({
  data,
  asOf,
  layer,
  online,
  fetchingOff,
  progress,
  result,
  onRefresh,
  now = Date.now(),
}: StatusBarProps) {
  const refreshing = progress !== null;
  const shownAsOf = asOf ? formatDate(asOf) : 'the saved date';
  return (
    <section class="status-bar" aria-label="Data status">
      {!online && (
        <p class="banner offline" role="status" data-state="offline">
          You are offline: the figures are saved data as of {shownAsOf}. They update when you are
          back online.
        </p>
      )}
      {online && fetchingOff && (
        <p class="banner" role="status" data-state="fetching-off">
          Fetching is off (Settings › Market data › offline): the figures are saved data as of{' '}
          {shownAsOf}.
        </p>
      )}
      {online && !fetchingOff && data?.stale && !refreshing && (
        <p class="banner stale" role="status" data-state="stale">
          Stale: the latest close shown is {shownAsOf}
          {data.origin === 'snapshot' ? ' (the bundled offline snapshot)' : ''}. Refresh to fetch
          newer closes.
        </p>
      )}
      {layer?.storage === 'memory' && (
        <p class="banner error" role="alert" data-state="storage">
          Storage unavailable ({layer.degradedReason}): working from memory and the bundled
          snapshot.
        </p>
      )}
      {refreshing && (
        <div class="banner progress" role="status" data-state="refreshing">
          <label>
            {progress.total > 0
              ? `Refreshing ${Math.min(progress.done + 1, progress.total)} of ${progress.total}${progress.current ? ` (${progress.current})` : ''}…`
              : 'Refreshing…'}
            <progress max={Math.max(1, progress.total)} value={progress.done} />
          </label>
        </div>
      )}
      {!refreshing && result && (
        <p
          class={`banner ${result.ok && result.data.failed.length === 0 ? '' : 'error'}`}
          role={result.ok && result.data.failed.length === 0 ? 'status' : 'alert'}
          data-state="refresh-result"
        >
          {result.ok ? refreshSummary(result.data) : `Refresh failed: ${result.error}`}
        </p>
      )}
      <div class="data-line">
        <span class="muted">
          {layer ? (
            <>
              US market {layer.marketOpen ? 'open' : 'closed'} · last fetch{' '}
              {ago(layer.lastFetchAt, now)}
            </>
          ) : (
            ' '
          )}
        </span>
        <button type="button" disabled={refreshing || fetchingOff} onClick={onRefresh}>
          {refreshing ? 'Refreshing…' : 'Refresh now'}
        </button>
      </div>
    </section>
  );
}
