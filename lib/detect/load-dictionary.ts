import { PACKED_SYMBOLS } from './generated/symbols';
import { decodeSymbolDictionary, type SymbolDictionary } from './symbol-dictionary';

let cached: SymbolDictionary | undefined;

/**
 * The shipped symbol dictionary, opened on first use and kept for the life of the script (it is
 * used as shipped: opening it splits the packed string into a few groups, nothing is decoded).
 */
export function loadSymbolDictionary(): SymbolDictionary {
  cached ??= decodeSymbolDictionary(PACKED_SYMBOLS);
  return cached;
}
