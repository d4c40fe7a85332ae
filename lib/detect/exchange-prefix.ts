import { isSpace, isUpper, isWordChar, nextWord } from './text-cursor';

/** First words of US exchange prefixes, as written before `:` ("NYSE American: UAMY"). */
const EXCHANGE_HEADS: ReadonlySet<string> = new Set([
  'NYSE',
  'NASDAQ',
  'Nasdaq',
  'NasdaqGS',
  'NasdaqGM',
  'NasdaqCM',
  'AMEX',
  'Amex',
  'NYSEAMERICAN',
  'NYSEARCA',
  'NYSEMKT',
  'ARCA',
  'OTC',
  'OTCQX',
  'OTCQB',
  'OTCMKTS',
  'OTCPK',
  'OTCBB',
  'BATS',
  'CBOE',
  'Cboe',
  'NYQ',
  'NMS',
  'NGS',
]);

/** Words that may follow the head before the colon ("NYSE American", "OTC Markets", "Nasdaq GS"). */
const EXCHANGE_TAILS: ReadonlySet<string> = new Set([
  'American',
  'AMERICAN',
  'Arca',
  'ARCA',
  'MKT',
  'Mkt',
  'Amex',
  'AMEX',
  'Markets',
  'Pink',
  'PINK',
  'GS',
  'GM',
  'CM',
  'Global',
  'Capital',
  'Select',
  'Market',
  'QX',
  'QB',
  'BZX',
  'US',
]);

/** Where the symbol after an exchange prefix starts, and whether it is written as a cashtag. */
export interface ExchangePrefix {
  /** Index of the symbol's first character (of the `$` for a cashtag). */
  symbolStart: number;
  cashtag: boolean;
}

/**
 * Recognises a US exchange prefix whose first word is `start`..`end` ("NYSE", "Nasdaq",
 * "NYSE American", "OTC Markets") followed by a colon, and returns where the symbol starts.
 * Non-US prefixes (ASX:, JSE:, TSX:) are not in the list.
 */
export function matchExchangePrefix(
  text: string,
  start: number,
  end: number,
): ExchangePrefix | undefined {
  const c0 = text.charCodeAt(start);
  // N, A, O, B, C: cheap test before building the word.
  if (c0 !== 78 && c0 !== 65 && c0 !== 79 && c0 !== 66 && c0 !== 67) return undefined;
  if (end - start > 12 || !EXCHANGE_HEADS.has(text.slice(start, end))) return undefined;
  let i = end;
  for (let k = 0; k < 3 && text.charCodeAt(i) !== 58; k++) {
    const w = nextWord(text, i, 1);
    if (!w || !EXCHANGE_TAILS.has(text.slice(w.start, w.end))) return undefined;
    i = w.end;
  }
  while (isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 58 /* : */) return undefined;
  i++;
  let gap = 0;
  while (isSpace(text.charCodeAt(i)) && gap < 2) {
    i++;
    gap++;
  }
  const c = text.charCodeAt(i);
  if (c === 36 /* $ */) return { symbolStart: i, cashtag: true };
  if (!isUpper(c) || (i > 0 && isWordChar(text.charCodeAt(i - 1)))) return undefined;
  return { symbolStart: i, cashtag: false };
}
