import { buildDashboardCharts } from '../../lib/context/dashboard-charts';
import { buildDashboardContext } from '../../lib/context/dashboard-context';
import { buildIndexComparisonTable } from '../../lib/context/index-comparison-table';
import type { ComparisonPrefs } from '../../lib/context/comparison-prefs';
import { comparisonSymbols } from '../../lib/context/comparison-symbols';
import { buildSymbolContext } from '../../lib/context/symbol-context';
import { benchmarkInfo } from '../../lib/context/benchmarks';
import { lastCloseFigure } from '../../lib/context/last-close';
import { unavailable } from '../../lib/context/figure';
import type {
  CardPayload,
  DashboardChartsPayload,
  DashboardPayload,
  IndexComparisonPayload,
} from '../../lib/messaging/protocol';
import type { Settings } from '../../lib/settings/schema';
import { lookupSymbol, VENUE_NAMES, type SymbolTable } from '../../lib/symbols/symbol-table';
import { loadSymbolTable } from './bundled-tables';
import { getMarketData } from './market-data';
import { notifyDataUpdated } from './notify';
import { formatDate } from '../../lib/format/figures';
import type { SymbolProfile } from '../../lib/context/symbol-context';

/**
 * Where the card's name and exchange come from. `fallback` reads the saved profiles (the
 * holdings file for Russell 2000 members, the snapshot's names for its own series); a symbol
 * directory (lib/symbols, NASDAQ Trader and SEC) answers first when wired in.
 */
export interface SymbolNames {
  lookup(
    symbol: string,
    fallback: () => Promise<SymbolProfile | undefined>,
  ): Promise<SymbolProfile | undefined>;
}

/** Names from the saved profiles only (no symbol directory). */
export const savedProfileNames: SymbolNames = { lookup: (_symbol, fallback) => fallback() };

/**
 * Names from the bundled symbol table (NASDAQ Trader and SEC directories: every US listing, with
 * its venue), then the saved profiles for what it lacks (indexes' tracking funds listed later,
 * a table that cannot be read).
 */
export const directoryNames: SymbolNames = {
  async lookup(symbol, fallback) {
    let table: SymbolTable;
    try {
      table = await loadSymbolTable();
    } catch {
      return fallback();
    }
    const entry = lookupSymbol(table, symbol);
    const source = entry ? table.sources[entry.source] : undefined;
    if (!entry || !source) return fallback();
    return {
      name: entry.name,
      exchange: VENUE_NAMES[entry.venue],
      source: `${source.name}, ${source.asOf}`,
    };
  },
};

function prefsOf(settings: Settings): ComparisonPrefs {
  return { ...settings.comparison, benchmarks: [...settings.comparison.benchmarks] };
}

/** Series a comparison reads besides the fixed benchmarks (chosen indexes, and tracking funds for total return). */
function extraSymbols(settings: Settings): string[] {
  return comparisonSymbols(settings.comparison.benchmarks, settings.comparison.returnBasis);
}

/** The Russell 2000 dashboard: the popup's view, also shown on the card of an index mention. */
export async function buildDashboardPayload(
  settings: Settings,
  tabId?: number,
): Promise<DashboardPayload> {
  const data = await getMarketData(settings, (symbols) => notifyDataUpdated(symbols, tabId));
  const { available, status } = await data.benchmarks(extraSymbols(settings));
  return { context: buildDashboardContext({ available, prefs: prefsOf(settings) }), status };
}

/** The popup's charts, on the dashboard's series and as-of date. */
export async function buildDashboardChartsPayload(
  settings: Settings,
): Promise<DashboardChartsPayload> {
  const data = await getMarketData(settings, (symbols) => notifyDataUpdated(symbols));
  const { available, status } = await data.benchmarks(extraSymbols(settings));
  return { charts: buildDashboardCharts({ available, prefs: prefsOf(settings) }), status };
}

/** The Russell 2000, the S&P 500 and the Nasdaq Composite side by side, measured. */
export async function buildIndexComparisonPayload(
  settings: Settings,
): Promise<IndexComparisonPayload> {
  const data = await getMarketData(settings, (symbols) => notifyDataUpdated(symbols));
  const { available, status } = await data.benchmarks();
  return {
    table: buildIndexComparisonTable({
      available,
      volatilityWindow: settings.comparison.volatilityWindow,
    }),
    status,
  };
}

/**
 * What the card shows for a mention: a symbol's Russell 2000 context, or the indexes side by
 * side. Cached data comes back at once; when it is stale a refresh runs and `tabId` is told when
 * newer data arrives.
 */
export async function buildCardPayload(
  symbol: string,
  kind: string,
  settings: Settings,
  tabId?: number,
  names: SymbolNames = directoryNames,
): Promise<CardPayload> {
  if (kind === 'index' || symbol.startsWith('^')) {
    const data = await getMarketData(settings, (symbols) => notifyDataUpdated(symbols, tabId));
    const { available, status } = await data.benchmarks([...extraSymbols(settings), symbol]);
    const context = buildDashboardContext({ available, prefs: prefsOf(settings) });
    const own = available[symbol];
    return {
      kind: 'index',
      symbol,
      name: benchmarkInfo(symbol).name,
      lastClose: own
        ? lastCloseFigure(own)
        : unavailable(`no saved ${benchmarkInfo(symbol).name} closes`, context.asOf),
      context,
      status,
    };
  }
  const data = await getMarketData(settings, (symbols) => notifyDataUpdated(symbols, tabId));
  const found = await data.symbol(symbol);
  if (!found.ok) return { kind: 'unavailable', symbol, reason: found.reason, cause: found.cause };
  const [{ available, status }, membership, profile, totals] = await Promise.all([
    data.benchmarks(extraSymbols(settings)),
    data.membership(symbol),
    names.lookup(symbol, () => data.profile(symbol)),
    data.sectorTotals(),
  ]);
  const context = buildSymbolContext({
    series: found.series,
    quotedCloses: found.quoted,
    available,
    membership,
    instrument: found.instrument,
    ...(profile ? { profile } : {}),
    sectorTotals: totals,
    prefs: prefsOf(settings),
    formatDate,
  });
  return {
    kind: 'symbol',
    symbol,
    instrument: found.instrument,
    context,
    status: {
      ...found.status,
      refreshing: found.status.refreshing || status.refreshing,
      notices: [...new Set([...found.status.notices, ...status.notices])],
    },
  };
}
