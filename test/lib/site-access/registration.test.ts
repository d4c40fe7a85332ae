import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_MATCHES } from '../../../lib/site-access/default-sites';
import {
  ALL_SITES_ID,
  desiredRegistrations,
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
