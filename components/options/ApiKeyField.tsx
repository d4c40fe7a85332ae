import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../lib/messaging/client';
import { isPlausibleApiKey } from '../../lib/settings/api-key-format';
import type { ApiKeyStatus } from '../../lib/settings/api-key-store';
import { t } from '../../lib/i18n/translate';

/** Origin the Twelve Data provider fetches from: an optional host permission, asked for here. */
const TWELVE_DATA_ORIGIN = 'https://api.twelvedata.com/*';

function describe(status: ApiKeyStatus): string {
  if (!status.set) return t('apikey_none');
  return status.storage === 'indexeddb'
    ? t('apikey_savedDevice', status.hint ?? '')
    : t('apikey_savedSession', status.hint ?? '', status.degradedReason ?? t('apikey_noIdb'));
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
      setMessage(t('apikey_invalid'));
      return;
    }
    const granted = await browser.permissions.request({ origins: [TWELVE_DATA_ORIGIN] });
    if (!(await store(value))) return;
    setDraft('');
    setMessage(granted ? t('apikey_saved') : t('apikey_savedNoPermission'));
  }

  async function remove() {
    if (await store('')) setMessage(t('apikey_removed'));
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
      <p data-testid="api-key-status">{status ? describe(status) : t('apikey_reading')}</p>
      <label>
        {status?.set ? t('apikey_replace') : t('apikey_label')}{' '}
        {shown ? <input type="text" {...inputProps} /> : <input type="password" {...inputProps} />}
      </label>
      <button type="button" onClick={() => setShown(!shown)}>
        {shown ? t('apikey_hide') : t('apikey_show')}
      </button>
      <button type="submit">{t('apikey_save')}</button>
      {status?.set && (
        <button type="button" onClick={() => void remove()}>
          {t('apikey_remove')}
        </button>
      )}
      <p class="muted">{t('apikey_help')}</p>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
