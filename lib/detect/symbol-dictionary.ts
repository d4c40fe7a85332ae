import type { SymbolFlags } from './symbol-flags';

/**
 * The decoded symbol dictionary: every US-listed symbol the detector accepts, in canonical form
 * (upper case, share class after a dot: `BRK.B`), with its {@link SymbolFlags}.
 */
export interface SymbolDictionary {
  readonly flags: ReadonlyMap<string, SymbolFlags>;
}

const FORMAT = 'r2k-symbols-2';

/**
 * Packs symbols into one compact string: a format tag, then one group per distinct flag value,
 * `<flags in base 36>:<symbols>`, groups joined by `|`. Within a group the symbols are sorted and
 * front-coded: each is one digit (how many leading characters it shares with the previous symbol)
 * followed by the rest (`0AA1L2CB` = AA, AL, ALCB). Symbols hold only `A-Z` and `.`, so the
 * digits also delimit them. About 37 kB raw and 20 kB gzipped for ~12,800 symbols.
 */
export function encodeSymbolDictionary(entries: Iterable<readonly [string, SymbolFlags]>): string {
  const groups = new Map<SymbolFlags, string[]>();
  for (const [symbol, flags] of entries) {
    if (!/^[A-Z]{1,6}(\.[A-Z])?$/.test(symbol)) {
      throw new Error(`symbol ${JSON.stringify(symbol)} cannot be packed`);
    }
    let list = groups.get(flags);
    if (!list) groups.set(flags, (list = []));
    list.push(symbol);
  }
  const parts = [FORMAT];
  for (const flags of [...groups.keys()].toSorted((a, b) => a - b)) {
    const list = groups.get(flags) ?? [];
    list.sort();
    let previous = '';
    let body = '';
    for (const symbol of list) {
      let shared = 0;
      const max = Math.min(previous.length, symbol.length, 9);
      while (shared < max && previous.charCodeAt(shared) === symbol.charCodeAt(shared)) shared++;
      body += `${shared}${symbol.slice(shared)}`;
      previous = symbol;
    }
    parts.push(`${flags.toString(36)}:${body}`);
  }
  return parts.join('|');
}

/**
 * Decodes a string made by {@link encodeSymbolDictionary}. Throws on an unknown format tag,
 * so a stale generated module fails loudly instead of detecting nothing.
 */
export function decodeSymbolDictionary(packed: string): SymbolDictionary {
  const groups = packed.split('|');
  if (groups[0] !== FORMAT) throw new Error('unknown symbol dictionary format');
  const flags = new Map<string, SymbolFlags>();
  for (let g = 1; g < groups.length; g++) {
    const group = groups[g] ?? '';
    const colon = group.indexOf(':');
    const value = parseInt(group.slice(0, colon), 36);
    let previous = '';
    let i = colon + 1;
    while (i < group.length) {
      const shared = group.charCodeAt(i) - 48;
      let j = i + 1;
      while (j < group.length) {
        const c = group.charCodeAt(j);
        if (c >= 48 && c <= 57) break;
        j++;
      }
      previous = previous.slice(0, shared) + group.slice(i + 1, j);
      flags.set(previous, value);
      i = j;
    }
  }
  return { flags };
}
