import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_MATCHES } from '../../../lib/site-access/default-sites';
import {
  ALL_SITES_ID,
  desiredRegistrations,
  extensionPath,
  grantedAccess,
  registrationChanges,
  templateFromManifest,
  type ManifestForAccess,
  type ScriptTemplate,
} from '../../../lib/site-access/registration';

/** The parts of a built Chrome manifest that matter here, with the options the content script runs with. */
const MANIFEST: ManifestForAccess = {
  permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
  host_permissions: ['https://query1.finance.yahoo.com/*', 'https://stooq.com/*'],
  optional_host_permissions: ['https://api.twelvedata.com/*', 'http://*/*', 'https://*/*'],
  content_scripts: [
    {
      matches: [...DEFAULT_SITE_MATCHES],
      js: ['content-scripts/content.js'],
      css: ['content-scripts/content.css'],
      all_frames: true,
      match_origin_as_fallback: true,
      run_at: 'document_idle',
    },
  ],
};

/** Firefox MV2: hosts in `permissions`, optional origins in `optional_permissions`, match_about_blank. */
const FIREFOX_MANIFEST: ManifestForAccess = {
  permissions: [
    'storage',
    'alarms',
    'scripting',
    'activeTab',
    'https://query1.finance.yahoo.com/*',
    'https://stooq.com/*',
  ],
  optional_permissions: ['https://api.twelvedata.com/*', 'http://*/*', 'https://*/*'],
  content_scripts: [
    {
      matches: [...DEFAULT_SITE_MATCHES],
      js: ['content-scripts/content.js'],
      all_frames: true,
      match_about_blank: true,
    },
  ],
};

function template(): ScriptTemplate {
  const t = templateFromManifest(MANIFEST);
  if (!t) throw new Error('no template');
  return t;
}

describe('registration template', () => {
  it('copies the manifest content script’s files and options, excluding its own matches', () => {
    expect(template()).toEqual({
      js: ['content-scripts/content.js'],
      css: ['content-scripts/content.css'],
      excludeMatches: [...DEFAULT_SITE_MATCHES],
      allFrames: true,
      runAt: 'document_idle',
      matchOriginAsFallback: true,
      persistAcrossSessions: true,
    });
  });

  it('expresses Firefox’s match_about_blank with the fallback-origin option', () => {
    expect(templateFromManifest(FIREFOX_MANIFEST)).toMatchObject({
      allFrames: true,
      matchOriginAsFallback: true,
      runAt: 'document_idle',
    });
    expect(templateFromManifest({ content_scripts: [{ js: ['other.js'] }] })).toBeNull();
  });
});

/**
 * What Firefox 153's `runtime.getManifest()` returns for the built Firefox manifest (read from
 * the e2e build in Firefox ESR): files as full extension URLs, unset keys as null.
 */
const FIREFOX_RUNTIME_MANIFEST = {
  permissions: ['storage', 'alarms', 'scripting', 'activeTab', 'https://stooq.com/*'],
  content_scripts: [
    {
      all_frames: true,
      css: ['moz-extension://3f0e1c52-9d7b-4b8a-a1e3-2c4d5e6f7a80/content-scripts/content.css'],
      css_origin: 'author',
      exclude_globs: null,
      exclude_matches: null,
      include_globs: null,
      js: ['moz-extension://3f0e1c52-9d7b-4b8a-a1e3-2c4d5e6f7a80/content-scripts/content.js'],
      match_about_blank: null,
      match_origin_as_fallback: null,
      matches: [...DEFAULT_SITE_MATCHES],
      run_at: 'document_idle',
      world: 'ISOLATED',
    },
  ],
} as unknown as ManifestForAccess;

describe('registration template from Firefox’s runtime manifest', () => {
  it('finds the content script whose files Firefox lists as full URLs, and registers paths', () => {
    // Before: no template, so every page (default sites included) was refused in Firefox.
    expect(templateFromManifest(FIREFOX_RUNTIME_MANIFEST)).toEqual({
      js: ['content-scripts/content.js'],
      css: ['content-scripts/content.css'],
      excludeMatches: [...DEFAULT_SITE_MATCHES],
      allFrames: true,
      runAt: 'document_idle',
      matchOriginAsFallback: false,
      persistAcrossSessions: true,
    });
  });

  it('reads extension paths from URLs and leaves paths alone', () => {
    expect(extensionPath('moz-extension://abc/content-scripts/content.js')).toBe(
      'content-scripts/content.js',
    );
    expect(extensionPath('chrome-extension://abcdef/x/y.css')).toBe('x/y.css');
    expect(extensionPath('/content-scripts/content.js')).toBe('content-scripts/content.js');
    expect(extensionPath('content-scripts/content.js')).toBe('content-scripts/content.js');
  });
});

describe('granted access', () => {
  it('leaves out the manifest’s own hosts and the provider origin', () => {
    const origins = [
      ...DEFAULT_SITE_MATCHES,
      'https://query1.finance.yahoo.com/*',
      'https://stooq.com/*',
      'https://api.twelvedata.com/*',
      'https://news.example.org/*',
      'http://blog.example.com/*',
    ];
    expect(grantedAccess(origins, MANIFEST)).toEqual({
      allSites: false,
      sites: ['http://blog.example.com/*', 'https://news.example.org/*'],
    });
    expect(grantedAccess(origins, FIREFOX_MANIFEST).sites).toEqual([
      'http://blog.example.com/*',
      'https://news.example.org/*',
    ]);
  });

  it('recognises "all sites"', () => {
    expect(grantedAccess(['https://*/*', 'http://*/*'], MANIFEST)).toEqual({
      allSites: true,
      sites: [],
    });
    expect(grantedAccess(['<all_urls>'], MANIFEST).allSites).toBe(true);
  });
});

describe('desired registrations', () => {
  it('registers one script per allowed site, with the manifest’s options', () => {
    expect(
      desiredRegistrations(template(), { allSites: false, sites: ['https://a.example/*'] }),
    ).toEqual([
      { ...template(), id: 'r2k-site:https://a.example/*', matches: ['https://a.example/*'] },
    ]);
  });

  it('registers one script for all sites that skips the default ones (never twice on a page)', () => {
    const registrations = desiredRegistrations(template(), {
      allSites: true,
      sites: ['https://a.example/*'],
    });
    expect(registrations).toHaveLength(1);
    expect(registrations[0]).toMatchObject({
      id: ALL_SITES_ID,
      matches: ['http://*/*', 'https://*/*'],
      excludeMatches: [...DEFAULT_SITE_MATCHES],
      allFrames: true,
      matchOriginAsFallback: true,
      runAt: 'document_idle',
    });
  });

  it('registers nothing when nothing was granted', () => {
    expect(desiredRegistrations(template(), { allSites: false, sites: [] })).toEqual([]);
  });
});

function site(s: string) {
  const [registration] = desiredRegistrations(template(), { allSites: false, sites: [s] });
  if (!registration) throw new Error('no registration');
  return registration;
}

describe('registration changes', () => {
  it('adds what is missing, removes what was revoked, keeps what is right', () => {
    const a = site('https://a.example/*');
    const b = site('https://b.example/*');
    const c = site('https://c.example/*');
    expect(registrationChanges([a, b, { id: 'someone-else' }], [a, c])).toEqual({
      unregister: [b.id],
      register: [c],
    });
  });

  it('replaces a registration whose options no longer match the manifest (after an update)', () => {
    const a = site('https://a.example/*');
    const { matchOriginAsFallback: _dropped, ...stale } = { ...a, allFrames: false };
    expect(registrationChanges([stale], [a])).toEqual({ unregister: [a.id], register: [a] });
  });

  it('treats options the browser reports back in another order or with defaults as equal', () => {
    const a = site('https://a.example/*');
    const reported = { ...a, excludeMatches: a.excludeMatches.toReversed(), world: 'ISOLATED' };
    expect(registrationChanges([reported], [a])).toEqual({ unregister: [], register: [] });
  });
});
