/**
 * Real payloads for the popup's component tests: the view models built from the real price
 * fixtures (test/fixtures/prices, see their PROVENANCE) and the bundled holdings and symbol
 * table, as the background would send them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCompositionData } from '../../../lib/composition/composition-file';
import { buildDashboardCharts } from '../../../lib/context/dashboard-charts';
import { buildDashboardContext } from '../../../lib/context/dashboard-context';
import { buildIndexComparisonTable } from '../../../lib/context/index-comparison-table';
import type { MembershipInput } from '../../../lib/context/membership';
import { buildSymbolSummary, summarizePage } from '../../../lib/context/symbol-summary';
import type { Reply } from '../../../lib/messaging/envelope';
import type {
  BackgroundEvent,
  DataLayerStatus,
  DataStatus,
  MessageType,
  ProtocolMap,
  RequestOf,
  ResponseOf,
  SymbolSummariesPayload,
} from '../../../lib/messaging/protocol';
import { parseISharesHoldings } from '../../../lib/snapshot/ishares-holdings';
import {
  decodeSymbolTable,
  lookupSymbol,
  type SymbolTable,
} from '../../../lib/symbols/symbol-table';
import type { ActiveTab, PopupPorts } from '../../../components/popup/popup-ports';
import { readHoldingsTexts } from '../../../scripts/build-composition';
import { realBenchmarks, stock } from '../../lib/context/real-series';

/** The repository (paths from this file: the DOM environment replaces the global URL). */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export const available = realBenchmarks();

/** Snapshot data, never fetched: what a fresh install shows. */
export const SNAPSHOT_STATUS: DataStatus = {
  origin: 'snapshot',
  stale: true,
  fetchedAt: null,
  refreshing: false,
  notices: [],
};

export const dashboard = { context: buildDashboardContext({ available }), status: SNAPSHOT_STATUS };
export const charts = { charts: buildDashboardCharts({ available }), status: SNAPSHOT_STATUS };
export const comparison = {
  table: buildIndexComparisonTable({ available }),
  status: SNAPSHOT_STATUS,
};
export const composition = buildCompositionData(readHoldingsTexts());

export const layer: DataLayerStatus = {
  storage: 'indexeddb',
  degradedReason: null,
  cachedSymbols: 26,
  lastFetchAt: null,
  nextRefreshAt: null,
  marketOpen: false,
  failures: [],
  refreshing: null,
};

const table = decodeSymbolTable(
  JSON.parse(readFileSync(join(ROOT, 'public/data/symbols.json'), 'utf8')),
) as SymbolTable;
const holdings = parseISharesHoldings(
  readFileSync(
    join(ROOT, 'lib/snapshot/sources/russell2000-constituents/IWM_holdings_2026-05-05.csv'),
    'utf8',
  ),
);
function membership(symbol: string): MembershipInput {
  return {
    holding: holdings.rows.find((r) => r.ticker === symbol) ?? null,
    asOf: holdings.asOf,
    source: 'iShares IWM holdings',
  };
}

/** Summaries as the background builds them; `KTOS` has no prices (pending when asked). */
export function summaries(symbols: readonly string[], pending = true): SymbolSummariesPayload {
  const list = symbols.map((symbol) => {
    const series =
      symbol === 'IONQ' || symbol === 'SFM' || symbol === 'ONB' || symbol === 'NVDA'
        ? stock(symbol)
        : (available[symbol] ?? null);
    return buildSymbolSummary({
      symbol,
      entry: lookupSymbol(table, symbol),
      sources: table.sources,
      membership: membership(symbol),
      series,
      missingReason: `No saved data for ${symbol}.`,
      available,
      pending: series === null && pending,
    });
  });
  return { summaries: list, page: summarizePage(list), notices: [] };
}

type Answer<K extends MessageType> =
  | Reply<ResponseOf<K>>
  | ((data: RequestOf<K>) => Reply<ResponseOf<K>> | Promise<Reply<ResponseOf<K>>>);

/** A fake browser for the popup: answers per message, a page's symbols, events to emit. */
export interface FakePorts extends PopupPorts {
  sent: { type: string; data: unknown }[];
  tabMessages: { tabId: number; type: string; data: unknown }[];
  emit(event: BackgroundEvent): void;
  setOnline(online: boolean): void;
  closed: number;
}

export interface FakePortsOptions {
  answers?: { [K in MessageType]?: Answer<K> };
  tab?: ActiveTab | null;
  /** The content script's answers, or an error reply (`NO_RECEIVER` for none). */
  tabAnswers?: Partial<Record<string, Reply<unknown>>>;
  online?: boolean;
}

/** The default answers: a stale snapshot dashboard, everything well. */
export function defaultAnswers(): { [K in MessageType]?: Answer<K> } {
  return {
    getDashboard: { ok: true, data: dashboard },
    getDashboardCharts: { ok: true, data: charts },
    getDataStatus: { ok: true, data: layer },
    getComposition: { ok: true, data: composition },
    getIndexComparison: { ok: true, data: comparison },
    getSymbolSummaries: ({ symbols }) => ({ ok: true, data: summaries(symbols) }),
  };
}

export function fakePorts(options: FakePortsOptions = {}): FakePorts {
  const answers = { ...defaultAnswers(), ...options.answers };
  const listeners = new Set<(e: BackgroundEvent) => void>();
  const online = new Set<(o: boolean) => void>();
  let isOnline = options.online ?? true;
  const ports: FakePorts = {
    sent: [],
    tabMessages: [],
    closed: 0,
    async send(type, data) {
      ports.sent.push({ type, data });
      const answer = answers[type] as Answer<typeof type> | undefined;
      if (answer === undefined) return { ok: false, error: `no answer for ${type}` };
      return typeof answer === 'function'
        ? (answer as (d: unknown) => Reply<ResponseOf<typeof type>>)(data)
        : answer;
    },
    async sendToTab(tabId, type, data) {
      ports.tabMessages.push({ tabId, type, data });
      const answer = options.tabAnswers?.[type];
      return (answer ?? { ok: false, error: 'no answer' }) as never;
    },
    activeTab: async () =>
      options.tab === undefined ? { id: 5, url: 'https://news.example/a' } : options.tab,
    onBackgroundEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    online: () => isOnline,
    onOnlineChange(listener) {
      online.add(listener);
      return () => online.delete(listener);
    },
    openOptions: () => undefined,
    closePopup() {
      ports.closed += 1;
    },
    emit: (event) => listeners.forEach((l) => l(event)),
    setOnline(value) {
      isOnline = value;
      online.forEach((l) => l(value));
    },
  };
  return ports;
}

export type { ProtocolMap };
