import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  grantedAccess,
  templateFromManifest,
  type GrantedAccess,
  type ManifestForAccess,
} from '../../lib/site-access/registration';

/** Where R2K Lens may run, as the extension pages see it. */
export interface SiteAccessView {
  /** What the user granted (all sites, single sites). */
  granted: GrantedAccess;
  /** The content script's manifest matches (the default sites). */
  defaultMatches: string[];
}

/** Reads the granted host permissions and the manifest's content-script matches. */
export async function readSiteAccess(): Promise<SiteAccessView> {
  const manifest = browser.runtime.getManifest() as ManifestForAccess;
  const all = await browser.permissions.getAll();
  return {
    granted: grantedAccess(all.origins ?? [], manifest),
    defaultMatches: templateFromManifest(manifest)?.excludeMatches ?? [],
  };
}

/**
 * The current site access (null until read), read again whenever permissions change (here, in
 * another R2K Lens page, or in the browser's extension settings).
 */
export function useSiteAccess(): SiteAccessView | null {
  const [view, setView] = useState<SiteAccessView | null>(null);
  useEffect(() => {
    let alive = true;
    const read = () => {
      void readSiteAccess().then((v) => alive && setView(v));
    };
    read();
    browser.permissions.onAdded.addListener(read);
    browser.permissions.onRemoved.addListener(read);
    return () => {
      alive = false;
      browser.permissions.onAdded.removeListener(read);
      browser.permissions.onRemoved.removeListener(read);
    };
  }, []);
  return view;
}
