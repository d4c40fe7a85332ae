import type { Holding } from '../snapshot/types';

/** Where membership data comes from: a holdings file, its date and source, and the symbol's row. */
export interface MembershipInput {
  /** The symbol's row in the Russell 2000 holdings (IWM), or `null` when it is not listed. */
  holding: Holding | null;
  /** Date of the holdings file (`YYYY-MM-DD`). */
  asOf: string;
  source: string;
}

/**
 * Why a symbol is not shown as a Russell 2000 member, as far as the data supports:
 * - `etf`: a fund (IWM itself included), not a company; funds are never index members.
 * - `index`: an index, not a company.
 * - `not-in-holdings`: a stock the latest IWM holdings file does not list (it may be a large
 *   cap, a micro cap, foreign, or have joined or left since the file's date).
 * - `no-holdings-data`: no holdings file was available, so membership is unknown.
 */
export type NotMemberReason = 'etf' | 'index' | 'not-in-holdings' | 'no-holdings-data';

/** What the symbol is, as the data layer knows it (decides whether membership applies). */
export type MembershipInstrument = 'stock' | 'etf' | 'index' | 'unknown';

/** Russell 2000 membership as the card shows it. */
export interface Russell2000Membership {
  /**
   * `member` when listed in the holdings file, `not-listed` when the file does not list it (it
   * may have joined or left since the file's date), `unknown` when no holdings data was given.
   */
  status: 'member' | 'not-listed' | 'unknown';
  /** Why it is not a member, or `null` for a member. */
  reason: NotMemberReason | null;
  /** The reason as one sentence for the card, citing the holdings file's date; `null` for a member. */
  reasonText: string | null;
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

function notMemberReason(
  input: MembershipInput | undefined,
  instrument: MembershipInstrument,
): NotMemberReason | null {
  if (instrument === 'etf') return 'etf';
  if (instrument === 'index') return 'index';
  if (input === undefined || input.asOf === '') return 'no-holdings-data';
  return input.holding === null ? 'not-in-holdings' : null;
}

function reasonSentence(
  reason: NotMemberReason | null,
  input: MembershipInput | undefined,
  formatDate: (iso: string) => string,
): string | null {
  switch (reason) {
    case null:
      return null;
    case 'etf':
      return 'An ETF: funds are not index members.';
    case 'index':
      return 'An index, not a company.';
    case 'no-holdings-data':
      return 'Membership unknown: no Russell 2000 holdings data is available.';
    case 'not-in-holdings':
      return `Not in the iShares IWM holdings of ${formatDate(input?.asOf ?? '')}.`;
  }
}

/**
 * Membership view of `input` (`unknown` when it is undefined) for a symbol that is `instrument`:
 * a fund or an index is never called a member, whatever a holdings row says. `formatDate` writes
 * the holdings file's date in the reason sentence (ISO as given by default).
 */
export function russell2000Membership(
  input: MembershipInput | undefined,
  instrument: MembershipInstrument = 'stock',
  formatDate: (iso: string) => string = (iso) => iso,
): Russell2000Membership {
  const reason = notMemberReason(input, instrument);
  const holding = reason === null ? (input?.holding ?? null) : null;
  return {
    status: input === undefined ? 'unknown' : holding === null ? 'not-listed' : 'member',
    reason,
    reasonText: reasonSentence(reason, input, formatDate),
    name: holding?.name ?? null,
    sector: holding?.sector ?? null,
    weight: holding !== null && Number.isFinite(holding.weight) ? holding.weight : null,
    domicile: holding?.location ?? null,
    exchange: holding?.exchange ?? null,
    asOf: input?.asOf ?? null,
    source: input?.source ?? '',
  };
}
