import type { SymbolDictionary } from './symbol-dictionary';
import { isLower, isUpper, isWordChar } from './text-cursor';

/** A symbol read from text, resolved against the dictionary. */
export interface SymbolToken {
  /** End of the symbol as written (exclusive). */
  end: number;
  /** Canonical dictionary symbol. */
  symbol: string;
  flags: number;
}

/**
 * Reads a symbol at `start`: 1-6 letters, optionally a share class written `.B`, `-B` or `/B`,
 * and resolves it against the dictionary (`BRK-B` → `BRK.B`). When the class form is unknown the
 * root alone is tried. `lowerOk` accepts all-lower-case symbols (`$aapl`, `$brk.a`); mixed case
 * (`$AirBnB`) never resolves. Returns undefined when the letters run on into digits or more
 * letters, or the symbol is not in the dictionary.
 */
export function readSymbol(
  text: string,
  start: number,
  dictionary: SymbolDictionary,
  lowerOk: boolean,
): SymbolToken | undefined {
  let j = start;
  let upper = 0;
  let lower = 0;
  while (j < text.length && j - start < 7) {
    const c = text.charCodeAt(j);
    if (isUpper(c)) upper++;
    else if (isLower(c)) lower++;
    else break;
    j++;
  }
  const len = j - start;
  if (len === 0 || len > 6 || isWordChar(text.charCodeAt(j))) return undefined;
  if (upper > 0 && lower > 0) return undefined;
  if (lower > 0 && !lowerOk) return undefined;
  const root = text.slice(start, j).toUpperCase();
  const sep = text.charCodeAt(j);
  if (sep === 46 || sep === 45 || sep === 47) {
    const k = text.charCodeAt(j + 1);
    if ((isUpper(k) || (lowerOk && isLower(k))) && !isWordChar(text.charCodeAt(j + 2))) {
      const classed = `${root}.${String.fromCharCode(k).toUpperCase()}`;
      const flags = dictionary.flags.get(classed);
      if (flags !== undefined) return { end: j + 2, symbol: classed, flags };
    }
  }
  const flags = dictionary.flags.get(root);
  return flags === undefined ? undefined : { end: j, symbol: root, flags };
}
