import {
  AUXILIARY_WORDS,
  MOVE_WORDS,
  NAME_CONTINUATION_WORDS,
  SPEAKER_WORDS,
  TICKER_NOUNS,
} from './market-words';
import { SymbolFlag } from './symbol-flags';
import {
  isDigit,
  isLower,
  isSpace,
  isUpper,
  isWordChar,
  lowerWord,
  nextWord,
  previousWord,
  type WordSpan,
} from './text-cursor';

/**
 * How sure a bare upper-case symbol is a ticker:
 * - `ticker`: an explicit ticker signal (parentheses after a name, "X shares", "ticker X");
 * - `move`: followed by a price move ("IWM fell 2%");
 * - `weak`: nothing against it, nothing for it (counts for distinctive symbols only);
 * - `maybe`: a word-like, short or OTC-only symbol without a signal: counts only in a list
 *   next to an accepted ticker ("SPY and QQQ");
 * - `name`: used as an organisation's name ("LPL thinks", "AMP Capital");
 * - `own-name`: the company's name right before its own cashtag ("AEP ($AEP)");
 * - `no`: not a ticker (hashtag, compound, shouting, acronym definition).
 */
export type BareVerdict = 'ticker' | 'move' | 'weak' | 'maybe' | 'name' | 'own-name' | 'no';

/** The verdict, and whether the symbol stood in parentheses right after a name. */
export interface BareJudgement {
  verdict: BareVerdict;
  parenthesized: boolean;
}

const NO: BareJudgement = { verdict: 'no', parenthesized: false };

/** Small words skipped when comparing a parenthesised code with the initials before it. */
const MINOR_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', '&', 'a', 'an', 'to']);

/**
 * Whether `(CODE)` defines an acronym of the words before it ("Artificial Intelligence (AI)",
 * "Federal Reserve Bank (FRB)"), the most common reason for capitals in parentheses in prose.
 */
function isAcronymDefinition(text: string, open: number, code: string): boolean {
  // Walk back over the words before "(", matching the code's letters from its last one.
  let want = code.length - 1;
  let span = previousWord(text, open, 2);
  for (let k = 0; k < 8 && span && want >= 0; k++) {
    const len = span.end - span.start;
    const minor = len <= 3 && MINOR_WORDS.has(text.slice(span.start, span.end).toLowerCase());
    if (!minor) {
      const initial = text.charCodeAt(span.start);
      if ((isLower(initial) ? initial - 32 : initial) !== code.charCodeAt(want)) return false;
      want--;
    }
    const pos = span.start;
    span = previousWord(text, pos, 2);
    // Allow hyphenated words ("Exchange-Traded Fund").
    if (!span && text.charCodeAt(pos - 1) === 45) span = previousWord(text, pos - 1, 0);
  }
  return want < 0;
}

function isCapitalsWord(text: string, span: WordSpan | undefined, minLength: number): boolean {
  if (!span || span.end - span.start < minLength) return false;
  for (let i = span.start; i < span.end; i++) if (isLower(text.charCodeAt(i))) return false;
  return true;
}

/** Whether the text around `start`..`end` has no lower-case letter (a shouted line or heading). */
function inAllCapitals(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 40);
  const to = Math.min(text.length, end + 40);
  for (let i = from; i < to; i++) if (isLower(text.charCodeAt(i))) return false;
  return true;
}

function inCapitalsPhrase(
  text: string,
  start: number,
  end: number,
  isSymbol: (word: string) => boolean,
): boolean {
  for (const span of [previousWord(text, start, 1), nextWord(text, end, 1)]) {
    if (span && isCapitalsWord(text, span, 2) && !isSymbol(text.slice(span.start, span.end))) {
      return true;
    }
  }
  return false;
}

/** A move verb follows (optionally after "has", "was"), with a number and % soon after. */
function followedByPriceMove(text: string, end: number): boolean {
  let w: WordSpan | undefined = nextWord(text, end, 1);
  for (let k = 0; k < 2 && w && AUXILIARY_WORDS.has(lowerWord(text, w)); k++) {
    w = nextWord(text, w.end, 1);
  }
  if (!w || !MOVE_WORDS.has(lowerWord(text, w))) return false;
  const stop = Math.min(text.length, w.end + 40);
  let digit = false;
  for (let i = w.end; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) digit = true;
    else if (c === 37 /* % */ && digit) return true;
    else if (c === 46 && !isDigit(text.charCodeAt(i + 1))) return false; // sentence ended
  }
  return false;
}

function skipPossessive(text: string, end: number): number {
  const c = text.charCodeAt(end);
  if ((c === 39 || c === 0x2019) && text.charCodeAt(end + 1) === 115) return end + 2;
  return end;
}

/** "AEP ($AEP)": the letters before the company's own cashtag are its name. */
function isFollowedByOwnCashtag(text: string, end: number, symbol: string): boolean {
  let i = end;
  while (isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 40) return false;
  i++;
  if (text.charCodeAt(i) === 36) i++;
  return text.startsWith(symbol, i) && text.charCodeAt(i + symbol.length) === 41;
}

const PRECEDING_PAIRS = ['shares of', 'stock of', 'stake in', 'shares in', 'position in'];
const TICKER_LABELS = new Set(['ticker', 'symbol', 'tickers', 'symbols']);

/**
 * Judges a bare upper-case symbol found at `start`..`end` (the letters only). `isSymbol` tells
 * whether a neighbouring capitals word is itself a listed symbol (so ticker lists still count).
 * Strong signals: parentheses right after a capitalised name (not an acronym of it), "shares of
 * X", "X shares", "ticker X", "X fell 2%". Without one, symbols that are word-like, have one or
 * two letters, or trade only over the counter are `maybe`; other symbols of three or more letters
 * written in capitals inside mixed-case text are `ticker`.
 */
export function judgeBareSymbol(
  text: string,
  start: number,
  end: number,
  symbol: string,
  flags: number,
  isSymbol: (word: string) => boolean = () => false,
): BareJudgement {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  // Hashtags, handles, pairs (BTC/USD), compounds (COVID-19, EMEA-based), M&A.
  if (before === 35 || before === 64 || before === 38 || before === 47 || before === 92) return NO;
  if (before === 45 && isWordChar(text.charCodeAt(start - 2))) return NO;
  if (after === 38) return NO;
  // Inside a Reuters bracket (`<ABT.>` is malformed; valid codes are read as RICs before this).
  if (before === 60) return NO;
  // A (non-US) exchange prefix itself: "ASX:ADH", "LON:SHEL".
  if (after === 58 && isUpper(text.charCodeAt(end + 1))) return NO;
  if ((after === 47 || after === 45) && isWordChar(text.charCodeAt(end + 1))) return NO;
  if (after === 46 && isWordChar(text.charCodeAt(end + 1))) return NO;
  if (isDigit(after)) return NO;
  // Code and markup: KEY=VAL, "AAAA", 'X'.
  if (after === 61 || before === 61) return NO;
  if ((before === 34 && after === 34) || (before === 39 && after === 39)) return NO;

  const shouted = inAllCapitals(text, start, end);
  const letters = symbol.replace('.', '');
  const weakSymbol =
    (flags & (SymbolFlag.WordLike | SymbolFlag.OverTheCounter)) !== 0 || letters.length <= 2;

  if (before === 40 && after === 41) {
    const prev = previousWord(text, start - 1, 2);
    const gapChar = text.charCodeAt(prev ? prev.end : start - 2);
    const named =
      prev !== undefined &&
      (isUpper(text.charCodeAt(prev.start)) || isDigit(text.charCodeAt(prev.start)));
    const afterName = named || gapChar === 46 || gapChar === 44; // "Inc. (AMZN)", "Inc., (X)"
    if (afterName && !isAcronymDefinition(text, start - 1, letters)) {
      if (shouted && weakSymbol) return NO;
      return { verdict: 'ticker', parenthesized: true };
    }
    if (!afterName && !weakSymbol && !shouted) return { verdict: 'ticker', parenthesized: true };
    return NO;
  }
  if (shouted) return NO;
  // Part of a phrase in capitals ("NEW YORK, March 3"): a neighbouring capitals word that is not
  // itself a symbol. Lists of tickers ("AAPL MSFT GOOGL") are symbols next to symbols.
  if (inCapitalsPhrase(text, start, end, isSymbol)) return NO;

  const next = nextWord(text, skipPossessive(text, end), 1);
  if (next && TICKER_NOUNS.has(lowerWord(text, next))) {
    return { verdict: 'ticker', parenthesized: false };
  }
  const prev = previousWord(text, start, 1);
  if (prev) {
    const p = lowerWord(text, prev);
    if (TICKER_LABELS.has(p)) return { verdict: 'ticker', parenthesized: false };
    const prev2 = previousWord(text, prev.start, 1);
    if (prev2 && PRECEDING_PAIRS.includes(`${lowerWord(text, prev2)} ${p}`)) {
      return { verdict: 'ticker', parenthesized: false };
    }
  } else if (before === 58 && isSpace(after)) {
    // "Ticker: X"
    const label = previousWord(text, start - 1, 0);
    if (label && TICKER_LABELS.has(lowerWord(text, label))) {
      return { verdict: 'ticker', parenthesized: false };
    }
  }
  if (followedByPriceMove(text, skipPossessive(text, end))) {
    return { verdict: 'move', parenthesized: false };
  }
  if (next) {
    const word = lowerWord(text, next);
    const capitalised = isUpper(text.charCodeAt(next.start));
    if (SPEAKER_WORDS.has(word) || (capitalised && NAME_CONTINUATION_WORDS.has(word))) {
      return { verdict: 'name', parenthesized: false };
    }
  }
  if (isFollowedByOwnCashtag(text, end, symbol)) {
    return { verdict: 'own-name', parenthesized: false };
  }
  return { verdict: weakSymbol ? 'maybe' : 'weak', parenthesized: false };
}
