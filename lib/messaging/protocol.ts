/**
 * The one message protocol between the UI (content script, card, popup, options) and the
 * background service worker: a map from message name to request and response types. Every
 * message has exactly one handler in `entrypoints/background/handlers.ts` and one validator in
 * `./validators.ts` (a test checks both).
 */
import type { DashboardContext, SymbolContext } from '../context';

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

export interface ProtocolMap {
  /** Card data for a symbol or index mention (`kind` as detected: cashtag, index, ...). */
  getCard: { request: { symbol: string; kind: string }; response: CardPayload };
  /** The popup's Russell 2000 dashboard. */
  getDashboard: { request: Record<string, never>; response: DashboardPayload };
}

export type MessageType = keyof ProtocolMap;
export type RequestOf<K extends MessageType> = ProtocolMap[K]['request'];
export type ResponseOf<K extends MessageType> = ProtocolMap[K]['response'];

/** Messages the popup sends to the content script of the active tab. */
export interface ContentProtocolMap {
  getPageSymbols: {
    request: Record<string, never>;
    response: { symbols: { symbol: string; kind: string; count: number }[] };
  };
}
