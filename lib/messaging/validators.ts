import { isPlausibleApiKey } from '../settings/api-key-format';
import { isSymbol } from './envelope';
import { MAX_SUMMARY_SYMBOLS } from './protocol';
import type { ContentProtocolMap, ProtocolMap } from './protocol';
import type { ResponseValidators, Validators } from './dispatch';

/** Mention kinds the detector reports (see lib/detect/mention.ts). */
export const MENTION_KINDS = ['cashtag', 'exchange', 'ric', 'bare', 'link', 'index', 'company'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SYMBOL_RULE =
  'symbol must be 1-12 characters of A-Z, 0-9, ".", "-", "=", optionally after "^"';

function noData(data: unknown): Record<string, never> | string {
  return data === undefined || (isRecord(data) && Object.keys(data).length === 0)
    ? {}
    : 'expected no data';
}

/** Request validators for the background's messages (see `ProtocolMap`). */
export const requestValidators: Validators<ProtocolMap> = {
  getCard(data) {
    if (!isRecord(data)) return 'expected { symbol, kind }';
    if (!isSymbol(data.symbol)) return SYMBOL_RULE;
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
  getDashboardCharts: noData,
  getIndexComparison: noData,
  getComposition: noData,
  getSymbolSummaries(data) {
    if (!isRecord(data) || !Array.isArray(data.symbols)) return 'expected { symbols: [...] }';
    if (data.symbols.length > MAX_SUMMARY_SYMBOLS) {
      return `at most ${MAX_SUMMARY_SYMBOLS} symbols per request`;
    }
    if (!data.symbols.every(isSymbol)) return 'every symbol must be a valid symbol';
    return { symbols: [...new Set(data.symbols as string[])] };
  },
  getApiKeyStatus: noData,
  setApiKey(data) {
    if (!isRecord(data) || typeof data.key !== 'string') return 'expected { key }';
    const key = data.key.trim();
    if (!isPlausibleApiKey(key)) return 'key must be empty or 16-64 letters and digits';
    return { key };
  },
  getCardPrefs: noData,
  setCardDetailsOpen(data) {
    if (!isRecord(data) || typeof data.open !== 'boolean' || Object.keys(data).length !== 1) {
      return 'expected { open: boolean }';
    }
    return { open: data.open };
  },
};

/** Request validators for the content script's messages (see `ContentProtocolMap`). */
export const contentRequestValidators: Validators<ContentProtocolMap> = {
  getPageSymbols: noData,
  revealSymbol(data) {
    if (!isRecord(data)) return 'expected { symbol }';
    return isSymbol(data.symbol) ? { symbol: data.symbol } : SYMBOL_RULE;
  },
  stepMention(data) {
    if (!isRecord(data) || (data.step !== 'next' && data.step !== 'previous')) {
      return 'expected { step: "next" | "previous" }';
    }
    return { step: data.step };
  },
};

/** Most symbols of a page's answer the popup lists (a longer list is cut, not refused). */
export const MAX_PAGE_SYMBOLS = 2000;

/**
 * Validators of the content script's replies, run by the popup before using them: a page's
 * renderer may be compromised, so every field is checked and anything unexpected refuses the
 * whole reply (never half-used).
 */
export const contentResponseValidators: ResponseValidators<ContentProtocolMap> = {
  getPageSymbols(data) {
    if (!isRecord(data) || !Array.isArray(data.symbols)) return 'expected { symbols: [...] }';
    const symbols: { symbol: string; kind: string; count: number }[] = [];
    const seen = new Set<string>();
    // A stock screener can list thousands: the popup shows the first ones (most mentioned first).
    for (const item of (data.symbols as unknown[]).slice(0, MAX_PAGE_SYMBOLS)) {
      if (!isRecord(item) || !isSymbol(item.symbol)) return `a listed ${SYMBOL_RULE}`;
      if (typeof item.kind !== 'string' || !MENTION_KINDS.includes(item.kind)) {
        return `kind must be one of ${MENTION_KINDS.join(', ')}`;
      }
      const count = item.count;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1e7) {
        return 'count must be a positive whole number';
      }
      if (seen.has(item.symbol)) return `${item.symbol} is listed twice`;
      seen.add(item.symbol);
      symbols.push({ symbol: item.symbol, kind: item.kind, count });
    }
    return { symbols };
  },
  revealSymbol(data) {
    if (!isRecord(data) || typeof data.revealed !== 'boolean') return 'expected { revealed }';
    return { revealed: data.revealed };
  },
  stepMention(data) {
    if (!isRecord(data) || !('symbol' in data)) return 'expected { symbol }';
    if (data.symbol !== null && !isSymbol(data.symbol)) return `symbol: ${SYMBOL_RULE} or null`;
    return { symbol: data.symbol };
  },
};
