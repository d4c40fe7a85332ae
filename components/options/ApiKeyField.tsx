import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { twelveDataKeyItem } from '../../lib/settings/store';

/** Origin the Twelve Data provider fetches from: an optional host permission, asked for here. */
const TWELVE_DATA_ORIGIN = 'https://api.twelvedata.com/*';

/**
 * The Twelve Data API key: kept in `storage.local` on this device only. Saving it also asks for
 * the permission to reach api.twelvedata.com (requested only by users who choose this source).
 */
export function ApiKeyField() {
  const [key, setKey] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [message, setMessage] = useState('');
  useEffect(() => {
    void twelveDataKeyItem.getValue().then(setKey);
  }, []);
  if (key === null) return null;

  async function save(event: Event) {
    event.preventDefault();
    const value = (key ?? '').trim();
    if (value && !/^[A-Za-z0-9]{16,64}$/.test(value)) {
      setMessage('That does not look like a Twelve Data key (16-64 letters and digits).');
      return;
    }
    const granted = value
      ? await browser.permissions.request({ origins: [TWELVE_DATA_ORIGIN] })
      : true;
    await twelveDataKeyItem.setValue(value);
    setMessage(
      !value
        ? 'Key removed.'
        : granted
          ? 'Key saved on this device.'
          : 'Key saved, but R2K Lens may not contact api.twelvedata.com until you allow it.',
    );
  }

  const inputProps = {
    name: 'twelveDataApiKey',
    autoComplete: 'off',
    spellcheck: false,
    value: key,
    onInput: (e: Event) => setKey((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <form class="api-key" onSubmit={save}>
      <label>
        Twelve Data API key{' '}
        {shown ? <input type="text" {...inputProps} /> : <input type="password" {...inputProps} />}
      </label>
      <button type="button" onClick={() => setShown(!shown)}>
        {shown ? 'Hide' : 'Show'}
      </button>
      <button type="submit">Save key</button>
      <p class="muted">
        Stored only in this browser (not synced). Sent only to api.twelvedata.com.
      </p>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
