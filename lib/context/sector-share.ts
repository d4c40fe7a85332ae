import { known, unavailable } from './figure';
import type { Figure } from './figure';
import type { Russell2000Membership } from './membership';

/** Total IWM weight and member count of one sector, from the same holdings file as the membership. */
export interface SectorTotal {
  /** Sum of the members' weights in the fund, as a fraction of the fund. */
  weight: number;
  members: number;
}

/** A member's weight within its sector of the index. */
export interface SectorShare {
  sector: string;
  /** The member's weight divided by its sector's total weight (fraction of the sector). */
  share: number;
  /** The sector's weight in the fund (fraction of the fund). */
  sectorWeight: number;
  /** Members of the sector in the holdings file. */
  members: number;
}

/**
 * The member's share of its sector in the Russell 2000 (through the IWM holdings): its fund
 * weight over the sum of its sector's weights, both from the holdings file of `membership.asOf`.
 * Missing, with a reason, for a non-member, a member without sector or weight, or when the
 * sector's total is not given or not positive.
 */
export function sectorShareFigure(
  membership: Russell2000Membership,
  totals: Readonly<Record<string, SectorTotal>> | undefined,
): Figure<SectorShare> {
  const { sector, weight, asOf, source } = membership;
  if (membership.status !== 'member') return unavailable('not a Russell 2000 member', asOf, source);
  if (sector === null || weight === null) {
    return unavailable('the holdings file gives no sector or weight', asOf, source);
  }
  const total = totals?.[sector];
  if (total === undefined || !(total.weight > 0) || !Number.isFinite(total.weight)) {
    return unavailable(`no total weight for the ${sector} sector`, asOf, source);
  }
  return known(
    { sector, share: weight / total.weight, sectorWeight: total.weight, members: total.members },
    asOf,
    source,
  );
}

/** Sector totals of a holdings file's rows (weights that are not finite count as zero). */
export function sectorTotals(
  rows: readonly { sector: string; weight: number }[],
): Record<string, SectorTotal> {
  const out: Record<string, SectorTotal> = {};
  for (const { sector, weight } of rows) {
    if (sector === '') continue;
    const entry = (out[sector] ??= { weight: 0, members: 0 });
    entry.weight += Number.isFinite(weight) ? weight : 0;
    entry.members += 1;
  }
  return out;
}
