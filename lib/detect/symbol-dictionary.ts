import type { SymbolFlags } from './symbol-flags';

/**
 * The decoded symbol dictionary: every US-listed symbol the detector accepts, in canonical form
 * (upper case, share class after a dot: `BRK.B`), with its {@link SymbolFlags}.
 */
export interface SymbolDictionary {
  readonly flags: ReadonlyMap<string, SymbolFlags>;
}

const FORMAT = 'r2k-symbols-1';

/**
 * Packs symbols into one compact string: a format tag, then one group per distinct flag value,
 * `<flags in base 36>:<symbols sorted, space separated>`, groups joined by `|`.
 * Grouping by flags keeps the string short and lets gzip see long sorted runs.
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
    parts.push(`${flags.toString(36)}:${list.join(' ')}`);
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
    let start = colon + 1;
    // Manual split: avoids an intermediate array of ~10k strings at content-script startup.
    for (let i = start; i <= group.length; i++) {
      if (i === group.length || group.charCodeAt(i) === 32) {
        if (i > start) flags.set(group.slice(start, i), value);
        start = i + 1;
      }
    }
  }
  return { flags };
}
