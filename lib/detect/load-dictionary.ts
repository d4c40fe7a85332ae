import { PACKED_SYMBOLS } from './generated/symbols';
import { decodeSymbolDictionary, type SymbolDictionary } from './symbol-dictionary';

let cached: SymbolDictionary | undefined;

/**
 * The shipped symbol dictionary, decoded on first use and kept for the life of the script
 * (decoding takes a few milliseconds; see lib/detect/README.md).
 */
export function loadSymbolDictionary(): SymbolDictionary {
  cached ??= decodeSymbolDictionary(PACKED_SYMBOLS);
  return cached;
}
