import { benchmarkInfo } from './benchmarks';
import type { ReturnBasisPref } from './comparison-prefs';

/**
 * Every symbol a comparison needs kept fresh besides the fixed benchmarks: the chosen indexes
 * and, for total return, the funds that track them (DIA for the Dow is not in the bundled
 * snapshot, so it is fetched like any other symbol). In the user's order, each once.
 */
export function comparisonSymbols(
  benchmarks: readonly string[],
  basis: ReturnBasisPref = 'price',
): string[] {
  const symbols: string[] = [...benchmarks];
  if (basis === 'total-return') {
    for (const symbol of ['^RUT', ...benchmarks]) {
      const info = benchmarkInfo(symbol);
      if (info.proxyRelation === 'tracks' && info.proxyEtf !== null) symbols.push(info.proxyEtf);
    }
  }
  return [...new Set(symbols)];
}
