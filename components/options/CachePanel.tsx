import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../lib/messaging/client';
import type { Reply } from '../../lib/messaging/envelope';
import type { DataLayerStatus } from '../../lib/messaging/protocol';
import { formatCount } from '../../lib/format/figures';
import { t, uiLanguage } from '../../lib/i18n/translate';

/** When the last fetch was, as a date and time in the UI language ("never" without one). */
function when(iso: string | null): string {
  if (!iso) return t('status_never');
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** What the cache holds and where, with a button to empty it. */
export function CachePanel() {
  const [status, setStatus] = useState<Reply<DataLayerStatus> | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void sendToBackground('getDataStatus', {}).then(setStatus);
  }, []);

  async function clear() {
    setBusy(true);
    setStatus(await sendToBackground('clearCache', {}));
    setBusy(false);
  }

  if (!status) return <p class="muted">{t('cache_reading')}</p>;
  if (!status.ok) return <p class="error">{status.error}</p>;
  const s = status.data;
  return (
    <div class="cache-panel" data-testid="cache-panel">
      <p>
        {s.storage === 'indexeddb'
          ? t('cache_summaryIdb', formatCount(s.cachedSymbols), when(s.lastFetchAt))
          : t('cache_summaryMemory', formatCount(s.cachedSymbols), when(s.lastFetchAt))}
      </p>
      {s.degradedReason && <p class="error">{t('cache_degraded', s.degradedReason)}</p>}
      <button type="button" disabled={busy} onClick={() => void clear()}>
        {t('cache_clear')}
      </button>{' '}
      <span class="muted">{t('cache_clearHelp')}</span>
    </div>
  );
}
