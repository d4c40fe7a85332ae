import { isPlausibleApiKey } from '../settings/api-key-format';
import { isSymbol } from './envelope';
import type { ContentProtocolMap, ProtocolMap } from './protocol';
import type { Validators } from './dispatch';

/** Mention kinds the detector reports (see lib/detect/mention.ts). */
export const MENTION_KINDS = ['cashtag', 'exchange', 'ric', 'bare', 'link', 'index', 'company'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function noData(data: unknown): Record<string, never> | string {
  return data === undefined || (isRecord(data) && Object.keys(data).length === 0)
    ? {}
    : 'expected no data';
}

/** Request validators for the background's messages (see `ProtocolMap`). */
export const requestValidators: Validators<ProtocolMap> = {
  getCard(data) {
    if (!isRecord(data)) return 'expected { symbol, kind }';
    if (!isSymbol(data.symbol))
      return 'symbol must be 1-12 characters of A-Z, 0-9, ".", "-", "=", optionally after "^"';
    if (typeof data.kind !== 'string' || !MENTION_KINDS.includes(data.kind)) {
      return `kind must be one of ${MENTION_KINDS.join(', ')}`;
    }
    return { symbol: data.symbol, kind: data.kind };
  },
  getPageSettings: noData,
  getDashboard: noData,
  getDataStatus: noData,
  refreshNow: noData,
  clearCache: noData,
  getApiKeyStatus: noData,
  setApiKey(data) {
    if (!isRecord(data) || typeof data.key !== 'string') return 'expected { key }';
    const key = data.key.trim();
    if (!isPlausibleApiKey(key)) return 'key must be empty or 16-64 letters and digits';
    return { key };
  },
};

/** Request validators for the content script's messages (see `ContentProtocolMap`). */
export const contentRequestValidators: Validators<ContentProtocolMap> = {
  getPageSymbols: noData,
};

/** Most symbols a page's answer may list (a page with more is cut, not refused). */
const MAX_PAGE_SYMBOLS = 2_000;

/**
 * Validators of what content scripts answer, used by the popup: a content script is treated as a
 * possibly compromised renderer, so its replies are checked like requests. Returns the typed
 * response or a message saying what is wrong.
 */
export const contentResponseValidators: {
  [K in keyof ContentProtocolMap]: (data: unknown) => ContentProtocolMap[K]['response'] | string;
} = {
  getPageSymbols(data) {
    if (!isRecord(data) || !Array.isArray(data.symbols)) return 'expected { symbols: [...] }';
    const symbols: ContentProtocolMap['getPageSymbols']['response']['symbols'] = [];
    for (const item of data.symbols.slice(0, MAX_PAGE_SYMBOLS)) {
      if (!isRecord(item)) return 'each symbol must be { symbol, kind, count }';
      const { symbol, kind, count } = item;
      if (!isSymbol(symbol)) return 'a symbol is not a valid symbol';
      if (typeof kind !== 'string' || !MENTION_KINDS.includes(kind)) return 'a kind is unknown';
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1e7) {
        return 'a count is not a positive whole number';
      }
      symbols.push({ symbol, kind, count });
    }
    return { symbols };
  },
};
