/**
 * The sites R2K Lens runs on by default: financial news, market data and investor discussion.
 * One list that the manifest (the content script's `matches`, see entrypoints/content), the
 * options page and the README's table all come from (a test checks the README against it).
 * Every other site needs the user's say: "Run on this site" in the popup, or "all sites" in the
 * options (both optional host permissions, revocable).
 *
 * Each entry covers the host and its subdomains, over HTTPS only (all of them serve HTTPS).
 */

export interface DefaultSite {
  /** Registrable host, without `www.` (`reuters.com`). */
  host: string;
  name: string;
  kind: 'news' | 'data' | 'discussion';
}

export const DEFAULT_SITES: readonly DefaultSite[] = [
  { host: 'reuters.com', name: 'Reuters', kind: 'news' },
  { host: 'bloomberg.com', name: 'Bloomberg', kind: 'news' },
  { host: 'cnbc.com', name: 'CNBC', kind: 'news' },
  { host: 'marketwatch.com', name: 'MarketWatch', kind: 'news' },
  { host: 'wsj.com', name: 'The Wall Street Journal', kind: 'news' },
  { host: 'barrons.com', name: "Barron's", kind: 'news' },
  { host: 'ft.com', name: 'Financial Times', kind: 'news' },
  { host: 'investors.com', name: "Investor's Business Daily", kind: 'news' },
  { host: 'businessinsider.com', name: 'Business Insider (Markets Insider)', kind: 'news' },
  { host: 'benzinga.com', name: 'Benzinga', kind: 'news' },
  { host: 'thestreet.com', name: 'TheStreet', kind: 'news' },
  { host: 'fool.com', name: 'The Motley Fool', kind: 'news' },
  { host: 'investopedia.com', name: 'Investopedia', kind: 'news' },
  { host: 'kiplinger.com', name: 'Kiplinger', kind: 'news' },
  { host: 'finance.yahoo.com', name: 'Yahoo Finance', kind: 'data' },
  { host: 'nasdaq.com', name: 'Nasdaq', kind: 'data' },
  { host: 'morningstar.com', name: 'Morningstar', kind: 'data' },
  { host: 'zacks.com', name: 'Zacks', kind: 'data' },
  { host: 'finviz.com', name: 'Finviz', kind: 'data' },
  { host: 'stockanalysis.com', name: 'Stock Analysis', kind: 'data' },
  { host: 'marketbeat.com', name: 'MarketBeat', kind: 'data' },
  { host: 'tradingview.com', name: 'TradingView', kind: 'data' },
  { host: 'seekingalpha.com', name: 'Seeking Alpha', kind: 'discussion' },
  { host: 'stocktwits.com', name: 'Stocktwits', kind: 'discussion' },
  { host: 'reddit.com', name: 'Reddit', kind: 'discussion' },
];

/** The match pattern of a default site: the host and its subdomains, HTTPS. */
export function siteMatchPattern(host: string): string {
  return `https://*.${host}/*`;
}

/** Match patterns of every default site, in list order (the content script's `matches`). */
export const DEFAULT_SITE_MATCHES: readonly string[] = DEFAULT_SITES.map((s) =>
  siteMatchPattern(s.host),
);

/**
 * Pages of the local test servers (`http://127.0.0.1/*`, `http://localhost/*` and its
 * subdomains, any port: the benchmarks open each page on a new `rN.localhost` site to get a new
 * renderer process). Added to the content script's matches only by the build-time switch
 * `R2K_LOCAL_PAGES=1`, which `npm run build:e2e` and the benchmarks set; never in a shipped build
 * (a test checks the built manifests).
 */
export const LOCAL_PAGE_MATCHES: readonly string[] = ['http://127.0.0.1/*', 'http://*.localhost/*'];

/** The optional host permission behind "Run on all sites". */
export const ALL_SITES_ORIGINS: readonly string[] = ['http://*/*', 'https://*/*'];
