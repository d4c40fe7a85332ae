import { isSymbol } from './envelope';
import type { ContentProtocolMap, ProtocolMap } from './protocol';
import type { Validators } from './dispatch';

const MENTION_KINDS = ['cashtag', 'exchange', 'ric', 'bare', 'link', 'index', 'company'];

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
  getDashboard: noData,
  getDataStatus: noData,
  refreshNow: noData,
  clearCache: noData,
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
  stepMention(data) {
    if (!isRecord(data) || (data.step !== 'next' && data.step !== 'previous')) {
      return 'expected { step: "next" | "previous" }';
    }
    return { step: data.step };
  },
};
