import { useState } from 'preact/hooks';
import { normalizeHostname } from '../../lib/settings/schema';
import { t } from '../../lib/i18n/translate';

/** The sites where R2K Lens stays off ("Stop on this site" in the popup adds to this list). */
export function DisabledSites({
  sites,
  onChange,
}: {
  sites: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');

  function add(event: Event) {
    event.preventDefault();
    const host = normalizeHostname(input);
    if (!host) {
      setError(t('disabled_invalid'));
      return;
    }
    setError('');
    setInput('');
    onChange([...new Set([...sites, host])]);
  }

  return (
    <fieldset>
      <legend>{t('disabled_legend')}</legend>
      {sites.length === 0 ? (
        <p class="muted">{t('disabled_none')}</p>
      ) : (
        <ul class="sites">
          {sites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button
                type="button"
                aria-label={t('disabled_removeLabel', site)}
                onClick={() => onChange(sites.filter((x) => x !== site))}
              >
                {t('disabled_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} class="add-site">
        <label class="visually-hidden" for="add-site-input">
          {t('disabled_inputLabel')}
        </label>
        <input
          id="add-site-input"
          type="text"
          name="site"
          placeholder={t('disabled_placeholder')}
          value={input}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'add-site-error' : undefined}
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit">{t('disabled_add')}</button>
      </form>
      {error && (
        <p class="error" id="add-site-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
