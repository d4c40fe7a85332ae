import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { normalizeHostname, type Settings } from '../../lib/settings/schema';
import { saveSettings } from '../../lib/settings/store';
import { patternCovers } from '../../lib/site-access/match-pattern';
import { siteAccessFor, type SiteAccess } from '../../lib/site-access/site-access-state';
import { useSiteAccess, type SiteAccessView } from '../ui/use-site-access';
import { t } from '../../lib/i18n/translate';

const SOURCE_TEXT = {
  default: 'site_sourceDefault',
  'all-sites': 'site_sourceAllSites',
  site: 'site_sourceSite',
} as const;

/** The tab the popup is about: the active tab of its window (its URL is readable through `activeTab`). */
async function activeTabUrl(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

/**
 * Whether R2K Lens runs on the current tab's site, with "Run on this site" and "Stop on this
 * site". Running on a site it has no access to asks the browser for that site (the prompt is the
 * browser's); the background then registers the content script there and starts it in the open
 * tab. Stopping removes a site the user allowed, or switches a default site off in the settings.
 */
export function SiteAccessRow({ settings }: { settings: Settings }) {
  const access = useSiteAccess();
  const [url, setUrl] = useState<string | undefined | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    void activeTabUrl().then(setUrl, () => setUrl(undefined));
  }, []);
  if (access === null || url === null) return null;
  const state = siteAccessFor({
    url,
    defaultMatches: access.defaultMatches,
    granted: access.granted,
    detection: settings.detection,
  });
  return (
    <section class="site-row" aria-label={t('popup_siteAccessLabel')} data-testid="site-access-row">
      <SiteLine state={state} />
      <SiteButtons
        state={state}
        url={url ?? ''}
        view={access}
        settings={settings}
        onMessage={setMessage}
      />
      {message && (
        <p class="muted" role="status">
          {message}
        </p>
      )}
    </section>
  );
}

function SiteLine({ state }: { state: SiteAccess }) {
  if (state.kind === 'unsupported') {
    return <p class="muted">{t('site_unsupported')}</p>;
  }
  if (state.paused) return <p>{t('site_paused')}</p>;
  if (state.source === null) return <p>{t('site_notRunning', state.host)}</p>;
  if (state.switchedOff !== null) {
    return (
      <p>
        {t('site_offOn', state.host)}{' '}
        <span class="muted">{t('site_switchedOff', state.switchedOff)}</span>
      </p>
    );
  }
  return (
    <p>
      {t('site_runningOn', state.host)} <span class="muted">{t(SOURCE_TEXT[state.source])}</span>
    </p>
  );
}

function SiteButtons({
  state,
  url,
  view,
  settings,
  onMessage,
}: {
  state: SiteAccess;
  /** The tab's URL. */
  url: string;
  view: SiteAccessView;
  settings: Settings;
  onMessage: (text: string) => void;
}) {
  if (state.kind === 'unsupported') return null;
  const detection = settings.detection;
  const save = (patch: Partial<Settings['detection']>) =>
    saveSettings({ ...settings, detection: { ...detection, ...patch } });

  if (state.paused) {
    return (
      <button type="button" onClick={() => void save({ paused: false })}>
        {t('site_resume')}
      </button>
    );
  }

  async function runHere() {
    if (state.kind !== 'web') return;
    if (state.source === null) {
      // First thing in the click handler: the browser only asks inside a user gesture.
      const granted = await browser.permissions.request({ origins: [state.sitePattern] });
      if (!granted) {
        onMessage(t('site_notAllowed', state.host));
        return;
      }
    }
    if (state.switchedOff !== null) {
      await save({ disabledSites: detection.disabledSites.filter((s) => s !== state.switchedOff) });
    }
    onMessage(t('site_nowRuns', state.host));
  }

  async function stopHere() {
    if (state.kind !== 'web') return;
    if (state.source === 'site') {
      const covering = view.granted.sites.filter((p) => patternCovers(p, url));
      await browser.permissions.remove({ origins: covering });
    } else {
      const site = normalizeHostname(state.host) ?? state.host;
      await save({ disabledSites: [...new Set([...detection.disabledSites, site])] });
    }
    onMessage(t('site_stopped', state.host));
  }

  const running = state.source !== null && state.switchedOff === null;
  return running ? (
    <button type="button" onClick={() => void stopHere()}>
      {t('site_stopHere')}
    </button>
  ) : (
    <button type="button" onClick={() => void runHere()}>
      {t('site_runHere')}
    </button>
  );
}
