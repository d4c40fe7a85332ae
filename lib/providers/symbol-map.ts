/**
 * How each provider spells the app's Yahoo-style symbols. `null` means the provider cannot serve
 * the symbol, so the refresh layer skips it instead of spending a request on a sure failure.
 */

/** Yahoo-style index symbols and their Stooq names (Stooq has no Russell 2000 or yield series we trust). */
const STOOQ_INDEXES: Readonly<Record<string, string>> = {
  '^GSPC': '^spx',
  '^IXIC': '^ndq',
  '^NDX': '^ndx',
  '^DJI': '^dji',
};

/** Yahoo's symbol is the app's symbol; the URL layer percent-encodes the caret. */
export function toYahooSymbol(symbol: string): string {
  return symbol.trim().toUpperCase();
}

/**
 * Stooq symbol for a US listing (`IWM` -> `iwm.us`, `BRK-B` -> `brk-b.us`) or a mapped index
 * (`^GSPC` -> `^spx`). Returns `null` for unmapped indexes (`^RUT`, `^TNX`) and for symbols with
 * a foreign exchange suffix (`OCDO.L`) or a Yahoo-only form (`EURUSD=X`, `GC=F`).
 */
export function toStooqSymbol(symbol: string): string | null {
  const s = symbol.trim().toUpperCase();
  if (s.startsWith('^')) return STOOQ_INDEXES[s] ?? null;
  if (!/^[A-Z][A-Z0-9-]{0,9}$/.test(s)) return null;
  return `${s.toLowerCase()}.us`;
}

/**
 * Twelve Data symbol for a US listing (`BRK-B` -> `BRK.B`, its share-class spelling). Returns
 * `null` for indexes, yields and Yahoo-only forms, which the free plan does not serve reliably.
 */
export function toTwelveDataSymbol(symbol: string): string | null {
  const s = symbol.trim().toUpperCase();
  if (!/^[A-Z][A-Z0-9-]{0,9}$/.test(s)) return null;
  return s.replace('-', '.');
}
