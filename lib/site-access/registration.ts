/**
 * Which content scripts the background registers at run time, from two facts the browser keeps
 * (so nothing here needs the service worker to remember anything): the manifest, and the host
 * permissions the user granted. Registrations copy the manifest's content script (files, frames,
 * run time, fallback-origin matching), so a page reached through "Run on this site" or "all
 * sites" gets exactly what a default site gets; they exclude the manifest's own matches, so no
 * page gets the script twice.
 */
import { coversEverySite } from './match-pattern';

/** The parts of a manifest content-script entry registration reads (manifest key spelling). */
export interface ManifestContentScript {
  matches?: string[];
  js?: string[];
  css?: string[];
  all_frames?: boolean;
  run_at?: string;
  match_about_blank?: boolean;
  match_origin_as_fallback?: boolean;
}

/** The parts of the manifest registration reads. */
export interface ManifestForAccess {
  content_scripts?: ManifestContentScript[];
  host_permissions?: string[];
  permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
}

/** A content script to register (`scripting.RegisteredContentScript`). */
export interface ScriptRegistration {
  id: string;
  js: string[];
  css?: string[];
  matches: string[];
  excludeMatches: string[];
  allFrames: boolean;
  runAt: 'document_start' | 'document_end' | 'document_idle';
  matchOriginAsFallback: boolean;
  persistAcrossSessions: boolean;
}

/** The registration options shared by every dynamic registration (everything but id and matches). */
export type ScriptTemplate = Omit<ScriptRegistration, 'id' | 'matches'>;

/** Prefix of every id this module registers (other ids are left alone). */
export const REGISTRATION_PREFIX = 'r2k-';
export const ALL_SITES_ID = `${REGISTRATION_PREFIX}all-sites`;

/** The R2K Lens content script's bundle (WXT's output name for entrypoints/content). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/**
 * A manifest file entry as a path inside the extension. Firefox's `runtime.getManifest()` lists a
 * content script's files as full URLs (`moz-extension://<uuid>/content-scripts/content.js`) where
 * the manifest file and Chrome say `content-scripts/content.js`; registrations take the path.
 */
export function extensionPath(file: string): string {
  return file.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i, '').replace(/^\//, '');
}

function runAtOf(value: string | undefined): ScriptRegistration['runAt'] {
  return value === 'document_start' || value === 'document_end' ? value : 'document_idle';
}

/**
 * The manifest's R2K Lens content script as a registration template, or `null` when the manifest
 * has none. `match_about_blank` has no registration counterpart; registrations express it with
 * `matchOriginAsFallback`, which covers about:blank and about:srcdoc frames too (and also data:
 * and blob: frames whose creator is a covered page). File names are paths inside the extension,
 * whichever browser's `getManifest()` the manifest comes from (see {@link extensionPath}).
 */
export function templateFromManifest(manifest: ManifestForAccess): ScriptTemplate | null {
  const entry = manifest.content_scripts?.find((c) =>
    c.js?.some((file) => extensionPath(file) === CONTENT_SCRIPT_FILE),
  );
  if (!entry?.js) return null;
  return {
    js: entry.js.map(extensionPath),
    ...(entry.css && entry.css.length > 0 ? { css: entry.css.map(extensionPath) } : {}),
    excludeMatches: [...(entry.matches ?? [])],
    allFrames: entry.all_frames ?? false,
    runAt: runAtOf(entry.run_at),
    matchOriginAsFallback: entry.match_origin_as_fallback ?? entry.match_about_blank ?? false,
    persistAcrossSessions: true,
  };
}

/** Host patterns the manifest itself asks for: required hosts and content-script matches. */
function manifestHosts(manifest: ManifestForAccess): Set<string> {
  const hosts = new Set<string>(manifest.host_permissions ?? []);
  for (const p of manifest.permissions ?? [])
    if (p.includes('://') || p === '<all_urls>') hosts.add(p);
  for (const c of manifest.content_scripts ?? []) for (const m of c.matches ?? []) hosts.add(m);
  return hosts;
}

/** Optional hosts that are not sites to read (the keyed provider's API origin). */
function optionalNonSiteHosts(manifest: ManifestForAccess): Set<string> {
  const optional = [
    ...(manifest.optional_host_permissions ?? []),
    ...(manifest.optional_permissions ?? []),
  ].filter((p) => p.includes('://'));
  return new Set(optional.filter((p) => !coversEverySite(p)));
}

/** What the user granted beyond the manifest, from `permissions.getAll().origins`. */
export interface GrantedAccess {
  /** "All sites" is granted. */
  allSites: boolean;
  /** Sites granted one by one ("Run on this site"), as match patterns, sorted. */
  sites: string[];
}

/** Splits granted origins into "all sites" and single sites, leaving out the manifest's own hosts and the provider origin. */
export function grantedAccess(
  origins: readonly string[],
  manifest: ManifestForAccess,
): GrantedAccess {
  const own = manifestHosts(manifest);
  const nonSite = optionalNonSiteHosts(manifest);
  const allSites = origins.some((o) => coversEverySite(o) && !own.has(o));
  const sites = [
    ...new Set(origins.filter((o) => !own.has(o) && !nonSite.has(o) && !coversEverySite(o))),
  ].toSorted();
  return { allSites, sites };
}

/**
 * The registrations that should exist: one for "all sites" when granted (every http(s) page but
 * the manifest's), otherwise one per granted site. Ids are stable, so comparing with what is
 * registered tells what to add and remove.
 */
export function desiredRegistrations(
  template: ScriptTemplate,
  access: GrantedAccess,
): ScriptRegistration[] {
  if (access.allSites) {
    return [{ ...template, id: ALL_SITES_ID, matches: ['http://*/*', 'https://*/*'] }];
  }
  return access.sites.map((site) => ({
    ...template,
    id: `${REGISTRATION_PREFIX}site:${site}`,
    matches: [site],
  }));
}

/** A registered script as the browser reports it (optional fields may be missing). */
export interface RegisteredScript {
  id: string;
  js?: string[];
  css?: string[];
  matches?: string[];
  excludeMatches?: string[];
  allFrames?: boolean;
  runAt?: string;
  matchOriginAsFallback?: boolean;
  persistAcrossSessions?: boolean;
}

function sorted(list: readonly string[] | undefined): string[] {
  return [...(list ?? [])].toSorted();
}

function fingerprint(r: RegisteredScript): string {
  return JSON.stringify([
    sorted(r.js),
    sorted(r.css),
    sorted(r.matches),
    sorted(r.excludeMatches),
    r.allFrames ?? false,
    r.runAt ?? 'document_idle',
    r.matchOriginAsFallback ?? false,
  ]);
}

/**
 * What to change so that the registered scripts are the desired ones: ids to unregister (ours
 * that are no longer wanted or differ from what is wanted, e.g. after an update changed the
 * manifest's options) and registrations to add.
 */
export function registrationChanges(
  registered: readonly RegisteredScript[],
  desired: readonly ScriptRegistration[],
): { unregister: string[]; register: ScriptRegistration[] } {
  const ours = registered.filter((r) => r.id.startsWith(REGISTRATION_PREFIX));
  const wanted = new Map(desired.map((d) => [d.id, d]));
  const keep = new Set<string>();
  const unregister: string[] = [];
  for (const r of ours) {
    const d = wanted.get(r.id);
    if (d && fingerprint(d) === fingerprint(r)) keep.add(r.id);
    else unregister.push(r.id);
  }
  return { unregister, register: desired.filter((d) => !keep.has(d.id)) };
}
