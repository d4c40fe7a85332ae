/**
 * Where R2K Lens stands on one page, for the popup's site row and the background's
 * `getPageSettings`: whether it may run there (a default site, a site the user allowed, or all
 * sites), and whether the user switched it off there. Pure: the callers pass the manifest's
 * matches, the granted origins and the settings.
 */
import { hostMatchesSite, type DetectionSettings } from '../settings/schema';
import { anyPatternCovers, sitePatternOf } from './match-pattern';
import type { GrantedAccess } from './registration';

/** Why R2K Lens may run on a page. */
export type AccessSource = 'default' | 'all-sites' | 'site';

export type SiteAccess =
  /** Not a web page (browser pages, the store, files, the new tab page). */
  | { kind: 'unsupported' }
  | {
      kind: 'web';
      /** The page's host (`www.reuters.com`). */
      host: string;
      /** The pattern "Run on this site" asks for (`https://www.example.com/*`). */
      sitePattern: string;
      /** Why R2K Lens may run here, or `null` when it may not. */
      source: AccessSource | null;
      /** The switched-off site entry covering this host (`reuters.com`), if any. */
      switchedOff: string | null;
      paused: boolean;
    };

/** Inputs of {@link siteAccessFor}. */
export interface SiteAccessInput {
  url: string | undefined;
  /** The manifest content script's matches (the default sites, plus local pages in test builds). */
  defaultMatches: readonly string[];
  granted: GrantedAccess;
  detection: Pick<DetectionSettings, 'paused' | 'disabledSites'>;
}

/** The access state of the page at `url`. */
export function siteAccessFor(input: SiteAccessInput): SiteAccess {
  const { url } = input;
  const sitePattern = url === undefined ? null : sitePatternOf(url);
  if (url === undefined || sitePattern === null) return { kind: 'unsupported' };
  const host = new URL(url).hostname.toLowerCase();
  const source: AccessSource | null = anyPatternCovers(input.defaultMatches, url)
    ? 'default'
    : input.granted.allSites
      ? 'all-sites'
      : anyPatternCovers(input.granted.sites, url)
        ? 'site'
        : null;
  const switchedOff =
    input.detection.disabledSites.find((site) => hostMatchesSite(host, site)) ?? null;
  return { kind: 'web', host, sitePattern, source, switchedOff, paused: input.detection.paused };
}

/** True when the content script should be working on the page. */
export function isRunning(access: SiteAccess): boolean {
  return (
    access.kind === 'web' && access.source !== null && access.switchedOff === null && !access.paused
  );
}
