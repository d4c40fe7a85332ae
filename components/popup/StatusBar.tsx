import { formatCount, formatDate } from '../../lib/format/figures';
import type { Reply } from '../../lib/messaging/envelope';
import type {
  DataLayerStatus,
  DataStatus,
  RefreshProgress,
  RefreshReport,
} from '../../lib/messaging/protocol';
import { t, uiLanguage } from '../../lib/i18n/translate';

/** When the last fetch was, in words: "never", "just now", "5 minutes ago", "3 hours ago", or its date. */
function ago(iso: string | null, now: number): string {
  if (!iso) return t('status_never');
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return t('status_justNow');
  const relative = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'always' });
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  return hours < 48 ? relative.format(-hours, 'hour') : formatDate(iso.slice(0, 10));
}

/** A refresh's outcome in one sentence, with the first failure's reason. */
export function refreshSummary(r: RefreshReport): string {
  if (r.skipped) return r.skipped;
  const first = r.failed[0];
  return first
    ? t(
        'status_refreshSummaryFailed',
        formatCount(r.updated.length),
        formatCount(r.unchanged.length),
        formatCount(r.failed.length),
        first.symbol,
        first.message,
      )
    : t('status_refreshSummary', formatCount(r.updated.length), formatCount(r.unchanged.length));
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
  const shownAsOf = asOf ? formatDate(asOf) : t('status_savedDate');
  return (
    <section class="status-bar" aria-label={t('status_label')}>
      {!online && (
        <p class="banner offline" role="status" data-state="offline">
          {t('status_offline', shownAsOf)}
        </p>
      )}
      {online && fetchingOff && (
        <p class="banner" role="status" data-state="fetching-off">
          {t('status_fetchingOff', shownAsOf)}
        </p>
      )}
      {online && !fetchingOff && data?.stale && !refreshing && (
        <p class="banner stale" role="status" data-state="stale">
          {data.origin === 'snapshot'
            ? t('status_staleSnapshot', shownAsOf)
            : t('status_stale', shownAsOf)}
        </p>
      )}
      {layer?.storage === 'memory' && (
        <p class="banner error" role="alert" data-state="storage">
          {t('status_storageMemory', layer.degradedReason ?? '')}
        </p>
      )}
      {refreshing && (
        <div class="banner progress" role="status" data-state="refreshing">
          <label>
            {progress.total > 0
              ? progress.current
                ? t(
                    'status_refreshingSymbol',
                    formatCount(Math.min(progress.done + 1, progress.total)),
                    formatCount(progress.total),
                    progress.current,
                  )
                : t(
                    'status_refreshingCount',
                    formatCount(Math.min(progress.done + 1, progress.total)),
                    formatCount(progress.total),
                  )
              : t('status_refreshing')}
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
          {result.ok ? refreshSummary(result.data) : t('status_refreshFailed', result.error)}
        </p>
      )}
      <div class="data-line">
        <span class="muted">
          {layer ? (
            <>
              {t(
                layer.marketOpen ? 'status_marketOpen' : 'status_marketClosed',
                ago(layer.lastFetchAt, now),
              )}
            </>
          ) : (
            ' '
          )}
        </span>
        <button type="button" disabled={refreshing || fetchingOff} onClick={onRefresh}>
          {refreshing ? t('status_refreshing') : t('status_refreshNow')}
        </button>
      </div>
    </section>
  );
}
