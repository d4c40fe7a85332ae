import { parseISharesHoldings } from '../snapshot/ishares-holdings';
import { compareHoldings, summarizeHoldings } from './holdings-composition';
import type { CompositionChange, CompositionSummary, HoldingsFile } from './holdings-composition';

/** Version of `public/data/composition.json`; bumped when its shape changes. */
export const COMPOSITION_FORMAT_VERSION = 1;

/** Where the holdings files come from, as the popup cites them. */
export const HOLDINGS_SOURCE = 'iShares Russell 2000 ETF (IWM) holdings, BlackRock';

/** The bundled composition data: one summary per holdings file, oldest first, and the changes. */
export interface CompositionData {
  formatVersion: number;
  /** Summaries, oldest file first (the last is the current composition). */
  files: CompositionSummary[];
  /** Changes between consecutive files, and from the first to the last. */
  changes: CompositionChange[];
}

/**
 * Builds the composition data from the raw iShares CSV exports (any order; sorted by their
 * "Fund Holdings as of" date). Throws on a malformed file (see `parseISharesHoldings`) or two
 * files with the same date. Pure.
 */
export function buildCompositionData(csvTexts: readonly string[]): CompositionData {
  const files: HoldingsFile[] = csvTexts
    .map((text) => {
      const parsed = parseISharesHoldings(text);
      return { asOf: parsed.asOf, source: HOLDINGS_SOURCE, rows: parsed.rows };
    })
    .toSorted((a, b) => a.asOf.localeCompare(b.asOf));
  for (let i = 1; i < files.length; i += 1) {
    if (files[i]!.asOf === files[i - 1]!.asOf) {
      throw new Error(`composition: two holdings files dated ${files[i]!.asOf}`);
    }
  }
  const changes: CompositionChange[] = [];
  for (let i = 1; i < files.length; i += 1) changes.push(compareHoldings(files[i - 1]!, files[i]!));
  if (files.length > 2) changes.push(compareHoldings(files[0]!, files.at(-1)!));
  return {
    formatVersion: COMPOSITION_FORMAT_VERSION,
    files: files.map(summarizeHoldings),
    changes,
  };
}

/**
 * Checks the shape of composition data read back from JSON (the bundled file). Returns it typed,
 * or a message saying what is wrong.
 */
export function decodeCompositionData(value: unknown): CompositionData | string {
  if (typeof value !== 'object' || value === null) return 'composition data is not an object';
  const data = value as Partial<CompositionData>;
  if (data.formatVersion !== COMPOSITION_FORMAT_VERSION) {
    return `composition data has format ${String(data.formatVersion)}, expected ${COMPOSITION_FORMAT_VERSION}`;
  }
  if (!Array.isArray(data.files) || data.files.length === 0) return 'composition data has no files';
  if (!Array.isArray(data.changes)) return 'composition data has no changes';
  for (const f of data.files) {
    if (
      typeof f?.asOf !== 'string' ||
      typeof f.members !== 'number' ||
      !Array.isArray(f.sectors) ||
      !Array.isArray(f.top10?.holdings)
    ) {
      return 'a composition summary is malformed';
    }
  }
  return data as CompositionData;
}
