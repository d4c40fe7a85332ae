import { INDEX_CODES } from './index-names';
import type { IndexSymbol } from './mention';
import type { SymbolDictionary } from './symbol-dictionary';
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
 * another `$` marks a list of LSE tickers, not sentence ends.
 */
function isLondonStyle(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 46) return false;
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
