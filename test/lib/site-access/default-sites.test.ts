import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SITES,
  DEFAULT_SITE_MATCHES,
  LOCAL_PAGE_MATCHES,
  siteMatchPattern,
} from '../../../lib/site-access/default-sites';
import { isMatchPattern } from '../../../lib/site-access/match-pattern';

describe('default sites', () => {
  it('are valid, distinct HTTPS patterns of the host and its subdomains', () => {
    expect(new Set(DEFAULT_SITES.map((s) => s.host)).size).toBe(DEFAULT_SITES.length);
    for (const pattern of DEFAULT_SITE_MATCHES) {
      expect(isMatchPattern(pattern)).toBe(true);
      // Fallback-origin matching (about:blank frames) needs the path to be exactly /*.
      expect(pattern).toMatch(/^https:\/\/\*\.[a-z0-9.-]+\/\*$/);
    }
    for (const pattern of LOCAL_PAGE_MATCHES) {
      expect(pattern).toMatch(/^http:\/\/(127\.0\.0\.1|\*\.localhost)\/\*$/);
    }
  });

  it('are the ones the README lists, in the same order', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### Sites it runs on'));
    const rows = [...section.matchAll(/^\| ([^|]+?) +\| `([a-z0-9.-]+)` +\| `([^`]+)` +\|/gm)];
    expect(rows.map((m) => [m[1], m[2], m[3]])).toEqual(
      DEFAULT_SITES.map((s) => [s.name, s.host, siteMatchPattern(s.host)]),
    );
  });
});
