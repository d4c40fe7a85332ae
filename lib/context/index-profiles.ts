import { NASDAQ_COMPOSITE, RUSSELL_2000, SP_500 } from './benchmarks';

/** One qualitative row of the three-index comparison: context, not a measurement. */
export interface ContextRow {
  id: 'focus' | 'sensitivity' | 'revenue' | 'volatility' | 'cycle';
  label: string;
  /** Text per index symbol (`^RUT`, `^GSPC`, `^IXIC`). */
  text: Readonly<Record<string, string>>;
  /** Where the wording comes from, or which measured rows back it (shown under the table). */
  basis: string;
}

/** The three indexes of the comparison, in column order. */
export const COMPARED_INDEXES: readonly string[] = [RUSSELL_2000, SP_500, NASDAQ_COMPOSITE];

/** Sources of the index definitions (the "market focus" row). */
export const INDEX_DEFINITION_SOURCES =
  'FTSE Russell, Russell US Indexes construction and methodology; S&P Dow Jones Indices, S&P U.S. Indices methodology; Nasdaq, Nasdaq Composite Index methodology';

/**
 * How the Russell 2000, the S&P 500 and the Nasdaq Composite are usually characterized, row by
 * row, each with what it rests on. The product measures what can be measured (volatility, beta,
 * rate sensitivity, the 2008 and 2020 episodes, revenue shares) in rows of its own; these rows
 * are the context around those numbers, worded as such.
 */
export const CONTEXT_ROWS: readonly ContextRow[] = [
  {
    id: 'focus',
    label: 'Market focus',
    text: {
      [RUSSELL_2000]:
        'US small caps: ranks 1,001-3,000 of the Russell 3000, about 7-8% of its capitalization',
      [SP_500]: 'US large caps: about 500 leading companies, selected by a committee',
      [NASDAQ_COMPOSITE]: 'All common stocks listed on Nasdaq; technology- and growth-heavy',
    },
    basis: INDEX_DEFINITION_SOURCES,
  },
  {
    id: 'sensitivity',
    label: 'Economic sensitivity',
    text: {
      [RUSSELL_2000]:
        'High, tied to US growth and credit: smaller firms borrow more, often at floating rates',
      [SP_500]: 'Broad: large, diversified, global companies',
      [NASDAQ_COMPOSITE]: 'Follows technology-sector cycles',
    },
    basis: 'the measured rate sensitivity and revenue rows',
  },
  {
    id: 'revenue',
    label: 'Revenue exposure',
    text: {
      [RUSSELL_2000]: 'Mostly domestic',
      [SP_500]: 'Global',
      [NASDAQ_COMPOSITE]: 'Global',
    },
    basis: 'FTSE Russell (as of 2023-09-29) and Citi (July 2024), quoted in the revenue rows',
  },
  {
    id: 'volatility',
    label: 'Volatility',
    text: {
      [RUSSELL_2000]: 'Higher: narrower margins, less diversified revenue, thinner liquidity',
      [SP_500]: 'Moderate',
      [NASDAQ_COMPOSITE]: 'Moderate to high',
    },
    basis: 'the measured volatility and beta rows',
  },
  {
    id: 'cycle',
    label: 'Typical cycle behaviour',
    text: {
      [RUSSELL_2000]: 'Falls hard in systemic stress; often leads early recoveries',
      [SP_500]: 'Steadier in mature cycles',
      [NASDAQ_COMPOSITE]: 'Strong in growth expansions',
    },
    basis: 'the measured 2008 and 2020 rows (decline, recovery, the year after the trough)',
  },
];

/** A published revenue-split figure, quoted with its publisher and date. */
export interface RevenueQuote {
  /** Share of revenue earned outside the US, as a fraction. */
  nonUsShare: number;
  /** What the figure is of, when it is not the column's index itself (`Russell 1000`). */
  of: string | null;
  /** Who published it ("FTSE Russell", "Citi"). */
  publisher: string;
  /** The publication, as cited. */
  source: string;
  /** The date the figure refers to: `YYYY-MM-DD`, or `YYYY-MM` when the publisher gives a month. */
  asOf: string;
}

/**
 * Published non-US revenue shares by index symbol. FTSE Russell (as of 2023-09-29): 19.78% for
 * the Russell 2000 and 39.39% for the Russell 1000 (the large-cap index closest to the S&P 500;
 * FTSE Russell does not publish the S&P 500's). Citi (July 2024): 76% of Russell 2000 sales and
 * 59% of S&P 500 sales are in the US. Nothing is published here for the Nasdaq Composite.
 */
export const REVENUE_QUOTES: Readonly<Record<string, readonly RevenueQuote[]>> = {
  [RUSSELL_2000]: [
    {
      nonUsShare: 0.1978,
      of: null,
      publisher: 'FTSE Russell',
      source: 'FTSE Russell, "How American is your US equity portfolio?", FTSE Russell Insights',
      asOf: '2023-09-29',
    },
    {
      nonUsShare: 0.24,
      of: null,
      publisher: 'Citi',
      source: 'Citi: 76% of Russell 2000 sales are in the US',
      asOf: '2024-07',
    },
  ],
  [SP_500]: [
    {
      nonUsShare: 0.3939,
      of: 'Russell 1000',
      publisher: 'FTSE Russell',
      source: 'FTSE Russell, "How American is your US equity portfolio?", FTSE Russell Insights',
      asOf: '2023-09-29',
    },
    {
      nonUsShare: 0.41,
      of: null,
      publisher: 'Citi',
      source: 'Citi: 59% of S&P 500 sales are in the US',
      asOf: '2024-07',
    },
  ],
  [NASDAQ_COMPOSITE]: [],
};
