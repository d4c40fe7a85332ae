import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../lib/messaging/client';
import type { Reply } from '../../lib/messaging/envelope';
import type { DataLayerStatus } from '../../lib/messaging/protocol';

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : 'never';
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

  if (!status) return <p class="muted">Reading the cache…</p>;
  if (!status.ok) return <p class="error">{status.error}</p>;
  const s = status.data;
  return (
    <div class="cache-panel" data-testid="cache-panel">
      <p>
        {s.cachedSymbols} symbols cached in{' '}
        {s.storage === 'indexeddb' ? 'IndexedDB' : 'memory only'}. Last fetch: {when(s.lastFetchAt)}
        .
      </p>
      {s.degradedReason && (
        <p class="error">
          {s.degradedReason}: data is kept only while the browser runs, and the bundled snapshot
          fills in.
        </p>
      )}
      <button type="button" disabled={busy} onClick={() => void clear()}>
        Clear cache
      </button>{' '}
      <span class="muted">Keeps your settings; the bundled snapshot is loaded again.</span>
    </div>
  );
}
