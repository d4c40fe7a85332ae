/**
 * The one message protocol between the UI (content script, card, popup, options) and the
 * background service worker: a map from message name to request and response types. Every
 * message has exactly one handler in `entrypoints/background/handlers.ts` and one validator in
 * `./validators.ts` (a test checks both).
 */
import type { DashboardContext, Figure, SymbolContext } from '../context';
import type { DashboardCharts } from '../context/dashboard-charts';
import type { IndexComparisonTable } from '../context/index-comparison-table';
import type { PageSummary, SymbolSummary } from '../context/symbol-summary';
import type { CompositionData } from '../composition/composition-file';
import type { ApiKeyStatus } from '../settings/api-key-store';
import type { PageSettings } from '../settings/page-settings';
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

/** The popup's charts (every view of each, so switching a period needs no round trip). */
export interface DashboardChartsPayload {
  charts: DashboardCharts;
  status: DataStatus;
}

/** The seed's comparison of the Russell 2000, the S&P 500 and the Nasdaq Composite, measured. */
export interface IndexComparisonPayload {
  table: IndexComparisonTable;
  status: DataStatus;
}

/** Most symbols one `getSymbolSummaries` request may ask for. */
export const MAX_SUMMARY_SYMBOLS = 100;

/** Summaries of a page's symbols for the popup's "On this page". */
export interface SymbolSummariesPayload {
  /** One per symbol asked for, in the order asked. */
  summaries: SymbolSummary[];
  page: PageSummary;
  /** Plain-language notes (names unavailable, fetching off, ...). */
  notices: string[];
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
  /** The "Refresh now" in progress, or `null`. */
  refreshing: RefreshProgress | null;
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
  /** The popup's charts: rebased indexes, the R2K / S&P 500 ratio, rolling volatility, drawdown. */
  getDashboardCharts: { request: Record<string, never>; response: DashboardChartsPayload };
  /** The three-index comparison table (Russell 2000, S&P 500, Nasdaq Composite). */
  getIndexComparison: { request: Record<string, never>; response: IndexComparisonPayload };
  /** What the Russell 2000 is made of, per bundled iShares IWM holdings file. */
  getComposition: { request: Record<string, never>; response: CompositionData };
  /**
   * Name, membership and 1Y excess return of each symbol (at most {@link MAX_SUMMARY_SYMBOLS}),
   * from cached data; symbols without data are fetched in the background (`dataUpdated` follows).
   * Extension pages only.
   */
  getSymbolSummaries: { request: { symbols: string[] }; response: SymbolSummariesPayload };
  /** Whether a Twelve Data API key is saved (never the key itself), and where. */
  getApiKeyStatus: { request: Record<string, never>; response: ApiKeyStatus };
  /** Saves the Twelve Data API key on this device (`''` removes it). */
  setApiKey: { request: { key: string }; response: ApiKeyStatus };
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
  getDashboardCharts: 'extension-page',
  getIndexComparison: 'extension-page',
  getComposition: 'extension-page',
  getSymbolSummaries: 'extension-page',
  getApiKeyStatus: 'extension-page',
  setApiKey: 'extension-page',
  getCardPrefs: 'content-script',
  // Validated to one boolean: the only value a page's content script may have the background write.
  setCardDetailsOpen: 'content-script',
};

export type MessageType = keyof ProtocolMap;
export type RequestOf<K extends MessageType> = ProtocolMap[K]['request'];
export type ResponseOf<K extends MessageType> = ProtocolMap[K]['response'];

/** How far a "Refresh now" has got. */
export interface RefreshProgress {
  /** Symbols done (updated, unchanged or failed) and to do in all. */
  done: number;
  total: number;
  /** The symbol being fetched, or `null` once finished. */
  current: string | null;
}

/**
 * Events the background sends (no reply): `dataUpdated` to extension pages and to the tab a
 * card was opened in; `refreshProgress` to extension pages only, during a "Refresh now".
 */
export type BackgroundEvent =
  | { type: 'dataUpdated'; data: { symbols: string[] } }
  | { type: 'refreshProgress'; data: RefreshProgress };

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

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
  const { type, data } = value as { type?: unknown; data?: Record<string, unknown> };
  if (type === 'dataUpdated') {
    const symbols = data?.symbols;
    return Array.isArray(symbols) && symbols.every((s) => typeof s === 'string');
  }
  if (type === 'refreshProgress') {
    return (
      isCount(data?.done) &&
      isCount(data?.total) &&
      (data.current === null || typeof data.current === 'string')
    );
  }
  return false;
}

/** Which way the keyboard shortcut moves through the page's mentions. */
export type MentionStep = 'next' | 'previous';

/**
 * Messages the popup (and, for the keyboard shortcut, the background) sends to the content script
 * of a tab's top frame (which answers for its whole page). Replies are validated by the popup
 * (`contentResponseValidators`): a page's script is not trusted.
 */
export interface ContentProtocolMap {
  /**
   * The keyboard shortcut (`commands`, sent by the background only): move to the next or previous
   * mention and open its card.
   */
  stepMention: { request: { step: MentionStep }; response: { symbol: string | null } };
  /** The symbols found so far, with their first mention's kind and their mention count. */
  getPageSymbols: {
    request: Record<string, never>;
    response: { symbols: { symbol: string; kind: string; count: number }[] };
  };
  /** Scrolls to the first mention of `symbol` (document order) and opens its card. */
  revealSymbol: { request: { symbol: string }; response: { revealed: boolean } };
}
