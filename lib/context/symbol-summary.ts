import { lastDate } from '../metrics/as-of';
import type { SymbolEntry, SymbolSource } from '../symbols/symbol-table';
import { VENUE_NAMES } from '../symbols/symbol-table';
import { RUSSELL_2000, benchmarkInfo } from './benchmarks';
import { comparisonFigure } from './comparison-figures';
import type { Comparison } from './comparison-figures';
import { unavailable } from './figure';
import type { Figure } from './figure';
import { russell2000Membership } from './membership';
import type { MembershipInput } from './membership';
import type { PricedSeries, SeriesBySymbol } from './priced-series';
import { chooseRequiredSeries } from './series-choice';

/** What a symbol is, as far as the product knows. */
export type SummaryInstrument = 'stock' | 'etf' | 'index' | 'unknown';

/**
 * Russell 2000 membership as a list shows it: `member` or `not-listed` per the holdings file,
 * `not-a-stock` for funds and indexes (they are not index members), `unknown` without holdings.
 */
export type MembershipStatus = 'member' | 'not-listed' | 'not-a-stock' | 'unknown';

/** One symbol of a page, summarized for the popup's list (and any other compact view). */
export interface SymbolSummary {
  symbol: string;
  /** Company, fund or index name, or `null` when no source names it. */
  name: string | null;
  /** Where the name comes from, with the file's date ("NASDAQ Trader symbol directory, 2025-07-21"). */
  nameSource: string | null;
  /** Listing venue ("Nasdaq", "NYSE Arca"), or `null`. */
  venue: string | null;
  instrument: SummaryInstrument;
  membership: {
    status: MembershipStatus;
    sector: string | null;
    /** Weight in the IWM fund (fraction), or `null`. */
    weight: number | null;
    /** Date of the holdings file, or `null`. */
    asOf: string | null;
    source: string;
  };
  /**
   * The symbol's 1Y return against the Russell 2000 (`excess` = symbol − index, fractions), on
   * the common as-of date of the two series, with their sources; missing with the reason.
   */
  oneYear: Figure<Comparison>;
  /** True while the background fetches the symbol's prices (the figure follows). */
  pending: boolean;
}

/** What {@link buildSymbolSummary} needs. */
export interface SymbolSummaryInput {
  symbol: string;
  /** The symbol table's entry, if it lists the symbol, and the table's sources. */
  entry?: SymbolEntry | undefined;
  sources?: readonly SymbolSource[];
  /** Holdings data (omitted: membership unknown). */
  membership?: MembershipInput | undefined;
  /** Instrument type from cached data when the table has none (`etf`, `stock`, `index`). */
  instrument?: SummaryInstrument | undefined;
  /** The symbol's cached series, or `null` with `missingReason`. */
  series: PricedSeries | null;
  missingReason?: string;
  /** Benchmark series (the Russell 2000, `^RUT` and `IWM`). */
  available: SeriesBySymbol;
  pending?: boolean;
}

/**
 * A symbol's compact summary: name and venue from the symbol table (or the index registry for
 * `^` symbols, or the holdings), Russell 2000 membership from the holdings (funds and indexes
 * are `not-a-stock`), and the 1Y excess return against the Russell 2000 computed as the hover card
 * does (on the symbol's last date, the Russell 2000 taken on it or the comparison moved back to
 * the index's last date). Pure.
 */
export function buildSymbolSummary(input: SymbolSummaryInput): SymbolSummary {
  const { symbol, entry, series } = input;
  const isIndex = symbol.startsWith('^');
  const info = isIndex ? benchmarkInfo(symbol) : null;
  const member = russell2000Membership(input.membership);
  const instrument: SummaryInstrument = isIndex
    ? 'index'
    : (entry?.instrument ?? input.instrument ?? (member.status === 'member' ? 'stock' : 'unknown'));
  const source = entry === undefined ? undefined : input.sources?.[entry.source];
  const name =
    info !== null && info.name !== symbol ? info.name : (entry?.name ?? member.name ?? null);
  const nameSource =
    info !== null && info.name !== symbol
      ? 'R2K Lens index registry'
      : source !== undefined
        ? `${source.name}, ${source.asOf}`
        : member.name !== null
          ? `${member.source}, ${member.asOf}`
          : null;
  const status: MembershipStatus =
    instrument === 'etf' || instrument === 'index' ? 'not-a-stock' : member.status;

  let oneYear: Figure<Comparison>;
  const last = series === null ? null : lastDate(series);
  if (series === null || last === null) {
    oneYear = unavailable(input.missingReason ?? `no prices for ${symbol}`, null);
  } else {
    const required = chooseRequiredSeries(RUSSELL_2000, input.available, last);
    const asOf = required.asOf ?? last;
    oneYear = comparisonFigure(series, required.chosen, '1Y', asOf);
  }
  return {
    symbol,
    name,
    nameSource,
    venue: entry === undefined ? (member.exchange ?? null) : VENUE_NAMES[entry.venue],
    instrument,
    membership: {
      status,
      sector: status === 'member' ? member.sector : null,
      weight: status === 'member' ? member.weight : null,
      asOf: member.asOf,
      source: member.source,
    },
    oneYear,
    pending: input.pending ?? false,
  };
}

/** The page-level line: how many of the page's symbols are members, and how they did. */
export interface PageSummary {
  symbols: number;
  /** Symbols that are Russell 2000 members per the holdings file. */
  members: number;
  /** Members with a 1Y figure. */
  membersWithReturn: number;
  /** Median 1Y excess return of those members against the Russell 2000 (fraction), or `null`. */
  medianExcess: number | null;
  /** Earliest and latest as-of dates of those figures (they differ when the data does). */
  asOf: { from: string; to: string } | null;
  /** Date of the holdings file the membership comes from, or `null`. */
  holdingsAsOf: string | null;
}

/** Median of `values` (the mean of the two middle ones for an even count); `null` when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values.toSorted((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Summarizes a page's symbols: member count and the members' median 1Y excess return. Pure. */
export function summarizePage(summaries: readonly SymbolSummary[]): PageSummary {
  const members = summaries.filter((s) => s.membership.status === 'member');
  const withReturn = members.filter((s) => s.oneYear.value !== null);
  const dates = withReturn.map((s) => s.oneYear.asOf as string).toSorted();
  return {
    symbols: summaries.length,
    members: members.length,
    membersWithReturn: withReturn.length,
    medianExcess: median(withReturn.map((s) => (s.oneYear.value as Comparison).excess)),
    asOf: dates.length === 0 ? null : { from: dates[0] as string, to: dates.at(-1) as string },
    holdingsAsOf: summaries.find((s) => s.membership.asOf !== null)?.membership.asOf ?? null,
  };
}
