import { buildSymbolSummary, summarizePage } from '../../lib/context/symbol-summary';
import type { SymbolSummary } from '../../lib/context/symbol-summary';
import type { SymbolSummariesPayload } from '../../lib/messaging/protocol';
import type { Settings } from '../../lib/settings/schema';
import { lookupSymbol, type SymbolTable } from '../../lib/symbols/symbol-table';
import { loadSymbolTable } from './bundled-tables';
import { getDataService } from './data-service';
import { getMarketData, type MarketData } from './market-data';
import { notifyDataUpdated } from './notify';
import { t } from '../../lib/i18n/translate';

/** Most uncached symbols one request starts fetching (the rest wait for a later request). */
export const MAX_FETCHES_PER_REQUEST = 20;

/** Fetches of symbols a page's list lacks, started in the background. */
export interface ListFetches {
  /** True while a fetch of `symbol` runs. */
  running(symbol: string): boolean;
  /** True once a fetch of `symbol` was started (it is not started twice: no reload loops). */
  tried(symbol: string): boolean;
  /** Starts one; when it ends, whatever the outcome, listeners are told (`dataUpdated`). */
  start(symbol: string): void;
}

/**
 * Fetches through the worker's refresher (its politeness and memory of recent failures apply),
 * remembered for the worker's lifetime; each end is announced so the popup shows data or reason.
 */
export function refresherFetches(
  fetchSymbol: (symbol: string) => Promise<unknown> = async (symbol) =>
    (await (await getDataService()).refresher()).refreshIfDue(symbol),
  onDone: (symbol: string) => void = (symbol) => notifyDataUpdated([symbol]),
): ListFetches {
  const inFlight = new Set<string>();
  const started = new Set<string>();
  return {
    running: (symbol) => inFlight.has(symbol),
    tried: (symbol) => started.has(symbol),
    start(symbol) {
      started.add(symbol);
      inFlight.add(symbol);
      void fetchSymbol(symbol)
        .catch((error: unknown) => console.warn(`R2K Lens: fetching ${symbol} failed`, error))
        .finally(() => {
          inFlight.delete(symbol);
          onDone(symbol);
        });
    },
  };
}

const workerFetches = refresherFetches();

/** What {@link summarizeSymbols} reads from. */
export interface SummaryDeps {
  data: MarketData;
  symbolTable: () => Promise<SymbolTable>;
  fetches: ListFetches;
}

/**
 * Summaries of a page's symbols: names from the symbol table, membership from the cached
 * holdings, 1Y excess return from cached prices, read without fetching and without counting as a
 * use (a list is not a hover). Symbols without prices are fetched in the background, at most
 * {@link MAX_FETCHES_PER_REQUEST} per request and once per worker lifetime, unless the refresh
 * policy is offline; they are `pending` meanwhile. Without the symbol table the names are
 * missing and a notice says why.
 */
export async function summarizeSymbols(
  symbols: readonly string[],
  settings: Settings,
  deps: SummaryDeps,
): Promise<SymbolSummariesPayload> {
  const notices: string[] = [];
  let table: SymbolTable | null = null;
  try {
    table = await deps.symbolTable();
  } catch (error) {
    notices.push(t('bg_namesUnavailable', error instanceof Error ? error.message : String(error)));
  }
  const { available } = await deps.data.benchmarks(settings.comparison.benchmarks);
  const canFetch = settings.data.refresh !== 'offline';
  let started = 0;
  const summaries: SymbolSummary[] = [];
  for (const symbol of symbols) {
    const [found, membership] = await Promise.all([
      deps.data.peek(symbol),
      deps.data.membership(symbol),
    ]);
    let pending = deps.fetches.running(symbol);
    if (
      !found.ok &&
      canFetch &&
      !pending &&
      !deps.fetches.tried(symbol) &&
      started < MAX_FETCHES_PER_REQUEST
    ) {
      deps.fetches.start(symbol);
      started += 1;
      pending = true;
    }
    summaries.push(
      buildSymbolSummary({
        symbol,
        entry: table === null ? undefined : lookupSymbol(table, symbol),
        sources: table?.sources ?? [],
        membership,
        instrument: found.ok ? found.instrument : undefined,
        series: found.ok ? found.series : null,
        ...(found.ok ? {} : { missingReason: found.reason }),
        available,
        pending,
      }),
    );
  }
  if (!canFetch && summaries.some((s) => s.oneYear.value === null)) {
    notices.push(t('bg_fetchingOffSymbols'));
  }
  return { summaries, page: summarizePage(summaries), notices };
}

/** {@link summarizeSymbols} on this worker's data, symbol table and fetches. */
export async function buildSymbolSummariesPayload(
  symbols: readonly string[],
  settings: Settings,
): Promise<SymbolSummariesPayload> {
  return summarizeSymbols(symbols, settings, {
    data: await getMarketData(settings),
    symbolTable: loadSymbolTable,
    fetches: workerFetches,
  });
}
