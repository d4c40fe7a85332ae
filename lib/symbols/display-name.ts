/** Words that end a security description in the NASDAQ Trader names ("... - Class A Common Stock"). */
const SECURITY_DESCRIPTION =
  /\s+(?:New\s+)?(?:Class\s+[A-Z]\s+|Series\s+[A-Z]\s+)?(?:Common Stock|Common Shares|Ordinary Shares?|Registered Ordinary Shares|Registered Shares|American Depositary Shares?|American Depository Shares?|Depositary Shares|Depositary Receipts?|Sponsored ADR|ADRs?|ADSs?|Shares of Beneficial Interest|Common Units|Subordinate Voting Shares|Voting Shares|Capital Stock)\b.*$/i;

/**
 * A directory's security name as a reader expects a company name: the security description cut
 * ("Apple Inc. - Common Stock" → "Apple Inc.", "Moog Inc. Class A Common Stock" → "Moog Inc."),
 * SEC's state-of-incorporation tag dropped ("OLD NATIONAL BANCORP /IN/" → "OLD NATIONAL
 * BANCORP"), a trailing share class cut ("HIMS HERS HEALTH INC CLASS A"), spaces collapsed.
 * Capitalization is kept as the source writes it. Fund names keep everything but the separator's
 * tail ("Invesco QQQ Trust, Series 1" stays whole).
 */
export function displayName(raw: string): string {
  let name = raw.trim();
  const dash = name.indexOf(' - ');
  if (dash > 0) name = name.slice(0, dash);
  name = name.replace(SECURITY_DESCRIPTION, '');
  name = name.replace(/\s*\/[A-Z]{2,4}\/?\s*$/i, '');
  // iShares ends share classes with "CLASS A" (or a bare, cut-off "CLASS").
  name = name.replace(/\s+CLASS(?:\s+[A-Z])?$/i, '');
  return name.replace(/\s+/g, ' ').trim() || raw.trim();
}
