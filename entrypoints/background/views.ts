import { buildDashboardCharts } from '../../lib/context/dashboard-charts';
import { buildDashboardContext } from '../../lib/context/dashboard-context';
import { buildIndexComparisonTable } from '../../lib/context/index-comparison-table';
import type { ComparisonPrefs } from '../../lib/context/comparison-prefs';
import { comparisonSymbols } from '../../lib/context/comparison-symbols';
import { buildSymbolContext } from '../../lib/context/symbol-context';
import type {
  CardPayload,
  DashboardChartsPayload,
  DashboardPayload,
  IndexComparisonPayload,
} from '../../lib/messaging/protocol';
import type { Settings } from '../../lib/settings/schema';
import { getMarketData } from './market-data';
import { notifyDataUpdated } from './notify';

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
): Promise<CardPayload> {
  if (kind === 'index' || symbol.startsWith('^')) {
    const { context, status } = await buildDashboardPayload(settings, tabId);
    return { kind: 'index', symbol, context, status };
  }
  const data = await getMarketData(settings, (symbols) => notifyDataUpdated(symbols, tabId));
  const found = await data.symbol(symbol);
  if (!found.ok) return { kind: 'unavailable', symbol, reason: found.reason };
  const { available, status } = await data.benchmarks(extraSymbols(settings));
  const context = buildSymbolContext({
    series: found.series,
    available,
    membership: await data.membership(symbol),
    prefs: prefsOf(settings),
  });
  return {
    kind: 'symbol',
    symbol,
    instrument: found.instrument,
    context,
    status: {
      ...found.status,
      notices: [...new Set([...found.status.notices, ...status.notices])],
    },
  };
}
