/** How a mention was recognised; `link` comes from a quote-page URL, never from plain text. */
export type MentionKind = 'cashtag' | 'exchange' | 'ric' | 'bare' | 'link' | 'index' | 'company';

/** Every kind, in the order reports list them. */
export const MENTION_KINDS: readonly MentionKind[] = [
  'cashtag',
  'exchange',
  'ric',
  'bare',
  'link',
  'index',
  'company',
];

/**
 * One ticker or index mention in a text.
 * `start`/`end` are UTF-16 code-unit offsets (JavaScript string indices), end exclusive.
 * `symbol` is the dictionary's canonical form (`BRK.B`) or an index's caret symbol (`^RUT`).
 */
export interface Mention {
  start: number;
  end: number;
  symbol: string;
  kind: MentionKind;
  /**
   * Set only when `findMentions` is asked for evidence (`{ evidence: true }`); see
   * {@link MentionStrength} and `document-evidence.ts`.
   */
  strength?: MentionStrength;
}

/**
 * What a mention says about its symbol being meant in the whole document ("one sense per
 * discourse"; `document-evidence.ts` decides):
 * - `strong`: names the symbol explicitly (cashtag, exchange prefix, Reuters code, quote link,
 *   company name, `Name (SYM)`, `shares of SYM`); shown, and makes bare uses of the same symbol
 *   in the document credible;
 * - `plain`: a bare symbol accepted on its own text (`KTOS rose 9%`, a distinctive symbol in
 *   capitals); shown unless the document says the letters mean something else;
 * - `doubtful`: not accepted on its own text (a word-like symbol without a signal, a cashtag of a
 *   symbol listed after the directories, a company short name without context); shown only when
 *   the document names the symbol strongly elsewhere;
 * - `against`: the letters name something else here (an acronym defined in parentheses, a
 *   company whose own code is a foreign listing, the start of a longer name, a cashtag in a list
 *   of London symbols); never shown, and withdraws `plain` uses of the same letters unless the
 *   document also names the symbol strongly.
 */
export type MentionStrength = 'strong' | 'plain' | 'doubtful' | 'against';

/** The ten indexes the detector names, as Yahoo-style caret symbols. */
export type IndexSymbol =
  '^RUT' | '^GSPC' | '^IXIC' | '^NDX' | '^DJI' | '^RUI' | '^RUA' | '^SP600' | '^SP400' | '^VIX';
