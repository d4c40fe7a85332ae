/** A published, index-level revenue-exposure figure, quoted with its source and date. */
export interface RevenueExposure {
  /** Share of Russell 2000 constituents' revenue earned outside the US, as a fraction. */
  russell2000NonUsRevenueShare: number;
  /** Same for the Russell 1000 (large caps), for contrast. */
  russell1000NonUsRevenueShare: number;
  /** 1 − the non-US share: revenue earned in the US, as a fraction (derived, not published). */
  russell2000DomesticRevenueShare: number;
  russell1000DomesticRevenueShare: number;
  /** Date the publisher's figures refer to. */
  asOf: string;
  source: string;
  /** The sentence to show, citing source and date. */
  sourceText: string;
}

/**
 * FTSE Russell's index-level revenue split (as of 2023-09-29): non-US revenue 19.78% for the
 * Russell 2000 against 39.39% for the Russell 1000. A constant of the product, not computed.
 */
export const INDEX_REVENUE_EXPOSURE: Readonly<RevenueExposure> = Object.freeze({
  russell2000NonUsRevenueShare: 0.1978,
  russell1000NonUsRevenueShare: 0.3939,
  russell2000DomesticRevenueShare: 0.8022,
  russell1000DomesticRevenueShare: 0.6061,
  asOf: '2023-09-29',
  source: 'FTSE Russell, "How American is your US equity portfolio?", FTSE Russell Insights',
  sourceText:
    'Non-US revenue: 19.78% for the Russell 2000 against 39.39% for the Russell 1000 ' +
    '(FTSE Russell, as of 2023-09-29).',
});
