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
 * - `other`: the letters name something else here, which says the same letters elsewhere in the
 *   document are not this ticker either: an acronym defined in parentheses ("Less Than
 *   Truckload (LTL)"), a company whose own code is a foreign listing ("rival MTN <MTNJ.J>"), the
 *   start of a longer name ("SAIC Mobility");
 * - `no`: not a ticker (hashtag, compound, shouting, markup).
 */
export type BareVerdict =
  'ticker' | 'move' | 'weak' | 'maybe' | 'name' | 'own-name' | 'other' | 'no';

/** The verdict, and whether the symbol stood in parentheses right after a name. */
export interface BareJudgement {
  verdict: BareVerdict;
  parenthesized: boolean;
}

const NO: BareJudgement = { verdict: 'no', parenthesized: false };
const OTHER: BareJudgement = { verdict: 'other', parenthesized: false };
const MAYBE: BareJudgement = { verdict: 'maybe', parenthesized: false };

/** Small words skipped when comparing a parenthesised code with the initials before it. */
const MINOR_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', '&', 'a', 'an', 'to']);

/**
 * Whether `(CODE)` defines an acronym of the words before it ("Artificial Intelligence (AI)",
 * "Federal Reserve Bank (FRB)"), the most common reason for capitals in parentheses in prose.
 */
function isAcronymDefinition(text: string, open: number, code: string): boolean {
  // "Golden Ocean Group Limited (GOGL)": a company's ticker is often its initials.
  if (LEGAL_FORMS.has(lowerWord(text, previousWord(text, open, 2)))) return false;
  let before = open;
  while (before > 0 && isSpace(text.charCodeAt(before - 1))) before--;
  if (text.charCodeAt(before - 1) === 46) {
    const abbreviation = previousWord(text, before - 1, 0);
    if (LEGAL_FORMS.has(lowerWord(text, abbreviation))) return false; // "Inc. (X)"
  }
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

/** Reuters suffixes of US venues (a code with another suffix is a foreign listing). */
const US_RIC_SUFFIXES = new Set(['N', 'O', 'OQ', 'A', 'K', 'P', 'PK', 'OB']);

/**
 * A foreign listing code in brackets right after the token: a Reuters code with a non-US suffix
 * (`<MTNJ.J>`, `(VOD.L)`, `<7203.T>`, `<NPNJn.J>`) or a non-US exchange prefix (`(LSE: BARC)`,
 * `(ASX:BHP)`). US prefixes and US Reuters codes are not foreign.
 */
export function followedByForeignCode(text: string, end: number): boolean {
  let i = end;
  if (text.charCodeAt(i) === 32) i++;
  const open = text.charCodeAt(i);
  if (open !== 60 && open !== 40) return false;
  const close = text.indexOf(open === 60 ? '>' : ')', i + 1);
  if (close < 0 || close - i > 18) return false;
  const code = text.slice(i + 1, close).trim();
  const ric = /^[A-Z0-9]{1,8}[a-z]?\.([A-Z]{1,3})$/.exec(code);
  if (ric) return !US_RIC_SUFFIXES.has(ric[1] ?? '');
  const prefixed = /^([A-Z]{2,6})\s?:\s?[A-Z0-9.]{1,8}$/.exec(code);
  return prefixed !== null && !US_EXCHANGE_WORDS.has(prefixed[1] ?? '');
}

/** First words of US exchange prefixes (the rest are foreign: LSE, ASX, TSX, JSE, HKEX...). */
const US_EXCHANGE_WORDS = new Set([
  'NYSE',
  'NASDAQ',
  'AMEX',
  'ARCA',
  'OTC',
  'OTCQX',
  'OTCQB',
  'OTCMKTS',
  'OTCPK',
  'BATS',
  'CBOE',
  'NYSEARCA',
  'NYSEAMERICAN',
  'NYSEMKT',
]);

/** Capitalised words that can follow a ticker in a headline or list without continuing a name. */
const NOT_CONTINUATIONS = new Set(
  (
    'a an the and or but to of in on at by for from with as is are was were will can could ' +
    'would should may might has have had do does did be been being it its this that if vs ' +
    'q1 q2 q3 q4 h1 h2 fy inc corp'
  ).split(' '),
);

/**
 * The token starts a longer name: a capitalised word follows ("SAIC Mobility said", "rival ETR
 * Group"), in running text rather than a Title Case headline (a lower-case word before the token
 * or after that word). Words that continue headlines and ticker talk (verbs of moving, "Stock",
 * "Will") do not count.
 */
function startsLongerName(text: string, start: number, end: number): boolean {
  const next = nextWord(text, end, 1);
  if (!next || next.start === end || !isUpper(text.charCodeAt(next.start))) return false;
  if (isCapitalsWord(text, next, 2)) {
    // Another code ("AAPL MSFT"), unless a legal form follows it ("FLEX LNG Ltd.").
    const after = nextWord(text, next.end, 1);
    return after !== undefined && LEGAL_FORMS.has(lowerWord(text, after));
  }
  const word = lowerWord(text, next);
  if (
    NOT_CONTINUATIONS.has(word) ||
    MOVE_WORDS.has(word) ||
    TICKER_NOUNS.has(word) ||
    SPEAKER_WORDS.has(word) ||
    NAME_CONTINUATION_WORDS.has(word)
  ) {
    return false;
  }
  const isLowerWord = (span: WordSpan | undefined) =>
    span !== undefined && isLower(text.charCodeAt(span.start));
  return isLowerWord(previousWord(text, start, 1)) || isLowerWord(nextWord(text, next.end, 1));
}

/** Legal forms that end a company's name. */
const LEGAL_FORMS = new Set('inc corp corporation ltd limited plc llc co sa nv ag se'.split(' '));

/** Capitalised words that stand before a ticker without being part of a name. */
const NOT_NAME_HEADS = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
    'june july august september october november december long short buy sell bought sold own ' +
    'watching watch added adding trimmed holding hold'
  ).split(' '),
);

/**
 * The token ends a longer name: right after a capitalised word that is not a function word, a
 * verb of moving or speaking, a day, a month or a trading word, in running text ("decliners,
 * Golar LNG slid", "shares of Cheniere LNG"): the word before that one is lower case, or a comma,
 * semicolon or bracket stands before it. Title Case headlines ("Analysts Love KTOS") and
 * sentence starts ("Long KTOS") do not count.
 */
function endsLongerName(text: string, start: number): boolean {
  const prev = previousWord(text, start, 1);
  if (!prev || prev.end === start || !isUpper(text.charCodeAt(prev.start))) return false;
  if (isCapitalsWord(text, prev, 1)) return false; // a list of codes ("AAPL MSFT")
  const word = lowerWord(text, prev);
  if (
    NOT_CONTINUATIONS.has(word) ||
    NOT_NAME_HEADS.has(word) ||
    MOVE_WORDS.has(word) ||
    SPEAKER_WORDS.has(word) ||
    TICKER_NOUNS.has(word) ||
    TICKER_LABELS.has(word)
  ) {
    return false;
  }
  const before = previousWord(text, prev.start, 1);
  if (before) return isLower(text.charCodeAt(before.start));
  let i = prev.start;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  const c = text.charCodeAt(i - 1);
  return c === 44 || c === 59 || c === 40;
}

/** Determiners before a noun phrase ("the WFH trade", "an IT services firm"). */
const DETERMINERS = new Set(
  'the a an this that these those its their our his her your my'.split(' '),
);

/** Lower-case words after a token that do not make it the modifier of a noun. */
const NOT_NOUN_HEADS = new Set(
  (
    'and or but nor to of in on at by for from with as is are was were will would can could ' +
    'should may might has have had do does did be been vs versus than then after before since ' +
    'until over under into onto about while when where which who that this these those its ' +
    'their today yesterday tomorrow now also just still again earnings results guidance ' +
    'overweight underweight outperform'
  ).split(' '),
);

/**
 * The token modifies the noun that follows ("IT services", "LTL carriers", "WFH trade"): a
 * lower-case word that is not a verb of moving or speaking, an auxiliary, a function word or a
 * ticker noun (`plural` when it looks like a plural noun). Acronyms are used this way far more
 * often than tickers.
 */
function modifiesNoun(text: string, end: number): 'plural' | 'noun' | undefined {
  const next = nextWord(text, end, 1);
  if (!next || next.start === end || !isLower(text.charCodeAt(next.start))) return undefined;
  const word = lowerWord(text, next);
  const noun = !(
    NOT_NOUN_HEADS.has(word) ||
    MOVE_WORDS.has(word) ||
    SPEAKER_WORDS.has(word) ||
    AUXILIARY_WORDS.has(word) ||
    TICKER_NOUNS.has(word) ||
    word.endsWith('ed') ||
    word.endsWith('ly')
  );
  if (!noun) return undefined;
  return word.length >= 4 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word) ? 'plural' : 'noun';
}

/**
 * Whether the text before the `(` at `open` ends a name: a capitalised word or one starting with
 * a digit ("Apple (AAPL)", "3M (MMM)"), an abbreviation's period or a comma ("Inc. (AMZN)",
 * "Inc., (X)"), or a dotted name whose last part is lower case ("C3.ai (AI)", "Amazon.com (AMZN)").
 */
function endsName(text: string, open: number): boolean {
  let i = open;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  const c = text.charCodeAt(i - 1);
  if (c === 46 || c === 44) return true;
  const prev = previousWord(text, i, 0);
  if (!prev) return false;
  const first = text.charCodeAt(prev.start);
  if (isUpper(first) || isDigit(first)) return true;
  // "C3.ai", "Amazon.com": a lower-case part after a dot inside a capitalised name.
  if (text.charCodeAt(prev.start - 1) !== 46) return false;
  const head = previousWord(text, prev.start - 1, 0);
  return (
    head !== undefined &&
    (isUpper(text.charCodeAt(head.start)) || isDigit(text.charCodeAt(head.start)))
  );
}

/**
 * The word after the token is followed by a verb (a verb of moving or speaking, an auxiliary, or
 * a word ending in -ed), so the token and that word form a noun phrase ("PBM reform stalled",
 * "LTL carriers are"), the way acronyms are used; a ticker is followed by its verb directly.
 */
function nounPhraseSubject(text: string, end: number): boolean {
  const noun = nextWord(text, end, 1);
  const verb = noun && nextWord(text, noun.end, 1);
  if (!verb || !isLower(text.charCodeAt(verb.start))) return false;
  const word = lowerWord(text, verb);
  return (
    MOVE_WORDS.has(word) ||
    SPEAKER_WORDS.has(word) ||
    AUXILIARY_WORDS.has(word) ||
    (word.length > 4 && word.endsWith('ed'))
  );
}

/**
 * Whether `(CODE)` follows a lower-case phrase that spells it out ("less-than-truckload (LTL)",
 * "prostate-specific antigen (PSA)"): the code's letters appear in order in the last words
 * before the bracket, the first one starting the phrase.
 */
function isLowerCaseDefinition(text: string, open: number, code: string): boolean {
  const starts: number[] = [];
  let joined = false;
  for (let span = previousWord(text, open, 2); span && starts.length < 5;) {
    // A capitalised word counts only as the hyphenated start of the phrase ("Less-than-...").
    const capital = !isLower(text.charCodeAt(span.start));
    if (capital && !joined) break;
    starts.push(span.start);
    if (capital) break;
    joined = text.charCodeAt(span.start - 1) === 45;
    span = joined ? previousWord(text, span.start - 1, 0) : previousWord(text, span.start, 1);
  }
  const lower = code.toLowerCase();
  // The shortest phrase that starts with the code's first letter and holds the rest in order.
  for (let w = 0; w < starts.length; w++) {
    const from = starts[w] as number;
    const phrase = text.slice(from, open).toLowerCase();
    if (phrase.charCodeAt(0) !== lower.charCodeAt(0)) continue;
    let k = 1;
    for (let i = 1; i < phrase.length && k < lower.length; i++) {
      if (phrase.charCodeAt(i) === lower.charCodeAt(k)) k++;
    }
    if (k === lower.length && (w >= 1 || phrase.includes('-'))) return true;
  }
  return false;
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
    const afterName = endsName(text, start - 1);
    if (afterName && isAcronymDefinition(text, start - 1, letters)) return OTHER;
    if (afterName) {
      if (shouted && weakSymbol) return NO;
      return { verdict: 'ticker', parenthesized: true };
    }
    if (!afterName && isLowerCaseDefinition(text, start - 1, letters)) return OTHER;
    if (!afterName && !weakSymbol && !shouted) return { verdict: 'ticker', parenthesized: true };
    return NO;
  }
  if (shouted) return NO;
  // Part of a phrase in capitals ("NEW YORK, March 3"): a neighbouring capitals word that is not
  // itself a symbol. Lists of tickers ("AAPL MSFT GOOGL") are symbols next to symbols.
  if (inCapitalsPhrase(text, start, end, isSymbol)) return NO;
  if (followedByForeignCode(text, end)) return OTHER;
  const nameLike = (flags & SymbolFlag.NameLike) !== 0;
  if (!nameLike && (startsLongerName(text, start, end) || endsLongerName(text, start))) {
    return OTHER;
  }
  const modifier = modifiesNoun(text, end);
  const afterDeterminer = DETERMINERS.has(lowerWord(text, previousWord(text, start, 1)));
  // "the WFH trade", "an IT services firm", "LTL carriers": a noun phrase, where acronyms live.
  const acronymish = weakSymbol || (flags & SymbolFlag.Fund) !== 0;
  if ((modifier && afterDeterminer) || (modifier === 'plural' && acronymish)) return MAYBE;
  // "PBM reform stalled", "IT spending rose": the token and a noun are the subject of a verb.
  if (modifier && nounPhraseSubject(text, end)) return MAYBE;

  const next = nextWord(text, skipPossessive(text, end), 1);
  // "a stake in FMC Corporation": a legal form makes the letters the company's name.
  if (next && next.start > end && isUpper(text.charCodeAt(next.start))) {
    if (LEGAL_FORMS.has(lowerWord(text, next))) return { verdict: 'name', parenthesized: false };
  }
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
