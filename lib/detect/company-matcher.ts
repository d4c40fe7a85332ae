import type { CompanyName } from './company-names-build';
import { ampersandLength } from './index-names';
import { MOVE_WORDS, SPEAKER_WORDS, TICKER_NOUNS } from './market-words';
import {
  isLower,
  isSpace,
  isUpper,
  isWordChar,
  lowerWord,
  nextWord,
  previousWord,
} from './text-cursor';

/** A company name found at a word start. */
export interface CompanyMatch {
  /** End of the name as reported (legal suffix included, possessive excluded). */
  end: number;
  /** Where scanning resumes. */
  resume: number;
  symbol: string;
  /** The name itself is written in capitals ("IBM", "RBC"), not just capitalised here. */
  capitalsName: boolean;
  /**
   * The name needs context (an everyday word, initials, a short name: "Target", "Strategy") and
   * had none here: not a mention on this text alone, but one if the document names the same
   * company strongly elsewhere (see `document-evidence.ts`).
   */
  doubtful?: true;
}

/** Matches company names at word starts; see {@link createCompanyMatcher}. */
export interface CompanyMatcher {
  /** The company name starting at the word `start`..`wordEnd`, if any. */
  match(text: string, start: number, wordEnd: number): CompanyMatch | undefined;
}

/** Decodes the string made by `encodeCompanyNames`. */
export function decodeCompanyNames(packed: string): CompanyName[] {
  if (packed === '') return [];
  return packed.split('|').map((entry) => {
    const flags = entry.charCodeAt(0) - 48;
    const eq = entry.lastIndexOf('=');
    return {
      name: entry.slice(1, eq),
      symbol: entry.slice(eq + 1),
      context: (flags & 1) !== 0,
      suffixRequired: (flags & 2) !== 0,
      exactCase: (flags & 4) !== 0,
    };
  });
}

/** Legal forms that may follow a name and belong to its span ("Apple Inc.", "KE Holdings Inc."). */
const LEGAL_WORDS = new Set(
  'inc incorporated corp corporation co company companies ltd limited plc group holdings holding llc lp nv sa ag se'.split(
    ' ',
  ),
);

/**
 * Legal forms that are unambiguous abbreviations, so they belong to the name whatever their case
 * ("Brooks Automation, inc"); the others ("group", "company", "limited") only when capitalised.
 */
const LOWERCASE_LEGAL_WORDS = new Set(['inc', 'corp', 'ltd', 'plc', 'llc']);

/** Capitalised words that start sentences and headlines and so say nothing about a name. */
const FUNCTION_WORDS = new Set(
  'the a an and or but why how what when where who is are was were should will can could would does did do for from with by to of in on at as after before buy sell vs if while this that these those its their'.split(
    ' ',
  ),
);

/** Words after a name that show it is a brand or platform being described ("Facebook parent Meta"). */
const BRAND_FOLLOWERS = new Set(['parent', 'owner', 'maker']);

/** 32-bit FNV-1a hash of `text[start..end)` with ASCII letters lower-cased. */
function wordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
  }
  return h >>> 0;
}

interface Compiled {
  /** Lower-cased name with single spaces. */
  norm: string;
  original: string;
  symbol: string;
  context: boolean;
  suffixRequired: boolean;
  exactCase: boolean;
  singleWord: boolean;
  capitalsName: boolean;
  /**
   * Lower-cased first letter of the second word when the first word is followed by a space
   * (`s` for "goldman sachs"), else -1: a cheap filter before comparing.
   */
  second: number;
}

function firstKey(name: string): string {
  let j = 0;
  while (j < name.length && isWordChar(name.charCodeAt(j))) j++;
  return name.slice(0, j).toLowerCase();
}

/**
 * Compares `text` at `start` with a compiled name: ASCII case-insensitive (exact for names that
 * start lower-case), any run of spaces for a space, `&amp;` for `&`, `’` for `'`; every word in
 * the text must start with a capital or digit. Returns the end of the match or -1.
 */
function compareAt(text: string, start: number, c: Compiled): number {
  let i = start;
  const { norm, original } = c;
  let wordStart = true;
  for (let k = 0; k < norm.length; k++) {
    const nc = norm.charCodeAt(k);
    if (nc === 32) {
      if (!isSpace(text.charCodeAt(i))) return -1;
      while (isSpace(text.charCodeAt(i))) i++;
      wordStart = true;
      continue;
    }
    if (nc === 38) {
      const amp = ampersandLength(text, i);
      if (amp === 0) return -1;
      i += amp;
      continue;
    }
    const tc = text.charCodeAt(i);
    if (nc === 39) {
      if (tc !== 39 && tc !== 0x2019) return -1;
      i++;
      continue;
    }
    if (c.exactCase) {
      if (tc !== original.charCodeAt(k)) return -1;
    } else {
      if (wordStart && isLower(tc)) return -1;
      if ((isUpper(tc) ? tc + 32 : tc) !== nc) return -1;
    }
    wordStart = false;
    i++;
  }
  return isWordChar(text.charCodeAt(i)) ? -1 : i;
}

/**
 * Extends a name over legal-form words ("Group Inc.", ", Inc.", ", inc"); returns the new end.
 * Up to two capitalised words between the name and a legal form belong to it as well: they are
 * the rest of a longer or former full name ("Raytheon Technologies Corp" for "Raytheon").
 */
function extendOverSuffix(text: string, end: number): number {
  const stop = extendOverLegalWords(text, end);
  if (stop > end) return stop;
  let i = end;
  for (let k = 0; k < 2; k++) {
    const w = nextWord(text, i, 1);
    if (!w || w.start === i || !isUpper(text.charCodeAt(w.start))) return end;
    const word = lowerWord(text, w);
    if (FUNCTION_WORDS.has(word)) return end;
    const after = extendOverLegalWords(text, w.end);
    if (after > w.end) return after;
    i = w.end;
  }
  return end;
}

function extendOverLegalWords(text: string, end: number): number {
  let stop = end;
  for (let k = 0; k < 3; k++) {
    let i = stop;
    if (text.charCodeAt(i) === 44) i++; // ", Inc."
    const w = nextWord(text, i, 2);
    if (!w || w.start === i) break;
    let wordEnd = w.end;
    let word = lowerWord(text, w);
    if (text.charCodeAt(wordEnd) === 46 && (word === 'n' || word === 's')) {
      // N.V., S.A.
      const two = text.slice(w.start, wordEnd + 3).toLowerCase();
      if (two === 'n.v.' || two === 's.a.') {
        word = two.replace(/\./g, '');
        wordEnd += 3;
      }
    }
    if (!LEGAL_WORDS.has(word)) break;
    if (!isUpper(text.charCodeAt(w.start)) && !LOWERCASE_LEGAL_WORDS.has(word)) break;
    stop = wordEnd;
    // An abbreviation's period belongs to the name unless it ends the text or the line.
    if (text.charCodeAt(stop) === 46 && text.charCodeAt(stop - 1) !== 46) {
      const after = text.charCodeAt(stop + 1);
      if (stop + 1 < text.length && after !== 10 && after !== 13) stop++;
    }
  }
  return stop;
}

/** "JPMorgan & Chase", "Johnson & Johnson": the name goes on past what was matched. */
function continuesWithAmpersand(text: string, end: number): boolean {
  let i = end;
  while (isSpace(text.charCodeAt(i))) i++;
  const amp = ampersandLength(text, i);
  if (amp === 0) return false;
  i += amp;
  while (isSpace(text.charCodeAt(i))) i++;
  return isUpper(text.charCodeAt(i));
}

/** Words before a name that make it a company: "shares of Target", "a stake in Apollo". */
const COMPANY_PRECEDERS = [
  'shares of',
  'stock of',
  'stake in',
  'shares in',
  'bid for',
  'target on',
  'rating on',
  'coverage of',
  'position in',
  'positions in',
];
const COMPANY_PRECEDING_WORDS = new Set(['rival', 'rivals', 'peer', 'peers', 'competitor']);

/** Signals before a name that it means the company (see {@link COMPANY_PRECEDERS}). */
function hasCompanyContextBefore(text: string, start: number): boolean {
  const prev = previousWord(text, start, 1);
  if (!prev) return false;
  const p = lowerWord(text, prev);
  if (COMPANY_PRECEDING_WORDS.has(p)) return true;
  const prev2 = previousWord(text, prev.start, 1);
  return prev2 !== undefined && COMPANY_PRECEDERS.includes(`${lowerWord(text, prev2)} ${p}`);
}

/** Signals that an everyday-word name means the company. */
function hasCompanyContext(text: string, end: number): boolean {
  let i = end;
  while (text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  if (
    (c === 40 || c === 60) &&
    (isUpper(text.charCodeAt(i + 1)) || text.charCodeAt(i + 1) === 36)
  ) {
    return true; // "Apple <AAPL.O>", "Target (TGT)", "Apple ($AAPL)"
  }
  let from = end;
  if (text.startsWith("'s", from) || text.startsWith('’s', from)) from += 2;
  const w = lowerWord(text, nextWord(text, from, 1));
  return SPEAKER_WORDS.has(w) || MOVE_WORDS.has(w) || TICKER_NOUNS.has(w);
}

/**
 * Builds a matcher over company names (from `decodeCompanyNames`). Longest name first at each
 * word; names that need context get it from a legal suffix, a ticker right after, or a verb of
 * speaking or moving ("Target said", "Apple rose"). Single-word names right after another
 * capitalised word ("Serena Williams") and brands being described ("Facebook parent") are skipped.
 */
export function createCompanyMatcher(names: readonly CompanyName[]): CompanyMatcher {
  const byFirst = new Map<number, Compiled[]>();
  for (const n of names) {
    const norm = n.name.replace(/\s+/g, ' ').toLowerCase();
    const compiled: Compiled = {
      norm,
      original: n.name.replace(/\s+/g, ' '),
      symbol: n.symbol,
      context: n.context,
      suffixRequired: n.suffixRequired,
      exactCase: n.exactCase,
      singleWord: !norm.includes(' '),
      capitalsName: !/[a-z]/.test(n.name),
      second: -1,
    };
    const first = firstKey(n.name).length;
    if (norm.charCodeAt(first) === 32) compiled.second = norm.charCodeAt(first + 1);
    // Keyed by the hash of the lower-cased first word; compareAt checks the whole name, so a
    // hash collision costs a comparison, never a wrong match.
    const key = firstKey(n.name);
    const hash = wordHash(key, 0, key.length);
    const list = byFirst.get(hash) ?? [];
    list.push(compiled);
    byFirst.set(hash, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.norm.length - a.norm.length);
  // First characters of names that start lower-case or with a digit (onsemi, eBay, 3M): other
  // lower-case words are rejected at once.
  const lowerFirst = new Set<number>();
  for (const list of byFirst.values()) {
    for (const c of list)
      if (!isUpper(c.original.charCodeAt(0))) lowerFirst.add(c.original.charCodeAt(0));
  }

  return {
    match(text, start, wordEnd) {
      if (wordEnd - start > 24) return undefined;
      const c0 = text.charCodeAt(start);
      if (!isUpper(c0) && !lowerFirst.has(c0)) return undefined;
      const list = byFirst.get(wordHash(text, start, wordEnd));
      if (!list) return undefined;
      const before = text.charCodeAt(start - 1);
      // #hashtag, @handle, $cashtag, .suffix, and <CODE.X> (a Reuters code, e.g. <NOKIA.HE>).
      if (before === 35 || before === 64 || before === 36 || before === 46 || before === 60) {
        return undefined;
      }
      // First letter of the next word in the text, for the `second` filter.
      let k = wordEnd;
      while (isSpace(text.charCodeAt(k))) k++;
      const nextLetter = k > wordEnd ? text.charCodeAt(k) | 32 : -2;
      let doubtful: CompanyMatch | undefined;
      for (const c of list) {
        if (c.second >= 0 && (c.second | 32) !== nextLetter) continue;
        const end = compareAt(text, start, c);
        if (end < 0) continue;
        // A streaming service or product line named after its maker ("Disney+", "Apple TV+").
        if (text.charCodeAt(end) === 43) continue;
        const following = nextWord(text, end, 1);
        if (following && text.charCodeAt(following.end) === 43) continue;
        const withSuffix = extendOverSuffix(text, end);
        const hasSuffix = withSuffix > end;
        if (c.suffixRequired && !hasSuffix) continue;
        const lacksContext =
          c.context &&
          !hasSuffix &&
          !hasCompanyContext(text, end) &&
          !hasCompanyContextBefore(text, start);
        const next = lowerWord(text, nextWord(text, end, 1));
        if (BRAND_FOLLOWERS.has(next)) continue;
        if (!hasSuffix && continuesWithAmpersand(text, end)) continue; // a longer "X & Y" name
        if (c.singleWord && !hasSuffix) {
          const prev = previousWord(text, start, 1);
          if (
            prev &&
            isUpper(text.charCodeAt(prev.start)) &&
            !FUNCTION_WORDS.has(lowerWord(text, prev))
          ) {
            continue;
          }
        }
        const found: CompanyMatch = {
          end: withSuffix,
          resume: withSuffix,
          symbol: c.symbol,
          capitalsName: c.capitalsName,
        };
        if (!lacksContext) return found;
        // Only a name standing on its own can be confirmed by the rest of the document: not the
        // first word of a longer name ("KE Hodlings").
        const following2 = nextWord(text, withSuffix, 1);
        const continues =
          following2 !== undefined &&
          isUpper(text.charCodeAt(following2.start)) &&
          !FUNCTION_WORDS.has(lowerWord(text, following2));
        if (!continues) doubtful ??= { ...found, doubtful: true };
      }
      return doubtful;
    },
  };
}
