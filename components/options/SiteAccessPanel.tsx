import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALL_SITES_ORIGINS, DEFAULT_SITES } from '../../lib/site-access/default-sites';
import { useSiteAccess } from '../ui/use-site-access';

const KIND_LABEL = {
  news: 'News',
  data: 'Quotes and market data',
  discussion: 'Investor discussion',
} as const;

/** "https://www.example.com/*" → "www.example.com" for display. */
function siteName(pattern: string): string {
  return pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/\*$/, '');
}

/**
 * Where R2K Lens runs: the default financial sites (always), every site (an optional permission,
 * asked for here and revocable), and the sites allowed one by one from the popup.
 */
export function SiteAccessPanel({ onStatus }: { onStatus: (text: string) => void }) {
  const access = useSiteAccess();
  const [busy, setBusy] = useState(false);
  if (!access) return <p class="muted">Reading site access…</p>;
  const { granted } = access;

  async function setAllSites(on: boolean) {
    setBusy(true);
    try {
      if (on) {
        const ok = await browser.permissions.request({ origins: [...ALL_SITES_ORIGINS] });
        onStatus(ok ? 'R2K Lens now runs on every site.' : 'Access to all sites was not granted.');
      } else {
        await browser.permissions.remove({ origins: [...ALL_SITES_ORIGINS] });
        onStatus('R2K Lens runs on the default sites and the ones you allowed.');
      }
    } catch (error) {
      onStatus(
        `Could not change site access: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setBusy(false);
    }
  }

  async function removeSite(site: string) {
    await browser.permissions.remove({ origins: [site] });
    onStatus(`R2K Lens no longer runs on ${siteName(site)}.`);
  }

  const kinds = ['news', 'data', 'discussion'] as const;
  return (
    <div class="site-access" data-testid="site-access">
      <details>
        <summary>
          By default R2K Lens runs on {DEFAULT_SITES.length} financial news, market-data and
          discussion sites
        </summary>
        {kinds.map((kind) => (
          <p key={kind} class="default-sites">
            <strong>{KIND_LABEL[kind]}:</strong>{' '}
            {DEFAULT_SITES.filter((s) => s.kind === kind)
              .map((s) => `${s.name} (${s.host})`)
              .join(', ')}
            .
          </p>
        ))}
      </details>
      <label>
        <input
          type="checkbox"
          name="allSites"
          checked={granted.allSites}
          disabled={busy}
          onChange={(e) => void setAllSites(e.currentTarget.checked)}
        />
        Run on every site{' '}
        <span class="muted">
          (the browser asks you first; you can take it back here or in the browser’s extension
          settings)
        </span>
      </label>
      <fieldset>
        <legend>Other sites you allowed</legend>
        {granted.sites.length === 0 ? (
          <p class="muted">
            None. On any other site, open R2K Lens from the toolbar and choose “Run on this site”.
          </p>
        ) : (
          <ul class="sites">
            {granted.sites.map((site) => (
              <li key={site}>
                {siteName(site)}{' '}
                <button
                  type="button"
                  aria-label={`Stop running on ${siteName(site)}`}
                  onClick={() => void removeSite(site)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        {granted.allSites && granted.sites.length > 0 && (
          <p class="muted">While “Run on every site” is on, these are covered anyway.</p>
        )}
      </fieldset>
    </div>
  );
}
