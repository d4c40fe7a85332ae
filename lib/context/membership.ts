import type { Holding } from '../snapshot/types';

/** Where membership data comes from: a holdings file, its date and source, and the symbol's row. */
export interface MembershipInput {
  /** The symbol's row in the Russell 2000 holdings (IWM), or `null` when it is not listed. */
  holding: Holding | null;
  /** Date of the holdings file (`YYYY-MM-DD`). */
  asOf: string;
  source: string;
}

/** Russell 2000 membership as the card shows it. */
export interface Russell2000Membership {
  /**
   * `member` when listed in the holdings file, `not-listed` when the file does not list it (it
   * may have joined or left since the file's date), `unknown` when no holdings data was given.
   */
  status: 'member' | 'not-listed' | 'unknown';
  name: string | null;
  sector: string | null;
  /** Weight in the IWM fund as a fraction (0.0012 = 0.12%), or `null`. */
  weight: number | null;
  /** Country of domicile as iShares lists it, or `null`. */
  domicile: string | null;
  exchange: string | null;
  /** Date of the holdings file, or `null` when unknown. */
  asOf: string | null;
  source: string;
}

/** Membership view of `input` (`unknown` when it is undefined). */
export function russell2000Membership(input: MembershipInput | undefined): Russell2000Membership {
  const holding = input?.holding ?? null;
  return {
    status: input === undefined ? 'unknown' : holding === null ? 'not-listed' : 'member',
    name: holding?.name ?? null,
    sector: holding?.sector ?? null,
    weight: holding !== null && Number.isFinite(holding.weight) ? holding.weight : null,
    domicile: holding?.location ?? null,
    exchange: holding?.exchange ?? null,
    asOf: input?.asOf ?? null,
    source: input?.source ?? '',
  };
}
