import type { IndexSymbol } from './mention';
import { INDEX_FOLLOWERS, INDEX_VARIANT_WORDS, MOVE_WORDS, RATING_WORDS } from './market-words';
import {
  isDigit,
  isSpace,
  isUpper,
  isWordChar,
  lowerWord,
  nextWord,
  previousWord,
  wordAt,
  type WordSpan,
} from './text-cursor';

/**
 * A recognised index name. `confidence` is `sure` for a full name ("Russell 2000") and `list`
 * for a short form that only counts next to another index ("the Dow, Nasdaq and Russell 2000").
 * Without `symbol` the words are consumed but are not an index ("S&P Dow Jones Indices").
 */
export interface IndexMatch {
  start: number;
  end: number;
  symbol?: IndexSymbol;
  confidence: 'sure' | 'list';
}

/** Upper-case codes that name an index on their own (`RUT`, `SPX`, `VIX`). */
export const INDEX_CODES: ReadonlyMap<string, IndexSymbol> = new Map([
  ['RUT', '^RUT'],
  ['RTY', '^RUT'],
  ['SPX', '^GSPC'],
  ['INX', '^GSPC'],
  ['GSPC', '^GSPC'],
  ['IXIC', '^IXIC'],
  ['COMPQ', '^IXIC'],
  ['NDX', '^NDX'],
  ['DJI', '^DJI'],
  ['DJIA', '^DJI'],
  ['VIX', '^VIX'],
  ['RUI', '^RUI'],
  ['RUA', '^RUA'],
]);

/** Length of an ampersand at `i`: `&`, or HTML-escaped `&amp;` / `&amp;amp;`; 0 if none. */
export function ampersandLength(text: string, i: number): number {
  if (text.charCodeAt(i) !== 38) return 0;
  if (text.startsWith('&amp;amp;', i)) return 9;
  if (text.startsWith('&amp;', i)) return 5;
  return 1;
}

function wordIs(text: string, span: WordSpan | undefined, words: ReadonlySet<string>): boolean {
  return span !== undefined && words.has(lowerWord(text, span));
}

/** Reads the number right after `from` (optionally after one space or a hyphen). */
function numberAfter(text: string, from: number): { value: string; end: number } | undefined {
  let i = from;
  const c = text.charCodeAt(i);
  if (c === 32 || c === 45 || c === 160) i++;
  if (!isDigit(text.charCodeAt(i))) return undefined;
  let j = i;
  while (isDigit(text.charCodeAt(j))) j++;
  // "Russell 2000s" or "S&P 500.5" are not the index name.
  if (isWordChar(text.charCodeAt(j))) {
    if (text.charCodeAt(j) === 75 && !isWordChar(text.charCodeAt(j + 1)))
      j++; // "Russell 2K"
    else return undefined;
  }
  if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) return undefined;
  return { value: text.slice(i, j), end: j };
}

/**
 * Whether the words after an index name make it a variant (style, sector or factor index):
 * "Russell 2000 Value", "S&P 500 Equal Weight", "S&P 500 communication services index".
 */
function isVariantAfter(text: string, end: number): boolean {
  const w1 = nextWord(text, end, 1);
  if (!w1) return false;
  const first = lowerWord(text, w1);
  if (INDEX_VARIANT_WORDS.has(first)) return true;
  if (INDEX_FOLLOWERS.has(first)) return false;
  // Up to three lower-case words then "index"/"sector index": a sector sub-index.
  let span: WordSpan | undefined = w1;
  for (let k = 0; k < 4 && span; k++) {
    const w = lowerWord(text, span);
    if (w === 'index' || w === 'indexes' || w === 'indices') return k > 0;
    if (!/^[a-z]+$/.test(text.slice(span.start, span.end))) return false;
    span = nextWord(text, span.end, 1);
  }
  return false;
}

function previousIs(text: string, start: number, words: readonly string[]): boolean {
  const w = lowerWord(text, previousWord(text, start, 2));
  return words.includes(w);
}

/** Auxiliaries between an index and its move ("the Nasdaq is down 0.04%", "the Dow has risen"). */
const INDEX_AUXILIARIES = new Set(['is', 'was', 'has', 'had', 'were', 'also', 'just', 'then']);

/**
 * Whether the words after `end` report a move (after up to two auxiliaries: "is down", "has
 * risen") or name the index's futures, or an index code in brackets follows ("Nasdaq <.IXIC>").
 */
function followedByIndexTalk(text: string, end: number): boolean {
  let i = end;
  if (text.startsWith("'s", i) || text.startsWith('’s', i)) i += 2;
  if (followedByIndexCode(text, i)) return true;
  let w = nextWord(text, i, 1);
  if (wordIs(text, w, INDEX_FOLLOWERS)) return true;
  for (let k = 0; k < 2 && w && INDEX_AUXILIARIES.has(lowerWord(text, w)); k++) {
    w = nextWord(text, w.end, 1);
  }
  return wordIs(text, w, MOVE_WORDS);
}

/** A Reuters index code in brackets right after a name: `<.IXIC>`, `(.DJI)`, `<.SPX>`. */
function followedByIndexCode(text: string, end: number): boolean {
  let i = end;
  if (text.charCodeAt(i) === 32) i++;
  const open = text.charCodeAt(i);
  if ((open !== 60 && open !== 40) || text.charCodeAt(i + 1) !== 46) return false;
  let j = i + 2;
  while (isUpper(text.charCodeAt(j)) || isDigit(text.charCodeAt(j))) j++;
  return j > i + 2 && text.charCodeAt(j) === (open === 60 ? 62 : 41);
}

/**
 * Words that put a short index name in a market report ("the Nasdaq" in "stocks fell, with the
 * Nasdaq off 1%"), as opposed to the exchange or the company: percentages and points, the other
 * indexes, and words for stocks and market moves.
 */
const MARKET_CONTEXT =
  /\d\s?%|\bpercent\b|\bpoints?\b|\bstocks\b|\bequities\b|\bindex(?:es)?\b|\bindices\b|S&(?:amp;)?P\b|\bRussell\b|\bWall Street\b|\bbenchmark|\bblue[- ]chip|\brall(?:y|ied|ies)\b|\bsell-?off\b|\brecord (?:high|close)|\bfutures\b|\bbear market\b|\bbull market\b|\bcorrection\b/i;

/** Whether the sentence around `start`..`end` reads as a market report (see {@link MARKET_CONTEXT}). */
function inMarketReport(text: string, start: number, end: number): boolean {
  let from = Math.max(0, start - 120);
  let to = Math.min(text.length, end + 120);
  // Stay within the sentence: cut at the last ". " before and the first ". " after.
  const before = text.lastIndexOf('. ', start);
  if (before >= from) from = before + 2;
  const after = text.indexOf('. ', end);
  if (after >= 0 && after < to) to = after;
  const window = text.slice(from, start) + ' ' + text.slice(end, to);
  return MARKET_CONTEXT.test(window);
}

/** A speaking or acting verb follows: the exchange operator or the company, not the index. */
function followedBySpeaker(text: string, end: number): boolean {
  return wordIs(text, nextWord(text, end, 1), SPEAKER_VERBS);
}

const SPEAKER_VERBS = new Set(
  (
    'said says announced announces told plans plan will would halted halts suspended suspends ' +
    'delisted delists listed lists approved approves launched launches filed reported reports ' +
    'acquired acquires agreed'
  ).split(' '),
);

/** A capitalised word follows (`Russell Investments`, `Dow Chemical`): a name, not the index. */
function followedByName(text: string, end: number): boolean {
  const w = nextWord(text, end, 1);
  return w !== undefined && isUpper(text.charCodeAt(w.start));
}

const RUSSELL: Record<string, IndexSymbol> = {
  '2000': '^RUT',
  '2K': '^RUT',
  '1000': '^RUI',
  '3000': '^RUA',
};

function matchRussell(text: string, start: number, end: number): IndexMatch | undefined {
  const num = numberAfter(text, end);
  if (num) {
    const symbol = RUSSELL[num.value];
    if (!symbol || isVariantAfter(text, num.end))
      return { start, end: num.end, confidence: 'sure' };
    return { start, end: num.end, symbol, confidence: 'sure' };
  }
  // "The Russell has lagged": only with "the", and not "the Russell Investments ...".
  if (!previousIs(text, start, ['the'])) return undefined;
  if (followedByName(text, end) || text.charCodeAt(end) === 45) return undefined;
  return { start, end, symbol: '^RUT', confidence: 'sure' };
}

/** Standard & Poor's and S&P numbers. */
const SP_NUMBERS: Record<string, IndexSymbol> = {
  '500': '^GSPC',
  '600': '^SP600',
  '400': '^SP400',
};

function matchSpNumber(text: string, start: number, from: number): IndexMatch | undefined {
  let i = from;
  // "S&P SmallCap 600", "S&P MidCap 400", "S&P Small Cap 600".
  const w = nextWord(text, i, 1);
  if (w) {
    const word = lowerWord(text, w);
    if (word === 'smallcap' || word === 'midcap') i = w.end;
    else if (word === 'small' || word === 'mid') {
      const w2 = nextWord(text, w.end, 1);
      if (lowerWord(text, w2) === 'cap' && w2) i = w2.end;
    }
  }
  const num = numberAfter(text, i);
  if (!num) return undefined;
  const symbol = SP_NUMBERS[num.value];
  if (!symbol || isVariantAfter(text, num.end)) return { start, end: num.end, confidence: 'sure' };
  return { start, end: num.end, symbol, confidence: 'sure' };
}

/** Whether rating-agency talk is within a few words of `start`..`end`. */
function nearRatingTalk(text: string, start: number, end: number): boolean {
  const w = nextWord(text, end, 1);
  if (w && RATING_WORDS.has(lowerWord(text, w))) return true;
  const window = text.slice(Math.max(0, start - 60), Math.min(text.length, end + 60)).toLowerCase();
  return /moody|fitch|rating|downgrad|upgrad|credit|outlook|affirm|sovereign/.test(window);
}

function matchSp(text: string, start: number, afterP: number): IndexMatch | undefined {
  const c = text.charCodeAt(afterP);
  if (c === 47) return { start, end: afterP, confidence: 'sure' }; // S&P/ASX 200, S&P/TSX
  const numbered = matchSpNumber(text, start, afterP);
  if (numbered) return numbered;
  const w = nextWord(text, afterP, 1);
  const next = w ? text.slice(w.start, w.end) : '';
  if (next === 'Dow') {
    // "S&P Dow Jones Indices" is the index company: consume it so "Dow Jones" is not the Dow.
    const jones = nextWord(text, w ? w.end : afterP, 1);
    const end = jones && text.slice(jones.start, jones.end) === 'Jones' ? jones.end : afterP;
    return { start, end, confidence: 'sure' };
  }
  if (w && isUpper(text.charCodeAt(w.start))) return undefined; // S&P Global, S&P BSE
  if (isWordChar(text.charCodeAt(afterP))) return undefined;
  if (nearRatingTalk(text, start, afterP)) return undefined;
  if (previousIs(text, start, ['the', 'broader', 'wider']) || followedByIndexTalk(text, afterP)) {
    return { start, end: afterP, symbol: '^GSPC', confidence: 'sure' };
  }
  return { start, end: afterP, symbol: '^GSPC', confidence: 'list' };
}

/** "Standard & Poor's 500" / "Standard and Poor's 500". */
function matchStandardAndPoors(text: string, start: number, end: number): IndexMatch | undefined {
  let i = end;
  while (isSpace(text.charCodeAt(i))) i++;
  const amp = ampersandLength(text, i);
  if (amp) i += amp;
  else if (wordAt(text, i, 'and')) i += 3;
  else return undefined;
  while (isSpace(text.charCodeAt(i))) i++;
  if (!text.startsWith('Poor', i)) return undefined;
  i += 4;
  if (text.startsWith("'s", i) || text.startsWith('’s', i)) i += 2;
  else if (text.charCodeAt(i) === 115) i += 1;
  return matchSpNumber(text, start, i);
}

/** Words after a bare "Nasdaq" that make it the exchange or the company. */
const NASDAQ_NOT_INDEX = new Set(
  'inc stock market global capital omx nordic baltic dubai copenhagen stockholm helsinki gs gm cm exchange listing listed private first ticker symbol'.split(
    ' ',
  ),
);

function matchNasdaq(text: string, start: number, end: number): IndexMatch | undefined {
  const c = text.charCodeAt(end);
  if (c === 45 /* - */ && text.startsWith('100', end + 1) && !isDigit(text.charCodeAt(end + 4))) {
    return { start, end: end + 4, symbol: '^NDX', confidence: 'sure' };
  }
  const num = numberAfter(text, end);
  if (num) {
    if (num.value === '100' && !isVariantAfter(text, num.end)) {
      return { start, end: num.end, symbol: '^NDX', confidence: 'sure' };
    }
    return undefined;
  }
  const w = nextWord(text, end, 1);
  const next = lowerWord(text, w);
  if (w && next === 'composite') return { start, end: w.end, symbol: '^IXIC', confidence: 'sure' };
  if (c === 58 || c === 45) return undefined; // "Nasdaq:", "Nasdaq-listed"
  if (NASDAQ_NOT_INDEX.has(next)) return undefined;
  if (previousIs(text, start, ['on', 'to', 'from', 'with', 'by', 'at'])) return undefined;
  const prev = previousWord(text, start, 2);
  if (
    prev &&
    lowerWord(text, prev) === 'the' &&
    previousIs(text, prev.start, ['on', 'to', 'from'])
  ) {
    return undefined; // "listed on the Nasdaq"
  }
  if (followedByIndexTalk(text, end)) {
    return { start, end, symbol: '^IXIC', confidence: 'sure' };
  }
  // "stocks fell, with the Nasdaq off 1%": "the Nasdaq" in a market report is the Composite.
  if (
    previousIs(text, start, ['the']) &&
    !followedBySpeaker(text, end) &&
    inMarketReport(text, start, end)
  ) {
    return { start, end, symbol: '^IXIC', confidence: 'sure' };
  }
  const before = text.slice(Math.max(0, start - 24), start).toLowerCase();
  if (/tech(nology)?[- ](heavy|laden|dominated|rich)\s*$/.test(before)) {
    return { start, end, symbol: '^IXIC', confidence: 'sure' };
  }
  return { start, end, symbol: '^IXIC', confidence: 'list' };
}

const DOW_NOT_INDEX = new Set(
  'inc chemical corning dupont transports transportation transportations utilities utility newswires news'.split(
    ' ',
  ),
);

function matchDow(text: string, start: number, end: number): IndexMatch | undefined {
  let stop = end;
  let sure = false;
  const w = nextWord(text, end, 1);
  let next = lowerWord(text, w);
  if (w && next === 'jones') {
    stop = w.end;
    const w2 = nextWord(text, w.end, 1);
    const after = lowerWord(text, w2);
    if (text.charCodeAt(stop) === 38 || after === 'market' || after === 'indices') {
      return { start, end: w2 ? w2.end : stop, confidence: 'sure' }; // Dow Jones & Co, Market Data
    }
    if (w2 && (after === 'industrial' || after === 'industrials')) {
      const w3 = nextWord(text, w2.end, 1);
      stop = lowerWord(text, w3) === 'average' && w3 ? w3.end : w2.end;
      return { start, end: stop, symbol: '^DJI', confidence: 'sure' };
    }
    next = after;
  } else if (w && next === 'industrials') {
    return { start, end: w.end, symbol: '^DJI', confidence: 'sure' };
  }
  if (DOW_NOT_INDEX.has(next)) return undefined;
  if (previousIs(text, start, ['the']) || followedByIndexTalk(text, stop)) sure = true;
  // "Dow Jones" in a market report ("Dow Jones and Nasdaq stocks", "the S&P 500 and Dow Jones").
  else if (
    stop > end &&
    !followedBySpeaker(text, stop) &&
    !followedByName(text, stop) &&
    inMarketReport(text, start, stop)
  ) {
    sure = true;
  }
  if (!sure && followedByName(text, stop)) return undefined;
  return { start, end: stop, symbol: '^DJI', confidence: sure ? 'sure' : 'list' };
}

/**
 * Matches an index name that starts with the capitalised word at `start`..`end`, or returns
 * undefined. Handles Russell 2000/1000/3000, S&P 500/600/400, Standard & Poor's 500, Nasdaq
 * Composite, Nasdaq-100, Dow Jones Industrial Average and the short forms "the Russell",
 * "S&P", "Nasdaq", "Dow" with the context rules in GUIDELINES-style prose.
 */
export function matchIndexName(text: string, start: number, end: number): IndexMatch | undefined {
  const len = end - start;
  const c0 = text.charCodeAt(start);
  if (len === 1 && c0 === 83 /* S */) {
    const amp = ampersandLength(text, end);
    if (amp && text.charCodeAt(end + amp) === 80 && !isWordChar(text.charCodeAt(end + amp + 1))) {
      return matchSp(text, start, end + amp + 1);
    }
    if (amp && text.startsWith('P500', end + amp)) {
      const stop = end + amp + 4;
      if (!isWordChar(text.charCodeAt(stop)) && !isVariantAfter(text, stop)) {
        return { start, end: stop, symbol: '^GSPC', confidence: 'sure' };
      }
    }
    return undefined;
  }
  // R, S, N, D: cheap test before building the word.
  if ((c0 !== 82 && c0 !== 83 && c0 !== 78 && c0 !== 68) || len > 8) return undefined;
  const word = text.slice(start, end);
  switch (word) {
    case 'Russell':
    case 'RUSSELL':
      return matchRussell(text, start, end);
    case 'Standard':
      return matchStandardAndPoors(text, start, end);
    case 'Nasdaq':
    case 'NASDAQ':
      return matchNasdaq(text, start, end);
    case 'Dow':
    case 'DOW':
      return matchDow(text, start, end);
    default:
      return undefined;
  }
}

/**
 * "small-cap index" / "small cap index" / "smallcap index" at `start` (either case of the first
 * letter): returns the end of the phrase or -1. It names the Russell 2000 only when the same text
 * has already named it (the caller checks), per the corpus guidelines.
 */
export function matchSmallCapIndex(text: string, start: number): number {
  if ((text.charCodeAt(start) | 32) !== 115 || !text.startsWith('mall', start + 1)) return -1;
  let i = start + 5;
  const sep = text.charCodeAt(i);
  if (sep === 45 || sep === 32) i++;
  if (!text.startsWith('cap', i)) return -1;
  i += 3;
  if (text.charCodeAt(i) !== 32 || !wordAt(text, i + 1, 'index')) return -1;
  return i + 6;
}
