import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../lib/messaging/client';
import type { DataLayerStatus, RefreshReport } from '../../lib/messaging/protocol';

function ago(iso: string | null): string {
  if (!iso) return 'never';
  const minutes = Math.round((Date.now() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : new Date(iso).toLocaleDateString();
}

function summary(r: RefreshReport): string {
  if (r.skipped) return r.skipped;
  const parts = [`${r.updated.length} updated`, `${r.unchanged.length} already current`];
  if (r.failed.length > 0)
    parts.push(`${r.failed.length} failed (${r.failed[0]?.symbol}: ${r.failed[0]?.message})`);
  return parts.join(', ');
}

/** Where the data stands (storage, market, last fetch) and the "Refresh now" button. */
export function DataBar({ onRefreshed }: { onRefreshed: () => void }) {
  const [status, setStatus] = useState<DataLayerStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState('');

  const load = () =>
    void sendToBackground('getDataStatus', {}).then((r) => r.ok && setStatus(r.data));
  useEffect(load, []);

  async function refresh() {
    setBusy(true);
    setResult('');
    const reply = await sendToBackground('refreshNow', {});
    setBusy(false);
    setResult(reply.ok ? summary(reply.data) : reply.error);
    load();
    onRefreshed();
  }

  return (
    <section class="data-bar" aria-label="Data status">
      {status?.storage === 'memory' && (
        <p class="error" role="alert">
          Storage unavailable ({status.degradedReason}): working from memory and the bundled
          snapshot.
        </p>
      )}
      <div class="data-line">
        <span class="muted">
          {status ? (
            <>
              US market {status.marketOpen ? 'open' : 'closed'} · last fetch{' '}
              {ago(status.lastFetchAt)}
            </>
          ) : (
            '…'
          )}
        </span>
        <button type="button" disabled={busy} onClick={() => void refresh()}>
          {busy ? 'Refreshing…' : 'Refresh now'}
        </button>
      </div>
      {result && (
        <p class="muted" role="status">
          {result}
        </p>
      )}
    </section>
  );
}
