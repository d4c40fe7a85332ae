import type { Mention, MentionStrength } from './mention';

/**
 * Evidence from the whole document ("one sense per discourse"): a bare symbol is credible when the
 * same document also names it strongly (cashtag, exchange prefix, Reuters code, quote link, its
 * company's name), and not when the document says the letters mean something else (an acronym
 * defined in parentheses, a foreign company's code, the start of a longer name), unless it also
 * names the symbol strongly.
 *
 * The decision for one candidate depends only on its own strength and on which strengths the
 * document's candidates of the same symbol have, so it does not depend on the order chunks
 * arrive in:
 * - `strong`: accepted;
 * - `plain`: accepted unless the document holds an `against` of the symbol and no `strong` one;
 * - `doubtful`: accepted only when the document holds a `strong` one of the symbol;
 * - `against`: never accepted (never shown).
 */

/** A chunk's key, chosen by the caller (a text node's serial number, `"links"`, ...). */
export type ChunkKey = string | number;

/** One candidate of a chunk: a mention (or a quote link) with an id chosen by the caller. */
export interface EvidenceCandidate {
  /** Unique over the whole document (the caller's mention id). */
  id: number;
  /** Canonical symbol (`BRK.B`, `^RUT`). */
  symbol: string;
  strength: MentionStrength;
}

/** What changed for the caller to draw: ids to show now, ids to stop showing. */
export interface EvidenceChange {
  /** The chunk's own candidates accepted now, and earlier candidates promoted, in no order. */
  accepted: number[];
  /** Earlier candidates that were accepted and no longer are, in no order. */
  withdrawn: number[];
}

/** Options of {@link DocumentEvidence}. */
export interface DocumentEvidenceOptions {
  /**
   * How many chunks are kept open (default 2,000). Past that, the oldest chunk is sealed: its
   * `strong` and `against` counts stay in the symbol totals for good (so evidence is never lost),
   * its `plain` and `doubtful` candidates keep the state they had and are no longer tracked, and
   * forgetting it does nothing. Memory then stays bounded by this number of chunks plus one
   * counter pair per distinct symbol (at most the dictionary's size) on a page that grows forever.
   */
  maxChunks?: number;
}

/** Per-symbol counts over the open chunks, plus what sealed chunks left behind. */
interface SymbolState {
  strong: number;
  against: number;
  /** Ids of the open `plain` and `doubtful` candidates of the symbol. */
  watchers: Set<number>;
}

interface Tracked {
  symbol: string;
  strength: MentionStrength;
}

const NO_CHANGE: EvidenceChange = Object.freeze({ accepted: [], withdrawn: [] }) as EvidenceChange;

/**
 * Whether a candidate of `strength` is accepted given how many `strong` and `against` candidates
 * the document holds for its symbol.
 */
export function decideStrength(
  strength: MentionStrength,
  strong: number,
  against: number,
): boolean {
  switch (strength) {
    case 'strong':
      return true;
    case 'plain':
      return strong > 0 || against === 0;
    case 'doubtful':
      return strong > 0;
    default:
      return false;
  }
}

/**
 * Incremental one-sense-per-discourse decisions over the text chunks of one document. The page
 * scanner registers each chunk's candidates as it scans it ({@link add}), re-registers a chunk it
 * re-scans (same key: the old candidates are replaced), and forgets a chunk that left the page
 * ({@link forget}); each call returns only what changed. Costs per call: the chunk's candidates,
 * plus the open candidates of the symbols whose evidence appeared or vanished with it.
 */
export class DocumentEvidence {
  private readonly maxChunks: number;
  /** Open chunks in registration order (a Map keeps insertion order: the first is the oldest). */
  private readonly chunks = new Map<ChunkKey, readonly EvidenceCandidate[]>();
  private readonly symbols = new Map<string, SymbolState>();
  /** Open `plain` and `doubtful` candidates, by id. */
  private readonly tracked = new Map<number, Tracked>();
  /** Accepted ids among the open chunks' candidates. */
  private readonly acceptedIds = new Set<number>();

  constructor(options: DocumentEvidenceOptions = {}) {
    this.maxChunks = Math.max(1, options.maxChunks ?? 2000);
  }

  /** Number of open (not sealed, not forgotten) chunks. */
  get openChunks(): number {
    return this.chunks.size;
  }

  /** Whether the open candidate `id` is accepted now (false for unknown and sealed ids). */
  isAccepted(id: number): boolean {
    return this.acceptedIds.has(id);
  }

  /**
   * Registers the candidates of chunk `key` (replacing them if the chunk was registered before)
   * and returns what changed: the chunk's candidates that are accepted, earlier candidates the new
   * evidence promotes, and earlier ones it withdraws. When a chunk is replaced, its old ids are
   * dropped without being reported (the caller replaced them itself).
   */
  add(key: ChunkKey, candidates: readonly EvidenceCandidate[]): EvidenceChange {
    const touched = new Set<string>();
    if (this.chunks.has(key)) this.remove(key, touched);
    this.chunks.set(key, candidates);
    for (const c of candidates) {
      const state = this.state(c.symbol);
      if (c.strength === 'strong') {
        if (state.strong++ === 0) touched.add(c.symbol);
      } else if (c.strength === 'against') {
        if (state.against++ === 0) touched.add(c.symbol);
      } else {
        state.watchers.add(c.id);
        this.tracked.set(c.id, { symbol: c.symbol, strength: c.strength });
      }
    }
    const change: EvidenceChange = { accepted: [], withdrawn: [] };
    this.review(touched, change);
    for (const c of candidates) {
      if (c.strength === 'strong') {
        this.acceptedIds.add(c.id);
        change.accepted.push(c.id);
      } else if (c.strength !== 'against' && !touched.has(c.symbol)) {
        // (Candidates of touched symbols were decided by review.)
        const state = this.symbols.get(c.symbol) as SymbolState;
        if (decideStrength(c.strength, state.strong, state.against)) {
          this.acceptedIds.add(c.id);
          change.accepted.push(c.id);
        }
      }
    }
    while (this.chunks.size > this.maxChunks) this.sealOldest();
    return change;
  }

  /**
   * Forgets chunk `key` (its text left the page) and returns what that changes for the other
   * chunks' candidates. The chunk's own ids are dropped without being reported. Does nothing for
   * unknown or sealed chunks.
   */
  forget(key: ChunkKey): EvidenceChange {
    if (!this.chunks.has(key)) return NO_CHANGE;
    const touched = new Set<string>();
    this.remove(key, touched);
    const change: EvidenceChange = { accepted: [], withdrawn: [] };
    this.review(touched, change);
    return change;
  }

  private state(symbol: string): SymbolState {
    let state = this.symbols.get(symbol);
    if (!state) this.symbols.set(symbol, (state = { strong: 0, against: 0, watchers: new Set() }));
    return state;
  }

  /** Takes a chunk's candidates out of the counts; symbols whose evidence vanished go to `touched`. */
  private remove(key: ChunkKey, touched: Set<string>): void {
    const old = this.chunks.get(key) ?? [];
    this.chunks.delete(key);
    for (const c of old) {
      const state = this.symbols.get(c.symbol);
      if (!state) continue;
      if (c.strength === 'strong') {
        this.acceptedIds.delete(c.id);
        if (--state.strong === 0) touched.add(c.symbol);
      } else if (c.strength === 'against') {
        if (--state.against === 0) touched.add(c.symbol);
      } else {
        state.watchers.delete(c.id);
        this.tracked.delete(c.id);
        this.acceptedIds.delete(c.id);
      }
      if (state.strong === 0 && state.against === 0 && state.watchers.size === 0) {
        this.symbols.delete(c.symbol);
      }
    }
  }

  /** Re-decides the open candidates of `symbols`, recording promotions and withdrawals. */
  private review(symbols: ReadonlySet<string>, change: EvidenceChange): void {
    for (const symbol of symbols) {
      const state = this.symbols.get(symbol);
      if (!state) continue;
      for (const id of state.watchers) {
        const t = this.tracked.get(id);
        if (!t) continue;
        const now = decideStrength(t.strength, state.strong, state.against);
        const was = this.acceptedIds.has(id);
        if (now && !was) {
          this.acceptedIds.add(id);
          change.accepted.push(id);
        } else if (!now && was) {
          this.acceptedIds.delete(id);
          change.withdrawn.push(id);
        }
      }
    }
  }

  /**
   * Seals the oldest open chunk: its strong/against counts stay in the totals for good, its
   * plain/doubtful candidates keep their state and stop being tracked.
   */
  private sealOldest(): void {
    const first = this.chunks.keys().next();
    if (first.done) return;
    const key = first.value;
    const old = this.chunks.get(key) ?? [];
    this.chunks.delete(key);
    for (const c of old) {
      if (c.strength === 'strong') this.acceptedIds.delete(c.id);
      if (c.strength === 'strong' || c.strength === 'against') continue;
      const state = this.symbols.get(c.symbol);
      state?.watchers.delete(c.id);
      this.tracked.delete(c.id);
      this.acceptedIds.delete(c.id);
    }
  }
}

/**
 * The batch reference of {@link DocumentEvidence}: the accepted ids of a document given all its
 * chunks' candidates at once.
 */
export function decideDocument(chunks: Iterable<readonly EvidenceCandidate[]>): Set<number> {
  const strong = new Map<string, number>();
  const against = new Map<string, number>();
  const all: EvidenceCandidate[] = [];
  for (const chunk of chunks) {
    for (const c of chunk) {
      all.push(c);
      if (c.strength === 'strong') strong.set(c.symbol, (strong.get(c.symbol) ?? 0) + 1);
      if (c.strength === 'against') against.set(c.symbol, (against.get(c.symbol) ?? 0) + 1);
    }
  }
  const out = new Set<number>();
  for (const c of all) {
    if (decideStrength(c.strength, strong.get(c.symbol) ?? 0, against.get(c.symbol) ?? 0)) {
      out.add(c.id);
    }
  }
  return out;
}

/**
 * The mentions of one whole text (a document in one chunk) that the document's evidence accepts,
 * from `findMentions(text, dictionary, { evidence: true })`; returned without `strength`, in order.
 * What the evaluation and the command-line tools report.
 */
export function acceptInDocument(mentions: readonly Mention[]): Mention[] {
  const accepted = decideDocument([
    mentions.map((m, id) => ({ id, symbol: m.symbol, strength: m.strength ?? 'strong' })),
  ]);
  const out: Mention[] = [];
  mentions.forEach((m, id) => {
    if (accepted.has(id)) out.push({ start: m.start, end: m.end, symbol: m.symbol, kind: m.kind });
  });
  return out;
}
