import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../lib/messaging/client';
import { isPlausibleApiKey } from '../../lib/settings/api-key-format';
import type { ApiKeyStatus } from '../../lib/settings/api-key-store';

/** Origin the Twelve Data provider fetches from: an optional host permission, asked for here. */
const TWELVE_DATA_ORIGIN = 'https://api.twelvedata.com/*';

function describe(status: ApiKeyStatus): string {
  if (!status.set) return 'No key saved.';
  const where =
    status.storage === 'indexeddb'
      ? 'on this device'
      : `until the browser closes (${status.degradedReason ?? 'IndexedDB unavailable'})`;
  return `A key ending in …${status.hint} is saved ${where}.`;
}

/**
 * The Twelve Data API key. The background keeps it (in its own IndexedDB, never synced, never
 * readable by content scripts); this page only ever learns whether one is saved and its last four
 * characters. Saving a key also asks for the permission to reach api.twelvedata.com.
 */
export function ApiKeyField() {
  const [status, setStatus] = useState<ApiKeyStatus | null>(null);
  const [draft, setDraft] = useState('');
  const [shown, setShown] = useState(false);
  const [message, setMessage] = useState('');
  useEffect(() => {
    void sendToBackground('getApiKeyStatus', {}).then((r) => {
      if (r.ok) setStatus(r.data);
      else setMessage(r.error);
    });
  }, []);

  async function store(key: string) {
    const reply = await sendToBackground('setApiKey', { key });
    if (!reply.ok) {
      setMessage(reply.error);
      return null;
    }
    setStatus(reply.data);
    return reply.data;
  }

  async function save(event: Event) {
    event.preventDefault();
    const value = draft.trim();
    if (value === '' || !isPlausibleApiKey(value)) {
      setMessage('That does not look like a Twelve Data key (16-64 letters and digits).');
      return;
    }
    const granted = await browser.permissions.request({ origins: [TWELVE_DATA_ORIGIN] });
    if (!(await store(value))) return;
    setDraft('');
    setMessage(
      granted
        ? 'Key saved on this device.'
        : 'Key saved, but R2K Lens may not contact api.twelvedata.com until you allow it.',
    );
  }

  async function remove() {
    if (await store('')) setMessage('Key removed.');
  }

  const inputProps = {
    name: 'twelveDataApiKey',
    autoComplete: 'off',
    spellcheck: false,
    value: draft,
    onInput: (e: Event) => setDraft((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <form class="api-key" onSubmit={(e) => void save(e)}>
      <p data-testid="api-key-status">{status ? describe(status) : 'Reading…'}</p>
      <label>
        {status?.set ? 'Replace the key' : 'Twelve Data API key'}{' '}
        {shown ? <input type="text" {...inputProps} /> : <input type="password" {...inputProps} />}
      </label>
      <button type="button" onClick={() => setShown(!shown)}>
        {shown ? 'Hide' : 'Show'}
      </button>
      <button type="submit">Save key</button>
      {status?.set && (
        <button type="button" onClick={() => void remove()}>
          Remove key
        </button>
      )}
      <p class="muted">
        Kept only in this browser (not synced, not exported, never shown to web pages). Sent only to
        api.twelvedata.com.
      </p>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
