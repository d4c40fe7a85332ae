import { useState } from 'preact/hooks';
import { normalizeHostname } from '../../lib/settings/schema';

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
      setError('Enter a site such as reuters.com');
      return;
    }
    setError('');
    setInput('');
    onChange([...new Set([...sites, host])]);
  }

  return (
    <fieldset>
      <legend>Sites where R2K Lens stays off</legend>
      {sites.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul class="sites">
          {sites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button
                type="button"
                aria-label={`Turn R2K Lens back on for ${site}`}
                onClick={() => onChange(sites.filter((x) => x !== site))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} class="add-site">
        <label class="visually-hidden" for="add-site-input">
          Site to switch off
        </label>
        <input
          id="add-site-input"
          type="text"
          name="site"
          placeholder="example.com"
          value={input}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'add-site-error' : undefined}
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit">Add</button>
      </form>
      {error && (
        <p class="error" id="add-site-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
