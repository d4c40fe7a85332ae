/**
 * WebExtension match patterns (`https://*.example.com/*`, `<all_urls>`, any-host ones) as the
 * browsers read them, for deciding which pages a pattern covers. Ports are ignored, as in both
 * browsers' patterns; a path is a glob where `*` matches anything.
 */

interface ParsedPattern {
  schemes: readonly string[];
  /** `null`: any host. */
  host: string | null;
  subdomains: boolean;
  path: RegExp;
}

const ANY_SCHEME = ['http', 'https'];

function parse(pattern: string): ParsedPattern | null {
  if (pattern === '<all_urls>') {
    return {
      schemes: ['http', 'https', 'file', 'ftp', 'ws', 'wss'],
      host: null,
      subdomains: true,
      path: /^/,
    };
  }
  const m = /^(\*|https?|wss?|file|ftp):\/\/(\*|\*\.[^/*:]+|[^/*:]+)?(?::\d+|:\*)?(\/.*)$/.exec(
    pattern,
  );
  if (!m) return null;
  const [, scheme, rawHost = '', path = '/'] = m;
  const host =
    rawHost === '*' || rawHost === '' ? null : rawHost.replace(/^\*\./, '').toLowerCase();
  const glob = path
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return {
    schemes: scheme === '*' ? ANY_SCHEME : [scheme as string],
    host,
    subdomains: rawHost.startsWith('*'),
    path: new RegExp(`^${glob}$`),
  };
}

/** True when `pattern` is a valid match pattern this module understands. */
export function isMatchPattern(pattern: string): boolean {
  return parse(pattern) !== null;
}

/** True when the page at `url` is covered by `pattern`. Invalid URLs and patterns cover nothing. */
export function patternCovers(pattern: string, url: string): boolean {
  const p = parse(pattern);
  if (!p) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const scheme = u.protocol.replace(/:$/, '');
  if (!p.schemes.includes(scheme)) return false;
  const host = u.hostname.toLowerCase();
  if (p.host !== null && host !== p.host && !(p.subdomains && host.endsWith(`.${p.host}`))) {
    return false;
  }
  return p.path.test(u.pathname + u.search);
}

/** True when any of `patterns` covers `url`. */
export function anyPatternCovers(patterns: readonly string[], url: string): boolean {
  return patterns.some((pattern) => patternCovers(pattern, url));
}

/** True for a pattern that covers every site of its schemes (`<all_urls>`, or a `*` host with any path). */
export function coversEverySite(pattern: string): boolean {
  const p = parse(pattern);
  return p !== null && p.host === null && p.path.test('/anything');
}

/**
 * The pattern that covers exactly the site of `url` (its scheme and host, every path), for
 * "Run on this site"; `null` for pages that are not http(s).
 */
export function sitePatternOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname === '') return null;
  return `${u.protocol}//${u.hostname}/*`;
}
