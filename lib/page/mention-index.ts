/**
 * The scanner's record of every mention on the page, indexed by text node so that a caret
 * position (node + offset) finds its mention with a binary search.
 */

/** One mention found on the page. Stable object: the same mention is returned by every lookup. */
export interface PageMention {
  readonly symbol: string;
  /** The detector's kind (`cashtag`, `exchange`, `ric`, `bare`, `index`, `company`) or `link`. */
  readonly kind: string;
  readonly startNode: Text;
  /** UTF-16 offset in `startNode`. */
  readonly startOffset: number;
  readonly endNode: Text;
  /** UTF-16 offset in `endNode`, exclusive. */
  readonly endOffset: number;
  /** For `link` mentions, the link element (focusable, for keyboard access); otherwise null. */
  readonly anchor: HTMLAnchorElement | null;
  /** A new live Range over the mention's text (valid while the page has not changed it). */
  range(): Range;
  /** The mention's client rectangles (one per line fragment), in viewport CSS pixels. */
  rects(): DOMRect[];
}

/** Internal mention record. */
export class MentionRecord implements PageMention {
  /** Whatever the highlighter registered for this mention (removed with it). */
  highlightRange: AbstractRange | null = null;
  /** The document-evidence chunk the mention was registered in (0: none). */
  evidenceKey = 0;

  constructor(
    readonly symbol: string,
    readonly kind: string,
    readonly startNode: Text,
    readonly startOffset: number,
    readonly endNode: Text,
    readonly endOffset: number,
    readonly anchor: HTMLAnchorElement | null,
    /**
     * Every text node the mention covers, in order, when there is more than one; null for the
     * usual single-node mention (one array less per mention on pages with tens of thousands).
     */
    private readonly covered: readonly Text[] | null,
    /** Id of the scan pass that found it (a re-scan of the same nodes replaces older passes). */
    readonly pass: number,
  ) {}

  /** Every text node the mention covers, in order. */
  get nodes(): readonly Text[] {
    return this.covered ?? [this.startNode];
  }

  /** Where the mention starts in `node` (0 if it started in an earlier node). */
  startIn(node: Text): number {
    return node === this.startNode ? this.startOffset : 0;
  }

  /** Where the mention ends in `node` (the node's end if it goes on in a later node). */
  endIn(node: Text): number {
    return node === this.endNode ? this.endOffset : node.length;
  }

  range(): Range {
    const r = this.startNode.ownerDocument.createRange();
    r.setStart(this.startNode, Math.min(this.startOffset, this.startNode.length));
    r.setEnd(this.endNode, Math.min(this.endOffset, this.endNode.length));
    return r;
  }

  rects(): DOMRect[] {
    const list = this.range().getClientRects();
    const out: DOMRect[] = [];
    for (let i = 0; i < list.length; i++) {
      const rect = list[i];
      if (rect && rect.width > 0 && rect.height > 0) out.push(rect);
    }
    return out;
  }
}

/**
 * Longest part of a mention inside one text node that a lookup looks back for (link mentions
 * are capped at 80 characters, detector mentions are shorter).
 */
const MAX_SEGMENT = 256;

/**
 * Index of the first mention in `list` (sorted by start in `node`) that starts after `offset`,
 * or at it too when `orAt` is false; `list.length` when there is none.
 */
function firstStartingAfter(
  list: readonly MentionRecord[],
  node: Text,
  offset: number,
  orAt: boolean,
): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = list[mid]!.startIn(node);
    if (orAt ? start <= offset : start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of mentions by text node, plus per-symbol counts. */
export class MentionIndex {
  /** Per node, the mentions covering it, sorted by where they start in that node. */
  private readonly byNode = new Map<Text, MentionRecord[]>();
  private readonly all = new Set<MentionRecord>();
  private readonly counts = new Map<string, number>();

  /** Number of mentions. */
  get size(): number {
    return this.all.size;
  }

  /** Adds a mention. */
  add(mention: MentionRecord): void {
    this.all.add(mention);
    this.counts.set(mention.symbol, (this.counts.get(mention.symbol) ?? 0) + 1);
    for (const node of mention.nodes) {
      let list = this.byNode.get(node);
      if (!list) {
        this.byNode.set(node, [mention]);
        continue;
      }
      const start = mention.startIn(node);
      // Mentions arrive in order, so this is almost always a push.
      let at = list.length;
      while (at > 0 && list[at - 1]!.startIn(node) > start) at--;
      if (at === list.length) list.push(mention);
      else list.splice(at, 0, mention);
    }
  }

  /** Removes a mention from every node it covers. Returns false if it was not indexed. */
  remove(mention: MentionRecord): boolean {
    if (!this.all.delete(mention)) return false;
    const count = (this.counts.get(mention.symbol) ?? 1) - 1;
    if (count > 0) this.counts.set(mention.symbol, count);
    else this.counts.delete(mention.symbol);
    for (const node of mention.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      if (list.length === 1 && list[0] === mention) {
        this.byNode.delete(node);
        continue;
      }
      const i = list.indexOf(mention);
      if (i >= 0) list.splice(i, 1);
    }
    return true;
  }

  /** Whether any mention covers this node. */
  /** Whether the mention is in the index (not removed since it was added). */
  has(mention: MentionRecord): boolean {
    return this.all.has(mention);
  }

  hasNode(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** Mentions covering `node` that were not found by pass `keepPass` (to replace them). */
  staleOn(node: Text, keepPass: number): MentionRecord[] {
    const list = this.byNode.get(node);
    if (!list) return [];
    return list.filter((m) => m.pass !== keepPass);
  }

  /** Mentions with any covered node no longer in the document. */
  disconnected(): MentionRecord[] {
    const out: MentionRecord[] = [];
    for (const m of this.all) {
      if (!m.startNode.isConnected || !m.endNode.isConnected) out.push(m);
      else if (m.startNode !== m.endNode && m.nodes.some((n) => !n.isConnected)) out.push(m);
    }
    return out;
  }

  /**
   * Mentions whose text in `node` contains `offset`, both ends inclusive (a caret just after
   * the last character still belongs to the mention), innermost (shortest) first.
   */
  at(node: Text, offset: number): MentionRecord[] {
    const list = this.byNode.get(node);
    if (!list) return [];
    // Just after the last mention starting at or before offset.
    const lo = firstStartingAfter(list, node, offset, true);
    const out: MentionRecord[] = [];
    for (let i = lo - 1; i >= 0; i--) {
      const m = list[i]!;
      if (m.startIn(node) < offset - MAX_SEGMENT) break;
      if (m.endIn(node) >= offset) out.push(m);
    }
    const span = (m: MentionRecord): number => m.endIn(node) - m.startIn(node);
    return out.toSorted((a, b) => span(a) - span(b));
  }

  /**
   * Mentions on `node` that start in [from, to) or began before `from` and reach into it,
   * in order (a binary search: a node can hold thousands).
   */
  between(node: Text, from: number, to: number): MentionRecord[] {
    const list = this.byNode.get(node);
    if (!list) return [];
    const lo = firstStartingAfter(list, node, from, false);
    const out: MentionRecord[] = [];
    if (lo > 0 && list[lo - 1]!.endIn(node) > from) out.push(list[lo - 1]!);
    for (let i = lo; i < list.length && list[i]!.startIn(node) < to; i++) out.push(list[i]!);
    return out;
  }

  /** Every mention on a node, in order (a copy). */
  onNode(node: Text): MentionRecord[] {
    return this.byNode.get(node)?.slice() ?? [];
  }

  /** Every mention, in the order found. */
  list(): MentionRecord[] {
    return [...this.all];
  }

  /** Distinct symbols with their mention counts, most mentioned first (ties by symbol). */
  symbols(): { symbol: string; count: number }[] {
    return [...this.counts]
      .map(([symbol, count]) => ({ symbol, count }))
      .toSorted(
        (a, b) => b.count - a.count || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0),
      );
  }

  /** Forgets everything. */
  clear(): void {
    this.byNode.clear();
    this.all.clear();
    this.counts.clear();
  }
}
