import type { SymbolDictionary } from './symbol-dictionary';
import { isLower, isUpper, isWordChar } from './text-cursor';

/** Reuters exchange suffixes of US venues: NYSE, Nasdaq, NYSE American, NYSE Arca, OTC. */
const US_SUFFIXES: ReadonlySet<string> = new Set(['N', 'O', 'OQ', 'A', 'K', 'P', 'PK', 'OB']);

/** A Reuters instrument code resolved to a dictionary symbol. */
export interface ReutersCode {
  end: number;
  symbol: string;
}

/**
 * Reads a Reuters code whose root is the word `start`..`rootEnd` followed by `.SUFFIX`:
 * `C.N`, `AAPL.O`, `MSFT.OQ`, `BRKb.N` (lower-case share class → `BRK.B`). Non-US suffixes
 * (`SHEL.L`, `7203.T`), futures (`LCOc1`), and initials such as `J.P.` or `A.P.` are rejected.
 * Roots of one or two letters count only inside `<...>` or `(...)`, the way Reuters prints them.
 */
export function readReutersCode(
  text: string,
  start: number,
  rootEnd: number,
  dictionary: SymbolDictionary,
): ReutersCode | undefined {
  if (text.charCodeAt(rootEnd) !== 46) return undefined;
  let rootLetters = rootEnd;
  let shareClass = '';
  const last = text.charCodeAt(rootEnd - 1);
  if (isLower(last)) {
    shareClass = String.fromCharCode(last - 32);
    rootLetters = rootEnd - 1;
  }
  const len = rootLetters - start;
  if (len < 1 || len > 6) return undefined;
  for (let i = start; i < rootLetters; i++) if (!isUpper(text.charCodeAt(i))) return undefined;
  let j = rootEnd + 1;
  while (isUpper(text.charCodeAt(j)) && j - rootEnd <= 3) j++;
  const suffix = text.slice(rootEnd + 1, j);
  if (!US_SUFFIXES.has(suffix) || isWordChar(text.charCodeAt(j))) return undefined;
  if (text.charCodeAt(j) === 46) return undefined; // "J.P.", "A.P. Moller"
  if (len <= 2) {
    const open = text.charCodeAt(start - 1);
    const close = text.charCodeAt(j);
    if (!((open === 60 && close === 62) || (open === 40 && close === 41))) return undefined;
  }
  const root = text.slice(start, rootLetters);
  const symbol = shareClass ? `${root}.${shareClass}` : root;
  if (!dictionary.flags.has(symbol)) return undefined;
  return { end: j, symbol };
}
