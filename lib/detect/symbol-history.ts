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

/**
 * The holdings' name of a symbol listed after the shipped directories (`"BED BATH AND BEYOND
 * INC"` for `BBBY`), or undefined for every symbol the directories list. A substring search of a
 * ~2 kB module constant: nothing is built at start-up.
 */
export function newListingName(symbol: string): string | undefined {
  let at: number;
  if (NEW_LISTINGS.startsWith(`${symbol}=`)) at = 0;
  else {
    at = NEW_LISTINGS.indexOf(`|${symbol}=`);
    if (at < 0) return undefined;
    at++;
  }
  const from = at + symbol.length + 1;
  const stop = NEW_LISTINGS.indexOf('|', from);
  return NEW_LISTINGS.slice(from, stop < 0 ? undefined : stop);
}
