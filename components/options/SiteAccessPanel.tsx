import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALL_SITES_ORIGINS, DEFAULT_SITES } from '../../lib/site-access/default-sites';
import { useSiteAccess } from '../ui/use-site-access';
import { formatCount } from '../../lib/format/figures';
import { t } from '../../lib/i18n/translate';

const KIND_LABEL = {
  news: 'sites_kindNews',
  data: 'sites_kindData',
  discussion: 'sites_kindDiscussion',
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
  if (!access) return <p class="muted">{t('sites_reading')}</p>;
  const { granted } = access;

  async function setAllSites(on: boolean) {
    setBusy(true);
    try {
      if (on) {
        const ok = await browser.permissions.request({ origins: [...ALL_SITES_ORIGINS] });
        onStatus(ok ? t('sites_allOn') : t('sites_allRefused'));
      } else {
        await browser.permissions.remove({ origins: [...ALL_SITES_ORIGINS] });
        onStatus(t('sites_allOff'));
      }
    } catch (error) {
      onStatus(t('sites_changeFailed', error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  }

  async function removeSite(site: string) {
    await browser.permissions.remove({ origins: [site] });
    onStatus(t('sites_removed', siteName(site)));
  }

  const kinds = ['news', 'data', 'discussion'] as const;
  return (
    <div class="site-access" data-testid="site-access">
      <details>
        <summary>{t('sites_defaults', formatCount(DEFAULT_SITES.length))}</summary>
        {kinds.map((kind) => (
          <p key={kind} class="default-sites">
            <strong>{t('sites_kindLabel', t(KIND_LABEL[kind]))}</strong>{' '}
            {t(
              'sites_kindList',
              DEFAULT_SITES.filter((s) => s.kind === kind)
                .map((s) => t('sites_siteHost', s.name, s.host))
                .join(', '),
            )}
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
        {t('sites_allSites')} <span class="muted">{t('sites_allSitesHelp')}</span>
      </label>
      <fieldset>
        <legend>{t('sites_otherLegend')}</legend>
        {granted.sites.length === 0 ? (
          <p class="muted">{t('sites_otherNone')}</p>
        ) : (
          <ul class="sites">
            {granted.sites.map((site) => (
              <li key={site}>
                {siteName(site)}{' '}
                <button
                  type="button"
                  aria-label={t('sites_stopLabel', siteName(site))}
                  onClick={() => void removeSite(site)}
                >
                  {t('disabled_remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {granted.allSites && granted.sites.length > 0 && (
          <p class="muted">{t('sites_coveredAnyway')}</p>
        )}
      </fieldset>
    </div>
  );
}
