/**
 * Bit flags stored with every symbol of the dictionary. They are decided at build time
 * (lib/detect/build-dictionary.ts) so the content script only tests bits.
 */
export const SymbolFlag = {
  /** Member of the Russell 2000 (held by the iShares IWM ETF on the snapshot date). */
  Russell2000: 1,
  /**
   * Looks like an English word or a common abbreviation (A, IT, ON, ALL, CEO): a bare upper-case
   * occurrence needs a strong ticker signal to count.
   */
  WordLike: 2,
  /** An exchange-traded fund or note (IWM, SPY, QQQ). */
  Fund: 4,
  /** Quoted only over the counter (SEC exchange "OTC", absent from the NASDAQ Trader lists). */
  OverTheCounter: 8,
  /**
   * The company calls itself by its ticker (HCA Healthcare, UBS Group): a bare occurrence in prose
   * is the company's name, so it is reported as kind `company`.
   */
  NameLike: 16,
  /**
   * A foreign issuer (American depositary shares, or a foreign legal form such as plc, N.V., AG):
   * its home-market code may share the letters, so a cashtag in a list of London or other
   * non-US symbols still means this company (`$VOD` among `$BARC $LLOY`).
   */
  ForeignIssuer: 32,
} as const;

/** Sum of {@link SymbolFlag} bits. */
export type SymbolFlags = number;
