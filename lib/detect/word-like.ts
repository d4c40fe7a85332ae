/**
 * The rule that marks a symbol "word-like": a bare upper-case occurrence of it is more likely a
 * word, a heading or an abbreviation than a ticker, so it needs a strong ticker signal. Decided at
 * build time; never a hand-picked list of tickers.
 */

/**
 * Abbreviations common in English news and finance writing (roles, agencies, economic releases,
 * units, places, chat shorthand). Written from general usage, not from the corpus; only the ones
 * that collide with a listed symbol have any effect.
 */
export const COMMON_ABBREVIATIONS: ReadonlySet<string> = new Set(
  // roles and corporate terms
  (
    'CEO CFO COO CTO CIO CMO CSO CRO CCO CHRO EVP SVP VP MD GM HR PR IR IPO SPAC M&A LLC LLP INC ' +
    'CORP PLC LTD AG SA NV ETF ETN REIT BDC ESG EPS PE ROE ROI ROA EBIT EBITDA YOY QOQ YTD MTD ' +
    'ATH ATL EOD EOW HOD LOD AH PM AM IMO IMHO FYI LOL OMG WTF BTW TBH DD TA FA OTC ADR ADS ' +
    'NAV AUM IRA FICO SEO API SDK UI UX AI ML AR VR IOT SAAS PC TV EV EVS GPU CPU IT ID ' +
    // institutions, agencies, events
    'SEC FDA FTC DOJ FBI CIA IRS FED FOMC ECB BOJ BOE BOC RBA SNB PBOC IMF WHO WTO NATO OPEC ' +
    'UN EU UK US USA UAE GOP CDC NIH EPA NASA NHTSA FAA FCC CFTC FINRA NYSE CBOE CME ICE DTCC ' +
    'GDP CPI PPI PCE PMI ISM NFP JOLTS ADP GNP COVID SARS HIV AIDS DNA RNA MRNA CBD THC ' +
    // units, currencies, time, places
    'USD EUR GBP JPY CNY CAD AUD CHF HKD INR BTC ETH LNG LPG OIL GAS BBL MW GW KWH TWH ' +
    'EST EDT PST PDT GMT UTC CET BST ET PT CT NY NYC LA SF DC TX CA FL HK EM DM APAC EMEA LATAM ' +
    'CD DVD CNN BBC NBC CBS ABC ESPN NFL NBA MLB NHL FIFA MBA PHD JD RSS FAQ ASAP TBA TBD RIP OK ' +
    // markets, banking and regulation
    'WTI LBO MBO FCF PEG TAM SAM SOM DTC MBS CMBS RMBS CLO CDO CDS ABS SOFR LIBOR NIM NII LCR SLR ' +
    'GSIB SIFI OCC FDIC CFPB BIS FSB ECN ATS HFT VWAP TWAP AGM EGM NHS NSA DEA ATF DHS DOD DOE ' +
    'HBM DRAM NAND OEM ODM SKU KPI CAGR WACC DCF ROIC EV EBITDA FFO AFFO NOI LTV CAC ARR MRR ' +
    'G7 G20 BRICS ASEAN OECD WEF IEA EIA API CBO GAO USMCA NAFTA TPP WWII ' +
    // computing
    'URL URI HTML CSS JSON XML YAML CSV TSV PDF PNG JPG JPEG GIF SVG ZIP HTTP HTTPS FTP SSH SSL TLS ' +
    'DNS TCP UDP VPN LAN WAN USB SSD HDD RAM ROM CPU GPU OS IDE CLI GUI SQL NPM CWD TMP DSL UTF ' +
    'ASCII APP APPS DOM JS TS MIT GPL BSD ISC AWS GCP LLM GPT SMS MMS RGB HDR NFT DAO WIFI'
  ).split(' '),
);

/** Inputs of the word-like rule, built once per dictionary build. */
export interface WordLikeContext {
  /** Lower-case English words with their corpus counts (SUBTLEX-US, lib/detect/sources). */
  englishWordCounts: ReadonlyMap<string, number>;
  /** A word at least this frequent in the count list makes a symbol word-like. */
  minWordCount: number;
  /**
   * Upper-case tokens that appear in the security names of at least `minIssuerCount` issuers
   * other than the symbol's own (ETF, REIT, MSCI, USA): abbreviations the market itself uses
   * as words.
   */
  issuerNameAcronyms: ReadonlyMap<string, number>;
  minIssuerCount: number;
  /**
   * Upper-case lemmas of a general English dictionary (WordNet 3.1: FBI, DNA, PSA, ICU): the
   * letters are an acronym English already uses for something else.
   */
  dictionaryAcronyms: ReadonlySet<string>;
}

/** The issuer behind a symbol, as far as the word-like rule needs it. */
export interface Issuer {
  /** Directory security name ("Advanced Micro Devices, Inc. - Common Stock"). */
  name: string;
  /** An exchange-traded fund or note. */
  fund: boolean;
}

/** Small words acronyms skip ("Bank of America" → BOA is not counted, "BA" is). */
const INITIAL_SKIP = new Set(['of', 'and', 'the', '&', 'for', 'a', 'an', 'in', 'on', 'to']);

/** The issuer part of a directory name: before " - " and any security description. */
function issuerPart(name: string): string {
  return name.replace(/\s+-\s+.*$/, '').replace(/,?\s+(?:Inc|Corp|Ltd|plc|N\.V|S\.A)\b.*$/i, '');
}

/** The words of a name's issuer part, hyphenated parts split ("Asset-Based" → Asset, Based). */
function nameWords(name: string): string[] {
  return issuerPart(name)
    .split(/[\s\-/]+/)
    .filter((w) => /[A-Za-z0-9]/.test(w));
}

/**
 * Whether `symbol` is the issuer's own initials or first word: "Advanced Micro Devices" → AMD,
 * "ICU Medical" → ICU. The letters then name the company before any other sense.
 */
export function isOwnInitials(symbol: string, name: string): boolean {
  const words = nameWords(name);
  if (words[0] === symbol) return true;
  const initials = words
    .filter((w) => !INITIAL_SKIP.has(w.toLowerCase()))
    .map((w) => (/[A-Za-z0-9]/.exec(w)?.[0] ?? '').toUpperCase())
    .join('');
  return initials.startsWith(symbol);
}

/**
 * Whether a fund's symbol abbreviates an everyday phrase of its own name: the initials of a run of
 * consecutive ordinary English words (Direxion Work From Home ETF → WFH, VictoryShares
 * Asset-Based Income ETF → ABI). Prose writes the phrase's abbreviation far more often than the
 * fund.
 */
export function abbreviatesThemePhrase(
  symbol: string,
  name: string,
  isEnglishWord: (lower: string) => boolean,
): boolean {
  const words = nameWords(name);
  for (let i = 0; i + symbol.length <= words.length; i++) {
    let k = 0;
    while (
      k < symbol.length &&
      (words[i + k]?.charAt(0).toUpperCase() ?? '') === symbol.charAt(k) &&
      isEnglishWord((words[i + k] ?? '').toLowerCase())
    ) {
      k++;
    }
    if (k === symbol.length) return true;
  }
  return false;
}

/**
 * Whether a symbol is word-like (the language prior: its letters are more often an English word or
 * acronym than this ticker): one or two letters; a frequent English word (`ALL`, `NOW`, `CAT`);
 * a common abbreviation (`CEO`, `AI`); an upper-case word that several issuers use in their own
 * security names (`ETF`, `REIT`); an acronym of a general English dictionary (`PSA`, `ICU`)
 * unless the letters are the initials of the issuer's own name (AMD is Advanced Micro Devices
 * before it is macular degeneration, ICU Medical calls itself ICU); or a fund's symbol that
 * abbreviates an everyday phrase of its own name (`WFH` of "Work From Home ETF", `ABI` of
 * "Asset-Based Income ETF"): people write the phrase's abbreviation, rarely the fund.
 */
export function isWordLike(symbol: string, ctx: WordLikeContext, issuer?: Issuer): boolean {
  const root = symbol.includes('.') ? symbol.slice(0, symbol.indexOf('.')) : symbol;
  if (root.length <= 2) return true;
  if (COMMON_ABBREVIATIONS.has(root)) return true;
  const count = ctx.englishWordCounts.get(root.toLowerCase());
  if (count !== undefined && count >= ctx.minWordCount) return true;
  if ((ctx.issuerNameAcronyms.get(root) ?? 0) >= ctx.minIssuerCount) return true;
  if (ctx.dictionaryAcronyms.has(root)) {
    return !(issuer && !issuer.fund && isOwnInitials(root, issuer.name));
  }
  const isEnglish = (w: string) => (ctx.englishWordCounts.get(w) ?? 0) >= ctx.minWordCount;
  return (
    issuer !== undefined && issuer.fund && abbreviatesThemePhrase(root, issuer.name, isEnglish)
  );
}

/** Parses the `acronym<TAB>synsets` list kept in lib/detect/sources. */
export function parseAcronymList(tsv: string): Set<string> {
  const out = new Set<string>();
  for (const line of tsv.split(/\r?\n/).slice(1)) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.add(line.slice(0, tab));
  }
  return out;
}

/**
 * Counts, for every upper-case token of 3-6 letters, how many distinct issuer names use it,
 * excluding names whose own symbol is that token (UBS Group does not make UBS an acronym).
 */
export function countIssuerNameAcronyms(
  names: Iterable<{ symbol: string; name: string }>,
): Map<string, number> {
  const seen = new Map<string, Set<string>>();
  for (const { symbol, name } of names) {
    // Directory names in all capitals (SEC's "NVIDIA CORP") say nothing about acronyms.
    if (!/[a-z]/.test(name)) continue;
    const issuer = name.replace(/\s+-\s+.*$/, '').toLowerCase();
    for (const m of name.matchAll(/\b[A-Z]{3,6}\b/g)) {
      const token = m[0];
      if (token === symbol || symbol.startsWith(`${token}.`)) continue;
      let set = seen.get(token);
      if (!set) seen.set(token, (set = new Set()));
      set.add(issuer);
    }
  }
  return new Map([...seen].map(([token, set]) => [token, set.size]));
}

/** Parses the `word<TAB>count` list kept in lib/detect/sources. */
export function parseWordCounts(tsv: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of tsv.split(/\r?\n/).slice(1)) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return out;
}
