/**
 * The one message protocol between the UI (content script, card, popup, options) and the
 * background service worker: a map from message name to request and response types. Every
 * message has exactly one handler in `entrypoints/background/handlers.ts` and one validator in
 * `./validators.ts` (a test checks both).
 */
import type { DashboardContext, Figure, SymbolContext } from '../context';
import type { LastClose } from '../context/last-close';

/** Where the figures of a reply come from and how fresh they are. */
export interface DataStatus {
  /** `snapshot`: the bundled offline data; `cache`: data fetched earlier; `live`: fetched just now. */
  origin: 'snapshot' | 'cache' | 'live';
  /** True when the data is older than the refresh policy wants (it is still shown, marked stale). */
  stale: boolean;
  /** When the data was fetched (ISO timestamp), null for the bundled snapshot. */
  fetchedAt: string | null;
  /** True while a fetch of newer data runs: the figures shown are the saved ones meanwhile. */
  refreshing: boolean;
  /** Plain-language notes for the user (storage unavailable, provider failed, proxy used...). */
  notices: string[];
}

/** What a symbol is, as far as the data says (membership badges only make sense for stocks). */
export type Instrument = 'stock' | 'etf' | 'index' | 'unknown';

/**
 * Why a card has no data, so the card can say it in plain words and pick its look:
 * - `offline`: fetching is off (refresh policy) and nothing is saved for the symbol;
 * - `unknown-symbol`: the provider does not know the symbol;
 * - `rate-limited`: the provider asked us to slow down (retried later);
 * - `network`: the provider could not be reached or did not answer in time;
 * - `provider-error`: the provider answered with something unusable (HTML, empty, malformed, HTTP error);
 * - `no-data`: nothing saved and no error recorded.
 */
export type UnavailableCause =
  'offline' | 'unknown-symbol' | 'rate-limited' | 'network' | 'provider-error' | 'no-data';

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
  | {
      kind: 'index';
      symbol: string;
      /** The index's name ("S&P 500"). */
      name: string;
      /** The mentioned index's own last close and day change (missing when not in the data). */
      lastClose: Figure<LastClose>;
      context: DashboardContext;
      status: DataStatus;
    }
  /** No data for the symbol (offline and not in the snapshot, or unknown to the provider). */
  | { kind: 'unavailable'; symbol: string; reason: string; cause: UnavailableCause };

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
  /** The popup's Russell 2000 dashboard. */
  getDashboard: { request: Record<string, never>; response: DashboardPayload };
  /** Storage backend, cache size, last and next refresh, recent failures. */
  getDataStatus: { request: Record<string, never>; response: DataLayerStatus };
  /** The popup's "Refresh now": the benchmarks and recently viewed symbols, now. */
  refreshNow: { request: Record<string, never>; response: RefreshReport };
  /** Empties the cache and seeds it again from the bundled snapshot. */
  clearCache: { request: Record<string, never>; response: DataLayerStatus };
  /** The card's remembered preferences (whether "More" is open). */
  getCardPrefs: { request: Record<string, never>; response: CardPrefs };
  /** Remembers whether the card's details ("More") are open, for every card after this one. */
  setCardDetailsOpen: { request: { open: boolean }; response: CardPrefs };
}

/** What the card remembers between cards and pages (per user: `storage.local`). */
export interface CardPrefs {
  /** The details disclosure ("More") is open. */
  detailsOpen: boolean;
}

export type MessageType = keyof ProtocolMap;
export type RequestOf<K extends MessageType> = ProtocolMap[K]['request'];
export type ResponseOf<K extends MessageType> = ProtocolMap[K]['response'];

/** Events the background sends to extension pages and to the tab a card was opened in (no reply). */
export type BackgroundEvent = { type: 'dataUpdated'; data: { symbols: string[] } };

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

/** Which way the keyboard shortcut moves through the page's mentions. */
export type MentionStep = 'next' | 'previous';

/** Messages the popup and the background send to the content script of a tab. */
export interface ContentProtocolMap {
  /** The keyboard shortcut (`commands`): move to the next or previous mention and open its card. */
  stepMention: { request: { step: MentionStep }; response: { symbol: string | null } };
  getPageSymbols: {
    request: Record<string, never>;
    response: { symbols: { symbol: string; kind: string; count: number }[] };
  };
}
