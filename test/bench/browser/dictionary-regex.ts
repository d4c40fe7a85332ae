/**
 * The regular expression mark.js is given in the page-cost benchmark: the shipped symbol
 * dictionary as one alternation, every symbol as a cashtag and the symbols that are not word-like
 * (a word-like symbol needs more context than a regex can see) as bare upper-case words. It marks
 * roughly what our detector looks for, with none of its rules.
 */

import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';
import { SymbolFlag } from '../../../lib/detect/symbol-flags';

const escape = (s: string): string => s.replace(/\./g, '\\.');

/** Longest first, so the alternation prefers `BRK.B` to `BRK`. */
const alternation = (list: string[]): string =>
  list
    .toSorted((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escape)
    .join('|');

/** Source of the dictionary regex (for `new RegExp(source, 'g')`). */
export function dictionaryRegexSource(): string {
  const all: string[] = [];
  const bare: string[] = [];
  for (const [symbol, flags] of loadSymbolDictionary().flags) {
    all.push(symbol);
    if ((flags & SymbolFlag.WordLike) === 0) bare.push(symbol);
  }
  return `\\$(?:${alternation(all)})\\b|\\b(?:${alternation(bare)})\\b`;
}
