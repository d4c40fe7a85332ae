import { judgeBareSymbol } from './bare-context';
import { readCashtag } from './cashtag';
import { matchExchangePrefix } from './exchange-prefix';
import { INDEX_CODES, matchIndexName } from './index-names';
import type { Mention } from './mention';
import { readReutersCode } from './reuters-code';
import type { SymbolDictionary } from './symbol-dictionary';
import { SymbolFlag } from './symbol-flags';
import { readSymbol } from './symbol-token';
import { NAME_CONTINUATION_WORDS } from './market-words';
import { isUpper, isWordChar, lowerWord, nextWord } from './text-cursor';
import type { CompanyMatcher } from './company-matcher';

/** Options of {@link findMentions}. */
export interface FindMentionsOptions {
  /**
   * Company-name matcher (see `createCompanyMatcher` / `loadCompanyMatcher`). When absent,
   * company names ("Citigroup") are not matched; symbols that are the company's own name
   * ("HCA slumped") are still reported, as kind `company`.
   */
  companies?: CompanyMatcher;
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

const LIST_SEPARATOR =
  /^(?:\s*,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&|vs\.?|versus)\s+|\s*\/\s*)$/;

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
  const found: Mention[] = [];
  const pending: Pending[] = [];
  const companies = options.companies;
  const n = text.length;
  let i = 0;
  // Hot loop: inline character classes (ASCII table) instead of helper calls; lower-case words
  // are skipped whole, and only words starting with a capital go through the rules.
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? ASCII_CLASS[c] : isWordChar(c) ? LOWER : OTHER;
    if (cls === OTHER) {
      if (c === 36 /* $ */) {
        const tag = readCashtag(text, i, dictionary);
        if (tag) {
          found.push({ start: tag.start, end: tag.end, symbol: tag.symbol, kind: tag.kind });
          i = tag.end;
          continue;
        }
      }
      i++;
      continue;
    }
    let e = i + 1;
    while (e < n) {
      const d = text.charCodeAt(e);
      if (d < 128 ? ASCII_CLASS[d] === OTHER : !isWordChar(d)) break;
      e++;
    }
    if (cls === UPPER) {
      i = scanCapitalised(text, i, e, dictionary, found, pending, companies);
    } else {
      const company = companies?.match(text, i, e);
      if (company) {
        found.push({ start: i, end: company.end, symbol: company.symbol, kind: 'company' });
        i = Math.max(e, company.resume);
      } else i = e;
    }
  }
  return finish(text, found, pending);
}

/** Handles a word that starts with a capital; returns where scanning resumes. */
function scanCapitalised(
  text: string,
  s: number,
  e: number,
  dictionary: SymbolDictionary,
  found: Mention[],
  pending: Pending[],
  companies: CompanyMatcher | undefined,
): number {
  const before = text.charCodeAt(s - 1);
  // Hashtags, handles, and the second half of dotted words ("U.S", "<.SPX>", "[.N]").
  if (before === 35 || before === 64 || before === 46) return e;

  const exchange = matchExchangePrefix(text, s, e);
  if (exchange) {
    if (exchange.cashtag) return exchange.symbolStart;
    const token = readSymbol(text, exchange.symbolStart, dictionary, false);
    if (!token) return exchange.symbolStart;
    found.push({
      start: exchange.symbolStart,
      end: token.end,
      symbol: token.symbol,
      kind: 'exchange',
    });
    return token.end;
  }

  const index = matchIndexName(text, s, e);
  if (index) {
    if (index.symbol) {
      const m: Mention = {
        start: index.start,
        end: index.end,
        symbol: index.symbol,
        kind: 'index',
      };
      if (index.confidence === 'sure') found.push(m);
      else pending.push({ ...m, family: 'index' });
    }
    return Math.max(e, index.end);
  }

  const code = e - s >= 3 && e - s <= 5 ? INDEX_CODES.get(text.slice(s, e)) : undefined;
  if (code && !(text.charCodeAt(e) === 46 && isWordChar(text.charCodeAt(e + 1)))) {
    found.push({ start: s, end: e, symbol: code, kind: 'index' });
    return e;
  }

  const ric = readReutersCode(text, s, e, dictionary);
  if (ric) {
    found.push({ start: s, end: ric.end, symbol: ric.symbol, kind: 'ric' });
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
  if (company && !spellsSymbol) {
    found.push({ start: s, end: company.end, symbol: company.symbol, kind: 'company' });
    return Math.max(e, company.resume);
  }

  const token = readSymbol(text, s, dictionary, false);
  if (!token) return e;
  const resume = Math.max(e, token.end);
  const { verdict } = judgeBareSymbol(text, s, token.end, token.symbol, token.flags);
  const m: Mention = { start: s, end: token.end, symbol: token.symbol, kind: 'bare' };
  const nameLike = (token.flags & SymbolFlag.NameLike) !== 0;
  if (verdict === 'ticker') {
    found.push(m);
  } else if (verdict === 'own-name') {
    if (companies) found.push({ ...m, kind: 'company' });
  } else if (nameLike && (verdict === 'move' || verdict === 'weak' || verdict === 'name')) {
    // "HCA slumped", "UBS analysts": the company's own name. Reported only with company names on,
    // and spanning the rest of a written-out name ("PNC Financial", "CVS Health Corp").
    if (companies) found.push({ ...m, end: extendOverNameWords(text, m.end), kind: 'company' });
  } else if (verdict === 'weak' || verdict === 'move') {
    found.push(m);
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

/** Accepts pending mentions that sit in a list with accepted ones, then sorts and de-overlaps. */
function finish(text: string, found: Mention[], pending: Pending[]): Mention[] {
  if (pending.length > 0) acceptListed(text, found, pending);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  let lastEnd = -1;
  for (const m of found) {
    if (m.start < lastEnd) continue;
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}

/** Gaps longer than this cannot be a list separator (", and ", " vs. "). */
const MAX_SEPARATOR = 8;

/**
 * Sweeps the mentions in text order, forwards then backwards, accepting a pending mention when
 * its neighbour of the same family is accepted and only a list separator lies between. Two
 * sweeps settle chains in both directions ("A, B and C" with only C sure).
 */
function acceptListed(text: string, found: Mention[], pending: Pending[]): void {
  type Item = { m: Mention; family: 'ticker' | 'index'; ok: boolean };
  const items: Item[] = [
    ...found.map((m) => ({ m, family: m.kind === 'index' ? 'index' : 'ticker', ok: true }) as Item),
    ...pending.map((p) => ({ m: p, family: p.family, ok: false })),
  ];
  items.sort((a, b) => a.m.start - b.m.start);
  const joined = (left: Mention, right: Mention) =>
    right.start >= left.end &&
    right.start - left.end <= MAX_SEPARATOR &&
    LIST_SEPARATOR.test(text.slice(left.end, right.start));
  for (const family of ['ticker', 'index'] as const) {
    const seq = items.filter((it) => it.family === family);
    for (let k = 1; k < seq.length; k++) {
      const a = seq[k - 1];
      const b = seq[k];
      if (a && b && a.ok && !b.ok && joined(a.m, b.m)) b.ok = true;
    }
    for (let k = seq.length - 2; k >= 0; k--) {
      const a = seq[k];
      const b = seq[k + 1];
      if (a && b && b.ok && !a.ok && joined(a.m, b.m)) a.ok = true;
    }
  }
  for (const it of items) {
    if (!it.ok || !('family' in it.m)) continue;
    const { start, end, symbol, kind } = it.m;
    found.push({ start, end, symbol, kind });
  }
}
