import { describe, expect, it } from 'vitest';
import {
  anyPatternCovers,
  coversEverySite,
  isMatchPattern,
  patternCovers,
  sitePatternOf,
} from '../../../lib/site-access/match-pattern';

describe('match patterns', () => {
  it('cover a host and its subdomains, over the given scheme only', () => {
    const p = 'https://*.reuters.com/*';
    expect(patternCovers(p, 'https://reuters.com/')).toBe(true);
    expect(patternCovers(p, 'https://www.reuters.com/markets/us/?x=1')).toBe(true);
    expect(patternCovers(p, 'http://www.reuters.com/')).toBe(false);
    expect(patternCovers(p, 'https://notreuters.com/')).toBe(false);
    expect(patternCovers(p, 'https://reuters.com.evil.example/')).toBe(false);
  });

  it('ignore ports, as the browsers do', () => {
    expect(patternCovers('http://127.0.0.1/*', 'http://127.0.0.1:47800/news.html')).toBe(true);
    expect(patternCovers('http://localhost/*', 'http://localhost:3000/')).toBe(true);
  });

  it('match paths as globs', () => {
    expect(patternCovers('http://127.0.0.1/attack*', 'http://127.0.0.1:1/attacker.html')).toBe(
      true,
    );
    expect(patternCovers('http://127.0.0.1/attack*', 'http://127.0.0.1:1/news.html')).toBe(false);
  });

  it('know the every-site patterns', () => {
    for (const p of ['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*']) {
      expect(coversEverySite(p)).toBe(true);
    }
    expect(coversEverySite('https://*.reuters.com/*')).toBe(false);
    expect(anyPatternCovers(['http://*/*', 'https://*/*'], 'https://example.org/a')).toBe(true);
    expect(patternCovers('<all_urls>', 'chrome://extensions/')).toBe(false);
  });

  it('reject what is not a pattern or not a web page', () => {
    expect(isMatchPattern('reuters.com')).toBe(false);
    expect(isMatchPattern('https://*.reuters.com/*')).toBe(true);
    expect(patternCovers('nonsense', 'https://example.org/')).toBe(false);
    expect(patternCovers('https://*/*', 'not a url')).toBe(false);
  });

  it('give "Run on this site" the pattern of exactly the page’s site', () => {
    expect(sitePatternOf('https://news.example.org:8443/a/b?c#d')).toBe(
      'https://news.example.org/*',
    );
    expect(sitePatternOf('http://127.0.0.1:47800/x')).toBe('http://127.0.0.1/*');
    for (const url of ['chrome://newtab/', 'about:blank', 'file:///tmp/x.html', 'nope']) {
      expect(sitePatternOf(url)).toBeNull();
    }
  });
});
