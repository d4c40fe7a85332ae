/**
 * What a content script may know of the settings: whether to run on its page and how to detect
 * and show mentions there. Nothing else leaves the trusted side (not the list of switched-off
 * sites, the benchmarks, the data source or the API key), because content scripts are treated
 * as possibly compromised renderers. The background builds it from the sender's page, not from
 * anything the content script claims.
 */
import {
  isDetectionDisabled,
  numberLocaleOf,
  type DetectionSensitivity,
  type Settings,
  type Theme,
} from './schema';
import type { QuoteSiteId } from '../links/quote-sites';

/** Why R2K Lens does nothing on a page. */
export type PageOffReason =
  /** Paused on every site (options). */
  | 'paused'
  /** The user switched this site off ("Stop on this site", or the options' site list). */
  | 'site-off'
  /** The page is not on a site R2K Lens may run on (access was revoked). */
  | 'no-access';

export interface PageSettings {
  /** Whether the content script should scan this page and open cards. */
  active: boolean;
  /** Why not, when `active` is false. */
  reason: PageOffReason | null;
  sensitivity: DetectionSensitivity;
  companyNames: boolean;
  theme: Theme;
  /** Where the card's quote link goes (see `quote-sites.ts`). */
  quoteSite: QuoteSiteId;
  /** Locale to write numbers in, or `null` for the browser's own. */
  numberLocale: string | null;
}

/**
 * The page settings for a page on `hostname`. `covered` says whether R2K Lens has access to the
 * page (one of the default sites, a site the user allowed, or all sites); `hostname` is empty
 * for frames without one (about:blank inherits its parent's, which the caller passes instead).
 */
export function pageSettingsFor(
  settings: Settings,
  hostname: string,
  covered: boolean,
): PageSettings {
  const reason: PageOffReason | null = settings.detection.paused
    ? 'paused'
    : !covered
      ? 'no-access'
      : isDetectionDisabled(settings.detection, hostname)
        ? 'site-off'
        : null;
  return {
    active: reason === null,
    reason,
    sensitivity: settings.detection.sensitivity,
    companyNames: settings.detection.companyNames,
    theme: settings.appearance.theme,
    quoteSite: settings.detection.quoteSite,
    numberLocale: numberLocaleOf(settings.appearance.numberFormat) ?? null,
  };
}

/** True when a settings change can change what a content script is told (so tabs are told to ask again). */
export function pageSettingsChanged(before: Settings, after: Settings): boolean {
  return pageRelevant(before) !== pageRelevant(after);
}

function pageRelevant(s: Settings): string {
  return JSON.stringify([s.detection, s.appearance.theme, s.appearance.numberFormat]);
}
