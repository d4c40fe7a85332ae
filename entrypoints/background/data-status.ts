import { browser } from 'wxt/browser';
import { lastSuccessfulFetch, recentFailures } from '../../lib/cache/cache-status';
import { comparisonSymbols } from '../../lib/context/comparison-symbols';
import { isMarketOpen } from '../../lib/market-hours/nyse-calendar';
import type { DataLayerStatus, RefreshReport } from '../../lib/messaging/protocol';
import { benchmarkOrder } from '../../lib/refresh/refresh-plan';
import type { RefreshResult } from '../../lib/refresh/refresh-result';
import type { Settings } from '../../lib/settings/schema';
import { REFRESH_ALARM } from './alarms';
import { getDataService, resetToSnapshot } from './data-service';
import { describeFailure } from './describe-failure';
import { notifyDataUpdated } from './notify';
import { refreshProgress, reportRefreshProgress } from './refresh-progress';
import { t } from '../../lib/i18n/translate';

/** Symbols viewed recently that "Refresh now" also updates, most recent first. */
const RECENT_SYMBOLS = 25;

function iso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}

/** The data layer's state for the popup and options page. */
export async function dataLayerStatus(): Promise<DataLayerStatus> {
  const { cache } = await getDataService();
  const meta = await cache.listMeta();
  const alarm = await browser.alarms.get(REFRESH_ALARM);
  return {
    storage: cache.backend,
    degradedReason: cache.degradedReason,
    cachedSymbols: (await cache.listSymbols()).length,
    lastFetchAt: iso(lastSuccessfulFetch(meta)),
    nextRefreshAt: iso(alarm?.scheduledTime),
    marketOpen: isMarketOpen(Date.now()),
    failures: recentFailures(meta, 3).map((f) => ({
      symbol: f.symbol,
      message: describeFailure({ kind: f.kind as never, message: f.message }),
      at: new Date(f.at).toISOString(),
    })),
    refreshing: refreshProgress(),
  };
}

/** Summarizes refresh results for the popup. */
export function toRefreshReport(results: readonly RefreshResult[]): RefreshReport {
  return {
    updated: results.filter((r) => r.status === 'updated').map((r) => r.symbol),
    unchanged: results.filter((r) => r.status === 'unchanged').map((r) => r.symbol),
    failed: results
      .filter((r) => r.status === 'failed')
      .map((r) => ({
        symbol: r.symbol,
        message: r.error ? describeFailure(r.error) : 'no provider could supply it.',
      })),
    skipped: null,
  };
}

let running: Promise<RefreshReport> | null = null;

/**
 * "Refresh now": the benchmarks, then recently viewed symbols, whether due or not, one after
 * another with progress events to extension pages. A second call while one runs joins it.
 */
export function refreshNow(settings: Settings): Promise<RefreshReport> {
  running ??= refreshAllNow(settings).finally(() => {
    running = null;
  });
  return running;
}

async function refreshAllNow(settings: Settings): Promise<RefreshReport> {
  if (settings.data.refresh === 'offline') {
    return {
      updated: [],
      unchanged: [],
      failed: [],
      skipped: t('bg_fetchingOff'),
    };
  }
  const data = await getDataService();
  const recent = (await data.cache.listAccess())
    .toSorted((a, b) => b.lastAccess - a.lastAccess)
    .slice(0, RECENT_SYMBOLS)
    .map((a) => a.symbol);
  const chosen = comparisonSymbols(settings.comparison.benchmarks, settings.comparison.returnBasis);
  const symbols = [...new Set([...benchmarkOrder(chosen), ...recent])];
  const refresher = await data.refresher();
  // One symbol after another, as refreshAll does, announcing each step to the popup.
  const results: RefreshResult[] = [];
  try {
    for (const [i, symbol] of symbols.entries()) {
      reportRefreshProgress({ done: i, total: symbols.length, current: symbol });
      results.push(await refresher.refreshSymbol(symbol));
    }
  } finally {
    reportRefreshProgress({ done: symbols.length, total: symbols.length, current: null });
  }
  const report = toRefreshReport(results);
  if (report.updated.length > 0) notifyDataUpdated(report.updated);
  return report;
}

/**
 * Empties the cache (keeping the providers' backoff state) and seeds it again from the snapshot,
 * in one transaction: a worker killed at any point leaves the old cache or the new one.
 */
export async function clearCache(): Promise<DataLayerStatus> {
  const { cache } = await getDataService();
  await resetToSnapshot(cache);
  return dataLayerStatus();
}
