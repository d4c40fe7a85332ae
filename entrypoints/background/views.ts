import { buildDashboardContext } from '../../lib/context/dashboard-context';
import type { ComparisonPrefs } from '../../lib/context/comparison-prefs';
import { buildSymbolContext } from '../../lib/context/symbol-context';
import { benchmarkInfo } from '../../lib/context/benchmarks';
import { lastCloseFigure } from '../../lib/context/last-close';
import { unavailable } from '../../lib/context/figure';
import type { CardPayload, DashboardPayload } from '../../lib/messaging/protocol';
import type { Settings } from '../../lib/settings/schema';
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

function prefsOf(settings: Settings): ComparisonPrefs {
  return { ...settings.comparison, benchmarks: [...settings.comparison.benchmarks] };
}

/** The Russell 2000 dashboard: the popup's view, also shown on the card of an index mention. */
export async function buildDashboardPayload(
  settings: Settings,
  tabId?: number,
): Promise<DashboardPayload> {
  const data = await getMarketData(settings.data.refresh, (symbols) =>
    notifyDataUpdated(symbols, tabId),
  );
  const { available, status } = await data.benchmarks(settings.comparison.benchmarks);
  return { context: buildDashboardContext({ available, prefs: prefsOf(settings) }), status };
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
  names: SymbolNames = savedProfileNames,
): Promise<CardPayload> {
  if (kind === 'index' || symbol.startsWith('^')) {
    const data = await getMarketData(settings.data.refresh, (symbols) =>
      notifyDataUpdated(symbols, tabId),
    );
    const extra = [...settings.comparison.benchmarks, symbol];
    const { available, status } = await data.benchmarks(extra);
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
  const data = await getMarketData(settings.data.refresh, (symbols) =>
    notifyDataUpdated(symbols, tabId),
  );
  const found = await data.symbol(symbol);
  if (!found.ok) return { kind: 'unavailable', symbol, reason: found.reason, cause: found.cause };
  const [{ available, status }, membership, profile, totals] = await Promise.all([
    data.benchmarks(settings.comparison.benchmarks),
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
