import { judgeBareSymbol } from './bare-context';
import { isForeignListMember, readCashtag, readCashtagList, type CashtagList } from './cashtag';
import { matchExchangePrefix } from './exchange-prefix';
import { INDEX_CODES, matchIndexName, matchSmallCapIndex } from './index-names';
import type { Mention, MentionStrength } from './mention';
import { readReutersCode } from './reuters-code';
import type { SymbolDictionary } from './symbol-dictionary';
import { SymbolFlag } from './symbol-flags';
import { newListingName } from './symbol-history';
import { readSymbol } from './symbol-token';
import { NAME_CONTINUATION_WORDS } from './market-words';
import { isUpper, isWordChar, lowerWord, nextWord, wordEnd } from './text-cursor';
import type { CompanyMatch, CompanyMatcher } from './company-matcher';

/** Options of {@link findMentions}. */
export interface FindMentionsOptions {
  /**
   * Company-name matcher (see `createCompanyMatcher` / `loadCompanyMatcher`). When absent,
   * company names ("Citigroup") are not matched; symbols that are the company's own name
   * ("HCA slumped") are still reported, as kind `company`.
   */
  companies?: CompanyMatcher;
  /**
   * Runs the rules at every word even without company names (the reference the faster candidate
   * scan is tested against; the results are the same).
   */
  everyWord?: boolean;
  /**
   * Also returns what the document-evidence module (`document-evidence.ts`) needs: every mention
   * carries its `strength`, and the list also holds `doubtful` mentions (not accepted on this text
   * alone) and `against` ones (letters that name something else here, never to be shown).
   * Without it, only the mentions accepted on this text alone are returned, without `strength`.
   */
  evidence?: boolean;
}

const OTHER = 0;
const LOWER = 1; // also digits, `_` and non-ASCII letters: words that never start a rule
const UPPER = 2;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = LOWER;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LOWER;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = UPPER;
ASCII_CLASS[95] = LOWER;

/** A mention that counts only next to an accepted one of the same family ("SPY and QQQ"). */
interface Pending extends Mention {
  family: 'ticker' | 'index';
}

/** An evidence-only mention: `doubtful` or `against` (kept only with `options.evidence`). */
interface Extra extends Mention {
  strength: 'doubtful' | 'against';
}

const LIST_SEPARATOR =
  /^(?:\s*,\s*(?:and\s+|or\s+|&\s+)?(?:the\s+)?|\s+(?:and|or|&|vs\.?|versus)\s+(?:the\s+)?|\s*\/\s*)$/;

/**
 * Where a mention can start when company names are off (one compiled expression, so the
 * JavaScript rules only see these places; on most text that is a few words per paragraph):
 * a `$` before a letter; at a word start, a word without lower-case ASCII letters (tickers,
 * exchange prefixes, index codes, `S` of `S&P`), a Reuters root with a lower-case class letter
 * (`BRKb.N`), the capitalised words that start index names and exchange prefixes, and
 * "small-cap index". Words are runs of {@link isWordChar} characters, as in the rules. A rule
 * that can start at another kind of word must be added here: a test runs the detector both
 * ways over the corpus and generated text and requires the same mentions.
 */
const WORD = 'A-Za-z0-9_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F';
const END = `(?![${WORD}])`;
// Every branch starts with a plain character (`$`, a capital, `s`) and looks behind only after
// it, so the engine can skip ahead to those characters quickly.
const CANDIDATES = new RegExp(
  `\\$(?=[A-Za-z])|[A-Z](?<![${WORD}].)(?:[A-Z0-9_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F]*${END}|[A-Z]{0,5}[a-z]\\.|(?<=R)ussell${END}|(?<=S)tandard${END}|(?<=N)asdaq(?:GS|GM|CM)?${END}|(?<=D)ow${END}|(?<=A)mex${END}|(?<=C)boe${END}|(?<=S)mall[- ]?cap index${END})|s(?<![${WORD}].)mall[- ]?cap index${END}`,
  'g',
);

/** Mutable state of one {@link findMentions} call. */
interface Scan {
  readonly text: string;
  readonly dictionary: SymbolDictionary;
  readonly companies: CompanyMatcher | undefined;
  readonly found: Mention[];
  readonly pending: Pending[];
  /** Evidence-only mentions; undefined when the caller did not ask for evidence. */
  readonly extra: Extra[] | undefined;
  /** The Russell 2000 has been named (so "the small-cap index" refers to it). */
  namedRussell2000: boolean;
  /** The last list of cashtags read, reused by its other members. */
  cashtags: CashtagList | undefined;
}

/**
 * Finds ticker and index mentions in plain text in one left-to-right pass.
 *
 * Returns mentions sorted by `start`, non-overlapping, with UTF-16 offsets (`end` exclusive).
 * Symbols are the dictionary's canonical form (`BRK.B`); indexes are caret symbols (`^RUT`).
 * Kinds: `cashtag` (span includes `$`), `exchange` (`NYSE:IBM`, span is the symbol), `ric`
 * (`AAPL.O`, span without brackets), `bare` (upper-case symbol in ticker context), `index`
 * (names and codes; an index cashtag's span leaves out `$`), `company` (names, when
 * `options.companies` is given, and symbols that are their company's own name). Never returns
 * `link`; see `symbolFromQuoteUrl` for hrefs. Symbols outside the dictionary are ignored.
 */
export function findMentions(
  text: string,
  dictionary: SymbolDictionary,
  options: FindMentionsOptions = {},
): Mention[] {
  const scan: Scan = {
    text,
    dictionary,
    companies: options.companies,
    found: [],
    pending: [],
    extra: options.evidence ? [] : undefined,
    namedRussell2000: false,
    cashtags: undefined,
  };
  if (scan.companies || options.everyWord) scanEveryWord(scan);
  else scanCandidates(scan);
  const accepted = finish(text, scan.found, scan.pending);
  return scan.extra ? withEvidence(accepted, scan.pending, scan.extra) : accepted;
}

/** The strength a mention gets when it is accepted (see {@link MentionStrength}). */
const STRONG_KINDS = new Set(['cashtag', 'exchange', 'ric', 'link', 'index', 'company']);

/**
 * Adds the evidence-only mentions to the accepted ones: pending mentions that no list accepted
 * become `doubtful`; each is kept only where it overlaps no accepted mention. Accepted mentions
 * carry the strength they were pushed with (`plain` for list members).
 */
function withEvidence(accepted: Mention[], pending: Pending[], extra: Extra[]): Mention[] {
  // Mentions accepted from a list were made by acceptListed without a strength.
  for (const m of accepted) m.strength ??= 'plain';
  let others: Mention[] = extra;
  if (pending.length > 0) {
    // Both lists are sorted by start (finish sorted the pending ones): one merge finds the
    // pending mentions that no list accepted.
    others = [...extra];
    let a = 0;
    for (const p of pending) {
      while (a < accepted.length && (accepted[a] as Mention).start < p.start) a++;
      if (a < accepted.length && (accepted[a] as Mention).start === p.start) continue;
      // One- and two-letter symbols ("A strong quarter", "IT spending") are words far more often
      // than the document's ticker: they count only in the list that accepted them.
      if (p.family === 'ticker' && p.end - p.start <= 2) continue;
      others.push({
        start: p.start,
        end: p.end,
        symbol: p.symbol,
        kind: p.kind,
        strength: 'doubtful',
      });
    }
    others.sort(byStart);
  }
  if (others.length === 0) return accepted;
  const out: Mention[] = [];
  let a = 0;
  let lastEnd = -1;
  for (const o of others) {
    // Accepted mentions first, in order; an evidence-only one only where it overlaps none.
    while (a < accepted.length && (accepted[a] as Mention).start < o.end) {
      const m = accepted[a++] as Mention;
      out.push(m);
      lastEnd = Math.max(lastEnd, m.end);
    }
    const next = accepted[a];
    if (o.start < lastEnd || (next !== undefined && next.start < o.end)) continue;
    out.push(o);
    lastEnd = o.end;
  }
  for (; a < accepted.length; a++) out.push(accepted[a] as Mention);
  return out;
}

/**
 * The rules run at every word start: needed for company names, which start at any word. Also
 * the reference the candidate scan must agree with (see {@link CANDIDATES}).
 */
function scanEveryWord(scan: Scan): void {
  const { text } = scan;
  const n = text.length;
  let i = 0;
  // Hot loop: inline character classes (ASCII table) instead of helper calls; lower-case words
  // are skipped whole.
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? ASCII_CLASS[c] : isWordChar(c) ? LOWER : OTHER;
    if (cls === OTHER) {
      i = c === 36 /* $ */ ? atDollar(scan, i) : i + 1;
      continue;
    }
    i = atWord(scan, i, wordEnd(text, i + 1), cls === UPPER);
  }
}

/** The rules at each place {@link CANDIDATES} finds, skipping everything else. */
function scanCandidates(scan: Scan): void {
  const { text } = scan;
  const re = CANDIDATES;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    const next = c === 36 ? atDollar(scan, i) : atWord(scan, i, wordEnd(text, i + 1), isUpper(c));
    re.lastIndex = Math.max(next, i + 1);
  }
}

/** At a `$`: a cashtag, or nothing. Returns where scanning resumes. */
function atDollar(scan: Scan, i: number): number {
  const tag = readCashtag(scan.text, i, scan.dictionary);
  if (!tag) return i + 1;
  const m: Mention = { start: tag.start, end: tag.end, symbol: tag.symbol, kind: tag.kind };
  if (tag.kind === 'cashtag') {
    // "$BARC $LLOY $TSCO" on the FTSE: the letters are a London symbol here (a foreign issuer's
    // US listing shares them, so `$VOD` stays).
    if ((tag.flags & SymbolFlag.ForeignIssuer) === 0 && isForeignListMember(cashtagList(scan, i))) {
      addExtra(scan, m, 'against');
      return tag.end;
    }
    // Listed after the directories: older text may mean the company that held the letters.
    if (newListingName(tag.symbol) !== undefined) {
      addExtra(scan, m, 'doubtful');
      return tag.end;
    }
  }
  push(scan, m, 'strong');
  return tag.end;
}

/** The list of cashtags the `$` at `i` belongs to, read once per list. */
function cashtagList(scan: Scan, i: number): CashtagList {
  const last = scan.cashtags;
  if (last && i >= last.start && i < last.end) return last;
  scan.cashtags = readCashtagList(scan.text, i, scan.dictionary);
  return scan.cashtags;
}

/** Records an evidence-only mention when the caller asked for evidence. */
function addExtra(scan: Scan, m: Mention, strength: Extra['strength']): void {
  scan.extra?.push({ start: m.start, end: m.end, symbol: m.symbol, kind: m.kind, strength });
}

/** At the word `i`..`e`: the rules for it. Returns where scanning resumes. */
function atWord(scan: Scan, i: number, e: number, upper: boolean): number {
  const { text } = scan;
  if (scan.namedRussell2000 && (text.charCodeAt(i) | 32) === 115 /* s */) {
    if (e - i === 5 || e - i === 8) {
      const stop = matchSmallCapIndex(text, i);
      if (stop > 0) {
        push(scan, { start: i, end: stop, symbol: '^RUT', kind: 'index' });
        return stop;
      }
    }
  }
  if (upper) return scanCapitalised(scan, i, e);
  const company = scan.companies?.match(text, i, e);
  if (!company) return e;
  pushCompany(scan, i, company);
  return company.doubtful ? e : Math.max(e, company.resume);
}

/** A company name: accepted, or `doubtful` when it lacked the context its name needs. */
function pushCompany(scan: Scan, start: number, company: CompanyMatch): void {
  const m: Mention = { start, end: company.end, symbol: company.symbol, kind: 'company' };
  if (company.doubtful) addExtra(scan, m, 'doubtful');
  else push(scan, m, 'strong');
}

/**
 * Adds an accepted mention; `strength` is recorded only when the caller asked for evidence
 * (default `strong` for the explicit kinds, `plain` for bare symbols).
 */
function push(scan: Scan, m: Mention, strength?: MentionStrength): void {
  if (scan.extra) m.strength = strength ?? (STRONG_KINDS.has(m.kind) ? 'strong' : 'plain');
  scan.found.push(m);
  if (m.symbol === '^RUT') scan.namedRussell2000 = true;
}

/** Handles a word that starts with a capital; returns where scanning resumes. */
function scanCapitalised(scan: Scan, s: number, e: number): number {
  const { text, dictionary, pending, companies } = scan;
  const before = text.charCodeAt(s - 1);
  // Hashtags, handles, and the second half of dotted words ("U.S", "<.SPX>", "[.N]").
  if (before === 35 || before === 64 || before === 46) return e;

  // Cheap gates first: most capitalised words are ordinary Title-case words.
  const len = e - s;
  let allCaps = len <= 6;
  for (let k = s + 1; allCaps && k < e; k++) {
    const d = text.charCodeAt(k);
    if (d >= 97 && d <= 122) allCaps = false;
  }
  let colonSoon = false;
  for (let k = e, stop = Math.min(text.length, e + 16); k < stop; k++) {
    if (text.charCodeAt(k) === 58) {
      colonSoon = true;
      break;
    }
  }

  const exchange = colonSoon ? matchExchangePrefix(text, s, e) : undefined;
  if (exchange) {
    if (exchange.cashtag) return exchange.symbolStart;
    const token = readSymbol(text, exchange.symbolStart, dictionary, false);
    if (!token) return exchange.symbolStart;
    push(scan, {
      start: exchange.symbolStart,
      end: token.end,
      symbol: token.symbol,
      kind: 'exchange',
    });
    return token.end;
  }

  const c0 = text.charCodeAt(s);
  const index =
    c0 === 82 || c0 === 83 || c0 === 78 || c0 === 68 ? matchIndexName(text, s, e) : undefined;
  if (index) {
    if (index.symbol) {
      const m: Mention = {
        start: index.start,
        end: index.end,
        symbol: index.symbol,
        kind: 'index',
      };
      if (index.confidence === 'sure') push(scan, m);
      else pending.push({ ...m, family: 'index' });
    }
    return Math.max(e, index.end);
  }

  const code = allCaps && len >= 3 && len <= 5 ? INDEX_CODES.get(text.slice(s, e)) : undefined;
  if (code && !(text.charCodeAt(e) === 46 && isWordChar(text.charCodeAt(e + 1)))) {
    // A caret symbol ("^RUT") keeps its caret in the span.
    push(scan, { start: before === 94 ? s - 1 : s, end: e, symbol: code, kind: 'index' });
    return e;
  }

  const ric = text.charCodeAt(e) === 46 ? readReutersCode(text, s, e, dictionary) : undefined;
  if (ric) {
    push(scan, { start: s, end: ric.end, symbol: ric.symbol, kind: 'ric' });
    return ric.end;
  }

  const company = companies?.match(text, s, e);
  // "META", "ON": capitals that spell a symbol are judged as a symbol, unless the name itself is
  // written in capitals ("IBM", "RBC").
  const spellsSymbol =
    company !== undefined &&
    !company.capitalsName &&
    company.end === e &&
    dictionary.flags.has(text.slice(s, e));
  if (company?.doubtful) {
    // Not a name on this text alone: record it, and let the symbol rules judge the word.
    pushCompany(scan, s, company);
  } else if (company && !spellsSymbol) {
    pushCompany(scan, s, company);
    return Math.max(e, company.resume);
  }

  const token = allCaps ? readSymbol(text, s, dictionary, false) : undefined;
  if (!token) return e;
  const resume = Math.max(e, token.end);
  const { verdict } = judgeBareSymbol(text, s, token.end, token.symbol, token.flags, (word) =>
    dictionary.flags.has(word),
  );
  const m: Mention = { start: s, end: token.end, symbol: token.symbol, kind: 'bare' };
  const nameLike = (token.flags & SymbolFlag.NameLike) !== 0;
  if (verdict === 'ticker') {
    push(scan, m, 'strong');
  } else if (verdict === 'other') {
    addExtra(scan, m, 'against');
  } else if (verdict === 'own-name') {
    if (companies) push(scan, { ...m, kind: 'company' });
  } else if (nameLike && (verdict === 'move' || verdict === 'weak' || verdict === 'name')) {
    // "HCA slumped", "UBS analysts": the company's own name. Reported only with company names on,
    // and spanning the rest of a written-out name ("PNC Financial", "CVS Health Corp").
    if (companies) push(scan, { ...m, end: extendOverNameWords(text, m.end), kind: 'company' });
  } else if (verdict === 'weak' || verdict === 'move') {
    push(scan, m);
  } else if (verdict === 'maybe') {
    pending.push({ ...m, family: 'ticker' });
  }
  return resume;
}

/**
 * Extends a name over up to three following capitalised words when they end in a word that
 * continues organisation names ("Financial", "Capital") or a legal form ("Corp").
 */
function extendOverNameWords(text: string, end: number): number {
  let stop = end;
  let span = nextWord(text, end, 1);
  for (let k = 0; k < 3 && span && isUpper(text.charCodeAt(span.start)); k++) {
    if (NAME_CONTINUATION_WORDS.has(lowerWord(text, span))) stop = span.end;
    span = nextWord(text, span.end, 1);
  }
  return stop;
}

function byStart(a: Mention, b: Mention): number {
  return a.start - b.start || b.end - a.end;
}

function familyOf(m: Mention): number {
  return m.kind === 'index' ? 1 : 0;
}

/** Accepts pending mentions that sit in a list with accepted ones, then sorts and de-overlaps. */
function finish(text: string, found: Mention[], pending: Pending[]): Mention[] {
  found.sort(byStart);
  let all: Mention[] = found;
  if (pending.length > 0) {
    pending.sort(byStart);
    all = acceptListed(text, found, pending);
  }
  const out: Mention[] = [];
  let lastEnd = -1;
  for (const m of all) {
    if (m.start < lastEnd) continue;
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}

/** Gaps longer than this cannot be a list separator (", and ", " vs. "). */
const MAX_SEPARATOR = 12;

/**
 * Merges accepted and pending mentions (both sorted) and sweeps them in text order, forwards then
 * backwards, accepting a pending mention when its neighbour of the same family is accepted and
 * only a list separator lies between. Two sweeps settle chains in both directions ("A, B and C"
 * with only C sure). Returns the accepted mentions in order.
 */
function acceptListed(text: string, found: Mention[], pending: Pending[]): Mention[] {
  const merged: Mention[] = [];
  const ok: boolean[] = [];
  let a = 0;
  let b = 0;
  while (a < found.length || b < pending.length) {
    const f = found[a];
    const p = pending[b];
    if (f && (!p || f.start <= p.start)) {
      merged.push(f);
      ok.push(true);
      a++;
    } else if (p) {
      merged.push({ start: p.start, end: p.end, symbol: p.symbol, kind: p.kind });
      ok.push(false);
      b++;
    }
  }
  const joined = (left: Mention, right: Mention) =>
    right.start >= left.end &&
    right.start - left.end <= MAX_SEPARATOR &&
    LIST_SEPARATOR.test(text.slice(left.end, right.start));
  const last = [-1, -1];
  for (let k = 0; k < merged.length; k++) {
    const m = merged[k] as Mention;
    const fam = familyOf(m);
    const prev = last[fam] ?? -1;
    if (!ok[k] && prev >= 0 && ok[prev] && joined(merged[prev] as Mention, m)) ok[k] = true;
    last[fam] = k;
  }
  last[0] = -1;
  last[1] = -1;
  for (let k = merged.length - 1; k >= 0; k--) {
    const m = merged[k] as Mention;
    const fam = familyOf(m);
    const next = last[fam] ?? -1;
    if (!ok[k] && next >= 0 && ok[next] && joined(m, merged[next] as Mention)) ok[k] = true;
    last[fam] = k;
  }
  return merged.filter((_, k) => ok[k]);
}
