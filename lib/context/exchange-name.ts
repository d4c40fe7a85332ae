/** Listing venues as holdings files and directories write them, to the names readers know. */
const EXCHANGE_NAMES: readonly (readonly [RegExp, string])[] = [
  [/^(nasdaq|xnas|nms|ngm|ncm|nasdaq global|nasdaq capital)/i, 'Nasdaq'],
  [/^(nyse mkt|nyse american|amex|xase)/i, 'NYSE American'],
  [/^(nyse arca|arca|arcx)/i, 'NYSE Arca'],
  [/^(nyse|new york stock exchange|xnys)/i, 'NYSE'],
  [/^(cboe|bats)/i, 'Cboe'],
  [/^(iex)/i, 'IEX'],
  [/^(otc|non-nms quotation|pink)/i, 'OTC'],
];

/**
 * The display name of a listing venue ("NYSE", "Nasdaq", "NYSE American"), from the forms the
 * iShares holdings ("Nyse Mkt Llc", "NASDAQ"), the SEC and NASDAQ Trader directories use; `null`
 * for an empty or unlisted venue ("NO MARKET (E.G. UNLISTED)") and for forms it does not know.
 */
export function exchangeName(raw: string | null | undefined): string | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  for (const [pattern, name] of EXCHANGE_NAMES) if (pattern.test(text)) return name;
  return null;
}
