import { INDEX_CODES } from './index-names';
import type { IndexSymbol } from './mention';
import type { SymbolDictionary } from './symbol-dictionary';
import { SymbolFlag } from './symbol-flags';
import { readSymbol } from './symbol-token';
import { isLower, isWordChar } from './text-cursor';

/**
 * Cashtags that stand for something other than a listed security even though a US listing
 * shares the letters: crypto coins, index futures, the dollar index. Traders write these as
 * cashtags far more often than the colliding tickers.
 */
export const NON_EQUITY_CASHTAGS: ReadonlySet<string> = new Set([
  'BTC',
  'ETH',
  'XRP',
  'SOL',
  'DOGE',
  'ADA',
  'LTC',
  'BNB',
  'SHIB',
  'AVAX',
  'USDT',
  'USDC',
  'ES',
  'NQ',
  'YM',
  'DX',
  'DXY',
  'VX',
]);

/** Letters after a cashtag's dot that mark a non-US listing (`$NEE.ca`, `$SHOP.TO`, `$VOD.L`). */
function hasForeignSuffix(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 46) return false;
  let j = end + 1;
  while (isWordChar(text.charCodeAt(j))) j++;
  return j > end + 1;
}

/**
 * London-style cashtags end in a dot (`$SN. $HL. $VOD.`): a dot right after the symbol followed by
 * another `$`, or by a lower-case word, marks an LSE ticker, not a sentence end.
 */
function isLondonStyle(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 46) return false;
  // "$RR. slipped": a sentence does not go on in lower case after its full stop.
  if (text.charCodeAt(end + 1) === 32 && isLower(text.charCodeAt(end + 2))) return true;
  let i = end + 1;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 44)) i++;
  return text.charCodeAt(i) === 36;
}

/** A cashtag found at a `$`. */
export type CashtagMatch =
  | { kind: 'cashtag'; start: number; end: number; symbol: string; flags: number }
  | { kind: 'index'; start: number; end: number; symbol: IndexSymbol };

/**
 * Reads a cashtag at `dollar` (the index of `$`): `$AAPL`, `$aapl`, `$BRK.B`, `$brk-b`. Amounts
 * (`$5`, `$3k`), a `$` glued to a word (`US$`, `1$9.80`), crypto/futures codes and non-US
 * suffixes are rejected. Index cashtags (`$SPX`, `$VIX`) come back as kind `index` without the `$`.
 */
export function readCashtag(
  text: string,
  dollar: number,
  dictionary: SymbolDictionary,
): CashtagMatch | undefined {
  if (dollar > 0 && isWordChar(text.charCodeAt(dollar - 1))) return undefined;
  const start = dollar + 1;
  const token = readSymbol(text, start, dictionary, true);
  const rootEnd = token?.end ?? scanLetters(text, start);
  const root = text.slice(start, rootEnd).toUpperCase();
  const index = INDEX_CODES.get(root);
  if (index && !isWordChar(text.charCodeAt(rootEnd))) {
    const mixed =
      /[a-z]/.test(text.slice(start, rootEnd)) && /[A-Z]/.test(text.slice(start, rootEnd));
    if (!mixed) return { kind: 'index', start, end: rootEnd, symbol: index };
  }
  if (!token || NON_EQUITY_CASHTAGS.has(token.symbol)) return undefined;
  if (hasForeignSuffix(text, token.end) || isLondonStyle(text, token.end)) return undefined;
  return {
    kind: 'cashtag',
    start: dollar,
    end: token.end,
    symbol: token.symbol,
    flags: token.flags,
  };
}

function scanLetters(text: string, i: number): number {
  let j = i;
  while (
    j - i < 6 &&
    (isLower(text.charCodeAt(j)) || (text.charCodeAt(j) >= 65 && text.charCodeAt(j) <= 90))
  )
    j++;
  return j;
}

/** Words near a list of cashtags that place it on a non-US market. */
const FOREIGN_MARKET =
  /\bFTSE\b|\bLSE\b|\bAIM\b|\bLondon\b|\bUK\b|\bU\.K\.|£|\bASX\b|\bTSX\b|\bJSE\b|\bHKEX\b|\bDAX\b|\bCAC\b|\bEuro ?Stoxx\b|\bpence\b/;

/** Separators allowed between the cashtags of one list. */
function skipListSeparator(text: string, i: number, step: 1 | -1): number {
  let j = i;
  for (let k = 0; k < 8; k++) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 44 || c === 47 || c === 38 || c === 10 || c === 9) j += step;
    else break;
  }
  return j;
}

/** A run of cashtags separated only by spaces, commas, slashes or `&`, and what it holds. */
export interface CashtagList {
  /** Index of the first member's `$`, and the end of the last member. */
  start: number;
  end: number;
  /** Members that are not US symbols (unknown letters, a London-style dot, a foreign suffix). */
  foreign: number;
  /** Members that are US symbols of US issuers (foreign issuers' US listings count for neither). */
  us: number;
  /** A London-style dot, or a non-US market word (FTSE, LSE, London, £...) within 150 characters. */
  marked: boolean;
}

/** The end of the cashtag-like token whose `$` is at `d` (letters, digits, a trailing dot), or -1. */
function tokenEnd(text: string, d: number): number {
  let e = d + 1;
  while (isWordChar(text.charCodeAt(e))) e++;
  return e === d + 1 ? -1 : e;
}

/**
 * The list of cashtags around the one whose `$` is at `dollar` (a list of one when it stands
 * alone), walked once so every member can be judged from the counts ({@link isForeignListMember}).
 */
export function readCashtagList(
  text: string,
  dollar: number,
  dictionary: SymbolDictionary,
): CashtagList {
  // Back to the first member.
  let first = dollar;
  for (let k = 0; k < 16; k++) {
    let j = skipListSeparator(text, first - 1, -1);
    if (text.charCodeAt(j) === 46) j--; // "$SN. $HL."
    let s = j;
    while (s >= 0 && isWordChar(text.charCodeAt(s))) s--;
    if (s === j || s < 0 || text.charCodeAt(s) !== 36) break;
    first = s;
  }
  let foreign = 0;
  let us = 0;
  let dotted = false;
  let end = dollar;
  for (let d = first, k = 0; k < 32; k++) {
    const e = tokenEnd(text, d);
    if (e < 0) break;
    end = e;
    const token = readSymbol(text, d + 1, dictionary, true);
    const dot = text.charCodeAt(e) === 46;
    if (dot) dotted = true;
    if (!token || token.end !== e || dot) foreign++;
    else if ((token.flags & SymbolFlag.ForeignIssuer) === 0) us++;
    const next = skipListSeparator(text, e + (dot ? 1 : 0), 1);
    if (text.charCodeAt(next) !== 36) break;
    d = next;
  }
  let marked = dotted;
  if (!marked && foreign >= 2) {
    const window = text.slice(Math.max(0, first - 150), Math.min(text.length, end + 150));
    marked = FOREIGN_MARKET.test(window);
  }
  return { start: first, end, foreign, us, marked };
}

/**
 * Whether a US issuer's cashtag in `list` is there as a London or other non-US symbol: at least
 * two other members are not US symbols, they outnumber the other US ones, and the list is marked
 * as non-US ({@link CashtagList.marked}). The caller keeps foreign issuers (`$VOD`).
 */
export function isForeignListMember(list: CashtagList): boolean {
  const otherUs = list.us - 1;
  return list.marked && list.foreign >= 2 && list.foreign > otherUs;
}
