import { browser, type PublicPath } from 'wxt/browser';
import {
  decodeCompositionData,
  type CompositionData,
} from '../../lib/composition/composition-file';
import { decodeSymbolTable, type SymbolTable } from '../../lib/symbols/symbol-table';

/** Path of the symbol table inside the extension (built by `npm run symbols`). */
export const SYMBOL_TABLE_PATH = '/data/symbols.json' as const;
/** Path of the composition data inside the extension (built by `npm run composition`). */
export const COMPOSITION_PATH = '/data/composition.json' as const;

/**
 * A bundled JSON file read from the extension package and decoded once per service-worker
 * lifetime (offline: it ships with the extension). A failed read or decode is not kept, so the
 * next call tries again; the error says which file and why.
 */
function bundledJson<T>(
  path: PublicPath,
  decode: (value: unknown) => T | string,
): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= (async () => {
      const response = await fetch(browser.runtime.getURL(path));
      if (!response.ok) throw new Error(`${path} unreadable (HTTP ${response.status})`);
      const decoded = decode(await response.json());
      if (typeof decoded === 'string') throw new Error(`${path}: ${decoded}`);
      return decoded;
    })().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/** The symbol table (names, venues, instruments) of lib/symbols. */
export const loadSymbolTable: () => Promise<SymbolTable> = bundledJson(
  SYMBOL_TABLE_PATH,
  decodeSymbolTable,
);

/** What the Russell 2000 is made of, per bundled holdings file. */
export const loadComposition: () => Promise<CompositionData> = bundledJson(
  COMPOSITION_PATH,
  decodeCompositionData,
);
