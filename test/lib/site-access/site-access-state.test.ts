import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_MATCHES } from '../../../lib/site-access/default-sites';
import { isRunning, siteAccessFor } from '../../../lib/site-access/site-access-state';

const base = {
  defaultMatches: DEFAULT_SITE_MATCHES,
  granted: { allSites: false, sites: [] as string[] },
  detection: { paused: false, disabledSites: [] as string[] },
};

describe('site access of a page', () => {
  it('is unsupported off the web', () => {
    for (const url of [undefined, 'chrome://newtab/', 'about:blank', 'file:///x.html']) {
      expect(siteAccessFor({ ...base, url })).toEqual({ kind: 'unsupported' });
    }
  });

  it('runs on a default site', () => {
    const state = siteAccessFor({ ...base, url: 'https://www.reuters.com/markets/' });
    expect(state).toEqual({
      kind: 'web',
      host: 'www.reuters.com',
      sitePattern: 'https://www.reuters.com/*',
      source: 'default',
      switchedOff: null,
      paused: false,
    });
    expect(isRunning(state)).toBe(true);
  });

  it('does not run on another site until it is allowed, alone or with all sites', () => {
    const url = 'https://news.example.org/story';
    expect(siteAccessFor({ ...base, url })).toMatchObject({ source: null });
    expect(isRunning(siteAccessFor({ ...base, url }))).toBe(false);
    expect(
      siteAccessFor({
        ...base,
        url,
        granted: { allSites: false, sites: ['https://news.example.org/*'] },
      }),
    ).toMatchObject({ source: 'site' });
    expect(siteAccessFor({ ...base, url, granted: { allSites: true, sites: [] } })).toMatchObject({
      source: 'all-sites',
    });
  });

  it('knows a site switched off and a global pause', () => {
    const off = siteAccessFor({
      ...base,
      url: 'https://markets.ft.com/data',
      detection: { paused: false, disabledSites: ['ft.com'] },
    });
    expect(off).toMatchObject({ source: 'default', switchedOff: 'ft.com' });
    expect(isRunning(off)).toBe(false);
    const paused = siteAccessFor({
      ...base,
      url: 'https://www.cnbc.com/',
      detection: { paused: true, disabledSites: [] },
    });
    expect(isRunning(paused)).toBe(false);
  });
});
