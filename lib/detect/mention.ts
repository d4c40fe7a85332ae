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
}

/** The ten indexes the detector names, as Yahoo-style caret symbols. */
export type IndexSymbol =
  '^RUT' | '^GSPC' | '^IXIC' | '^NDX' | '^DJI' | '^RUI' | '^RUA' | '^SP600' | '^SP400' | '^VIX';
