/**
 * The one message protocol between the UI (content script, card, popup, options) and the
 * background service worker: a map from message name to request and response types. Every
 * message has exactly one handler in `entrypoints/background/handlers.ts` and one validator in
 * `./validators.ts` (a test checks both).
 */
import type { DashboardContext, SymbolContext } from '../context';
import type { ApiKeyStatus } from '../settings/api-key-store';
import type { PageSettings } from '../settings/page-settings';

/** Where the figures of a reply come from and how fresh they are. */
export interface DataStatus {
  /** `snapshot`: the bundled offline data; `cache`: data fetched earlier; `live`: fetched just now. */
  origin: 'snapshot' | 'cache' | 'live';
  /** True when the data is older than the refresh policy wants (it is still shown, marked stale). */
  stale: boolean;
  /** When the data was fetched (ISO timestamp), null for the bundled snapshot. */
  fetchedAt: string | null;
  /** Plain-language notes for the user (storage unavailable, provider failed, proxy used...). */
  notices: string[];
}

/** What a symbol is, as far as the data says (membership badges only make sense for stocks). */
export type Instrument = 'stock' | 'etf' | 'index' | 'unknown';

/** What the hover card shows for one detected mention. */
export type CardPayload =
  | {
      kind: 'symbol';
      symbol: string;
      instrument: Instrument;
      context: SymbolContext;
      status: DataStatus;
    }
  /** An index mention: the indexes compared side by side (the dashboard's comparison). */
  | { kind: 'index'; symbol: string; context: DashboardContext; status: DataStatus }
  /** No data for the symbol (offline and not in the snapshot, or unknown to the provider). */
  | { kind: 'unavailable'; symbol: string; reason: string };

export interface DashboardPayload {
  context: DashboardContext;
  status: DataStatus;
}

/** The data layer's state, for the popup and the options page. */
export interface DataLayerStatus {
  /** `memory` when IndexedDB could not be opened: data lasts only while the worker runs. */
  storage: 'indexeddb' | 'memory';
  /** Why the memory fallback is in use, in plain words; null on IndexedDB. */
  degradedReason: string | null;
  /** Symbols with a cached series (benchmarks included). */
  cachedSymbols: number;
  /** Last successful fetch of any symbol (ISO timestamp), or null. */
  lastFetchAt: string | null;
  /** When the next scheduled refresh runs (ISO timestamp), or null when none is scheduled. */
  nextRefreshAt: string | null;
  /** Whether the US market is open now (NYSE regular session). */
  marketOpen: boolean;
  /** Recent failed fetches, newest first (at most a few). */
  failures: { symbol: string; message: string; at: string }[];
}

/** What one refresh did, symbol by symbol. */
export interface RefreshReport {
  updated: string[];
  unchanged: string[];
  failed: { symbol: string; message: string }[];
  /** Set when nothing was fetched on purpose (offline policy, backoff). */
  skipped: string | null;
}

export interface ProtocolMap {
  /** Card data for a symbol or index mention (`kind` as detected: cashtag, index, ...). */
  getCard: { request: { symbol: string; kind: string }; response: CardPayload };
  /** What the content script of the sender's page needs: whether to run there, and how. */
  getPageSettings: { request: Record<string, never>; response: PageSettings };
  /** The popup's Russell 2000 dashboard. */
  getDashboard: { request: Record<string, never>; response: DashboardPayload };
  /** Storage backend, cache size, last and next refresh, recent failures. */
  getDataStatus: { request: Record<string, never>; response: DataLayerStatus };
  /** The popup's "Refresh now": the benchmarks and recently viewed symbols, now. */
  refreshNow: { request: Record<string, never>; response: RefreshReport };
  /** Empties the cache and seeds it again from the bundled snapshot. */
  clearCache: { request: Record<string, never>; response: DataLayerStatus };
  /** Whether a Twelve Data API key is saved (never the key itself), and where. */
  getApiKeyStatus: { request: Record<string, never>; response: ApiKeyStatus };
  /** Saves the Twelve Data API key on this device (`''` removes it). */
  setApiKey: { request: { key: string }; response: ApiKeyStatus };
}

/**
 * Who may send each message. `content-script`: any of R2K Lens's own contexts, content scripts
 * included (only what a card on a page needs); `extension-page`: only R2K Lens's pages (popup,
 * options), recognised by the browser-reported sender URL, never by anything in the message. A
 * new message must be placed here (the type requires it); when in doubt, `extension-page`.
 */
export const MESSAGE_ACCESS: {
  readonly [K in keyof ProtocolMap]: 'content-script' | 'extension-page';
} = {
  getCard: 'content-script',
  getPageSettings: 'content-script',
  getDashboard: 'extension-page',
  getDataStatus: 'extension-page',
  refreshNow: 'extension-page',
  clearCache: 'extension-page',
  getApiKeyStatus: 'extension-page',
  setApiKey: 'extension-page',
};

export type MessageType = keyof ProtocolMap;
export type RequestOf<K extends MessageType> = ProtocolMap[K]['request'];
export type ResponseOf<K extends MessageType> = ProtocolMap[K]['response'];

/** Events the background sends to extension pages and to the tab a card was opened in (no reply). */
export type BackgroundEvent = { type: 'dataUpdated'; data: { symbols: string[] } };

/**
 * Sent by the background to every tab when something a content script is told by
 * `getPageSettings` may have changed (settings, site access). It carries nothing: each content
 * script asks again, and the background answers for its page.
 */
export type PageSettingsChanged = { type: 'pageSettingsChanged' };

/** True for a {@link PageSettingsChanged} event. */
export function isPageSettingsChanged(value: unknown): value is PageSettingsChanged {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'pageSettingsChanged'
  );
}

/** True for a well-formed {@link BackgroundEvent}. */
export function isBackgroundEvent(value: unknown): value is BackgroundEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { type, data } = value as { type?: unknown; data?: { symbols?: unknown } };
  return (
    type === 'dataUpdated' &&
    Array.isArray(data?.symbols) &&
    data.symbols.every((s) => typeof s === 'string')
  );
}

/** Messages the popup sends to the content script of the active tab. */
export interface ContentProtocolMap {
  getPageSymbols: {
    request: Record<string, never>;
    response: { symbols: { symbol: string; kind: string; count: number }[] };
  };
}
