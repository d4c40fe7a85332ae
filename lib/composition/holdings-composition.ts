import type { Holding } from '../snapshot/types';

/** A holdings file as the composition reads it. */
export interface HoldingsFile {
  /** Date of the file (`YYYY-MM-DD`). */
  asOf: string;
  source: string;
  /** Equity rows; `weight` is a fraction of the fund. */
  rows: readonly Holding[];
}

/** One sector's share of the fund. */
export interface SectorWeight {
  /** The sector as iShares writes it ("Information Technology", "Communication"...). */
  sector: string;
  /** Summed member weights, as a fraction of the fund. */
  weight: number;
  members: number;
}

/** One of the largest holdings. */
export interface TopHolding {
  ticker: string;
  name: string;
  sector: string;
  weight: number;
}

/**
 * Members whose names say what they do: a floor for an industry the files do not classify (the
 * iShares files carry a sector per member, no industry).
 */
export interface NameGroup {
  id: 'banks' | 'biotech';
  label: string;
  /** The words matched, for the UI. */
  words: string;
  members: number;
  weight: number;
}

/** What the index is made of, from one holdings file. Weights are fractions of the fund. */
export interface CompositionSummary {
  asOf: string;
  source: string;
  /** Equity holdings listed (placeholder rows for unlisted rights included, as listed). */
  members: number;
  /** Summed weight of the equities (the rest is cash, money market and futures). */
  equityWeight: number;
  /** Sectors by weight, largest first. */
  sectors: SectorWeight[];
  /** The ten largest holdings and their summed weight. */
  top10: { weight: number; holdings: TopHolding[] };
  /** Weight of the median member. */
  medianWeight: number;
  /** Members domiciled in the United States, by count and weight. */
  unitedStates: { members: number; weight: number };
  nameGroups: NameGroup[];
}

const NAME_GROUPS: readonly {
  id: NameGroup['id'];
  label: string;
  words: string;
  sector: string | null;
  pattern: RegExp;
}[] = [
  {
    id: 'banks',
    label: 'Banks, by name',
    words: 'bank, bancorp, bancshares, bankshares, banc',
    sector: null,
    pattern: /\b(?:BANK|BANKS|BANCORP|BANCORPORATION|BANCSHARES|BANKSHARES|BANC|BANCO)\b/,
  },
  {
    id: 'biotech',
    label: 'Biotech and pharma, by name',
    words: 'therapeutics, bio, biosciences, pharma, pharmaceuticals, oncology, genetics, medicines',
    sector: 'Health Care',
    pattern:
      /THERAPEUTICS|BIOSCIENCE|BIOTHERAPEUTICS|BIOPHARMA|BIOTECH|PHARMACEUTICAL|\bBIO\b|ONCOLOGY|GENETICS|GENOMICS|MEDICINES|BIOLOGICS/,
  },
];

function round(value: number): number {
  // Weights to 1e-6 of the fund (0.0001%): the files' own precision is far coarser.
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Summarizes one holdings file: member count, sector weights (largest first, ties by name), the
 * ten largest holdings and their summed weight, the median member's weight, the US-domiciled
 * share, and the name groups (banks, biotech) as floors. Weights are rounded to 1e-6. Pure; an
 * empty file gives zero members and empty lists.
 */
export function summarizeHoldings(file: HoldingsFile): CompositionSummary {
  const rows = file.rows;
  const sectors = new Map<string, SectorWeight>();
  let equityWeight = 0;
  let usMembers = 0;
  let usWeight = 0;
  for (const row of rows) {
    equityWeight += row.weight;
    const entry = sectors.get(row.sector) ?? { sector: row.sector, weight: 0, members: 0 };
    entry.weight += row.weight;
    entry.members += 1;
    sectors.set(row.sector, entry);
    if (row.location === 'United States') {
      usMembers += 1;
      usWeight += row.weight;
    }
  }
  const byWeight = rows.toSorted((a, b) => b.weight - a.weight || a.ticker.localeCompare(b.ticker));
  const top = byWeight.slice(0, 10);
  const weights = rows.map((r) => r.weight).toSorted((a, b) => a - b);
  const mid = weights.length >> 1;
  const median =
    weights.length === 0
      ? 0
      : weights.length % 2 === 1
        ? (weights[mid] as number)
        : ((weights[mid - 1] as number) + (weights[mid] as number)) / 2;
  return {
    asOf: file.asOf,
    source: file.source,
    members: rows.length,
    equityWeight: round(equityWeight),
    sectors: [...sectors.values()]
      .map((s) => ({ ...s, weight: round(s.weight) }))
      .toSorted((a, b) => b.weight - a.weight || a.sector.localeCompare(b.sector)),
    top10: {
      weight: round(top.reduce((sum, r) => sum + r.weight, 0)),
      holdings: top.map((r) => ({
        ticker: r.ticker,
        name: r.name,
        sector: r.sector,
        weight: round(r.weight),
      })),
    },
    medianWeight: round(median),
    unitedStates: { members: usMembers, weight: round(usWeight) },
    nameGroups: NAME_GROUPS.map((g) => {
      const members = rows.filter(
        (r) => (g.sector === null || r.sector === g.sector) && g.pattern.test(r.name),
      );
      return {
        id: g.id,
        label: g.label,
        words: g.words,
        members: members.length,
        weight: round(members.reduce((sum, r) => sum + r.weight, 0)),
      };
    }),
  };
}

function sectorSums(rows: readonly Holding[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.sector, (sums.get(r.sector) ?? 0) + r.weight);
  return sums;
}

/** How the index changed between two holdings files. */
export interface CompositionChange {
  from: string;
  to: string;
  /** Tickers in the later file and not the earlier, and the reverse. */
  joined: number;
  left: number;
  /** Every sector of either file: its weight in each (0 when absent), by the later weight. */
  sectors: { sector: string; from: number; to: number }[];
}

/**
 * What changed from `older` to `newer`: members that joined and left (by ticker; iShares writes
 * share classes without a dot in both files, so they compare as written) and each sector's weight
 * in both files. Pure.
 */
export function compareHoldings(older: HoldingsFile, newer: HoldingsFile): CompositionChange {
  const before = new Set(older.rows.map((r) => r.ticker));
  const after = new Set(newer.rows.map((r) => r.ticker));
  const a = sectorSums(older.rows);
  const b = sectorSums(newer.rows);
  const names = [...new Set([...a.keys(), ...b.keys()])];
  return {
    from: older.asOf,
    to: newer.asOf,
    joined: [...after].filter((t) => !before.has(t)).length,
    left: [...before].filter((t) => !after.has(t)).length,
    sectors: names
      .map((sector) => ({ sector, from: round(a.get(sector) ?? 0), to: round(b.get(sector) ?? 0) }))
      .toSorted((x, y) => y.to - x.to || x.sector.localeCompare(y.sector)),
  };
}
