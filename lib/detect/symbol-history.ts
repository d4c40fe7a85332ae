import { NEW_LISTINGS } from './generated/symbols';

/**
 * Symbol history, as far as the shipped data knows it. The 2025 NASDAQ Trader and SEC directories
 * the dictionary is built from decide which company a symbol means (the card names that company,
 * whatever the date of the text: `$FB` is today a ProShares ETF, `SI` Shoulder Innovations). The
 * only symbols the directories do not decide are the few the newer IWM holdings add: they were
 * listed after the directories were saved, and older text may use the same letters for the
 * company that held them before (`$BBBY` for the old Bed Bath & Beyond, `$GOLD` and `$ABX` for
 * Barrick). A cashtag of one of those is `doubtful` until the document names it strongly.
 */

/** The new listings by symbol, split on first use (about 50 entries; nothing at start-up). */
let bySymbol: Map<string, string> | undefined;

/**
 * The holdings' name of a symbol listed after the shipped directories (`"BED BATH AND BEYOND
 * INC"` for `BBBY`), or undefined for every symbol the directories list.
 */
export function newListingName(symbol: string): string | undefined {
  if (!bySymbol) {
    bySymbol = new Map();
    for (const entry of NEW_LISTINGS.split('|')) {
      const eq = entry.indexOf('=');
      if (eq > 0) bySymbol.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
  }
  return bySymbol.get(symbol);
}
