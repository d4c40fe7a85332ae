import { browser, type Browser } from 'wxt/browser';
import type { Reply } from '../../lib/messaging/envelope';
import { senderPageUrl, type SenderInfo } from '../../lib/messaging/sender';
import { pageSettingsFor, type PageSettings } from '../../lib/settings/page-settings';
import { loadSettings } from '../../lib/settings/store';
import { anyPatternCovers } from '../../lib/site-access/match-pattern';
import {
  desiredRegistrations,
  grantedAccess,
  registrationChanges,
  templateFromManifest,
  type GrantedAccess,
  type ManifestForAccess,
} from '../../lib/site-access/registration';
import { siteAccessFor } from '../../lib/site-access/site-access-state';

function manifest(): ManifestForAccess {
  return browser.runtime.getManifest() as ManifestForAccess;
}

/** The content script's manifest matches (the default sites; local pages too in test builds). */
export function defaultMatches(): string[] {
  return templateFromManifest(manifest())?.excludeMatches ?? [];
}

/** What the user granted beyond the manifest, as the browser keeps it. */
export async function currentAccess(): Promise<GrantedAccess> {
  const all = await browser.permissions.getAll();
  return grantedAccess(all.origins ?? [], manifest());
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Makes the registered content scripts match the granted permissions: "all sites" or each
 * allowed site gets the manifest's content script; revoked ones lose it. Runs one at a time
 * (permission events can arrive together) and recomputes from the browser's own state each time,
 * so a worker restarted between events loses nothing.
 */
export function syncContentScripts(): Promise<void> {
  const run = queue.then(async () => {
    const template = templateFromManifest(manifest());
    if (!template) return;
    const desired = desiredRegistrations(template, await currentAccess());
    const registered = await browser.scripting.getRegisteredContentScripts();
    const { unregister, register } = registrationChanges(registered, desired);
    if (unregister.length > 0)
      await browser.scripting.unregisterContentScripts({ ids: unregister });
    if (register.length > 0) {
      await browser.scripting.registerContentScripts(
        register as Browser.scripting.RegisteredContentScript[],
      );
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

function isReply(value: unknown): value is Reply<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

/**
 * After a grant: tabs already open on the newly allowed sites get the content script now, so
 * "Run on this site" works without a reload. A tab whose content script is already there (it was
 * stopped, not removed) is left to restart itself on the settings event that follows. For "all
 * sites", only the active tab of each window is started (the others start on their next load).
 */
export async function startInOpenTabs(origins: readonly string[]): Promise<void> {
  const template = templateFromManifest(manifest());
  if (!template) return;
  const granted = grantedAccess(origins, manifest());
  if (!granted.allSites && granted.sites.length === 0) return;
  // Tab URLs are readable for the sites just granted; the matching is done here, with the same
  // pattern rules the browser uses.
  const tabs = (await browser.tabs.query(granted.allSites ? { active: true } : {})).filter(
    (tab) =>
      tab.url !== undefined &&
      (granted.allSites
        ? anyPatternCovers(['http://*/*', 'https://*/*'], tab.url)
        : anyPatternCovers(granted.sites, tab.url)) &&
      !anyPatternCovers(template.excludeMatches, tab.url),
  );
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    const alive = await browser.tabs
      .sendMessage(tab.id, { type: 'getPageSymbols', data: {} }, { frameId: 0 })
      .then(isReply, () => false);
    if (alive) continue;
    const target = { tabId: tab.id, allFrames: template.allFrames };
    try {
      // The manifest's own file names (WXT's typed public paths do not list build outputs).
      if (template.css) await browser.scripting.insertCSS({ target, files: template.css });
      await browser.scripting.executeScript({ target, files: template.js as never[] });
    } catch (error) {
      console.warn('R2K Lens: could not start on an open tab', error);
    }
  }
}

/**
 * The page settings for the content script that sent a message: whether R2K Lens may and should
 * run on the sender's page (from the browser-reported sender URL and the granted permissions),
 * and how.
 */
export async function pageSettingsForSender(sender: SenderInfo): Promise<PageSettings> {
  const settings = await loadSettings();
  const url = senderPageUrl(sender);
  if (url === null) return pageSettingsFor(settings, '', false);
  const access = siteAccessFor({
    url,
    defaultMatches: defaultMatches(),
    granted: await currentAccess(),
    detection: settings.detection,
  });
  return access.kind === 'web'
    ? pageSettingsFor(settings, access.host, access.source !== null)
    : pageSettingsFor(settings, '', false);
}
