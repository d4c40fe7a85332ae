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

  constructor(
    readonly symbol: string,
    readonly kind: string,
    readonly startNode: Text,
    readonly startOffset: number,
    readonly endNode: Text,
    readonly endOffset: number,
    readonly anchor: HTMLAnchorElement | null,
    /** Every text node the mention covers, in order. */
    readonly nodes: readonly Text[],
    /** Id of the scan pass that found it (a re-scan of the same nodes replaces older passes). */
    readonly pass: number,
  ) {}

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

/** The part of a mention that lies in one text node. */
interface Segment {
  start: number;
  end: number;
  mention: MentionRecord;
}

interface NodeEntry {
  /** Sorted by start. */
  segments: Segment[];
  /** Longest segment, bounds the backward scan of a lookup. */
  maxLength: number;
}

/** Index of mentions by text node, plus per-symbol counts. */
export class MentionIndex {
  private readonly byNode = new Map<Text, NodeEntry>();
  private readonly all = new Set<MentionRecord>();
  private readonly counts = new Map<string, number>();

  /** Number of mentions. */
  get size(): number {
    return this.all.size;
  }

  /** Adds a mention; `onRemove` is not called here. */
  add(mention: MentionRecord): void {
    this.all.add(mention);
    this.counts.set(mention.symbol, (this.counts.get(mention.symbol) ?? 0) + 1);
    const { nodes } = mention;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const start = i === 0 ? mention.startOffset : 0;
      const end = i === nodes.length - 1 ? mention.endOffset : node.length;
      let entry = this.byNode.get(node);
      if (!entry) {
        entry = { segments: [], maxLength: 0 };
        this.byNode.set(node, entry);
      }
      const segs = entry.segments;
      const seg: Segment = { start, end, mention };
      // Mentions arrive in order, so this is almost always a push.
      let at = segs.length;
      while (at > 0 && segs[at - 1]!.start > start) at--;
      segs.splice(at, 0, seg);
      if (end - start > entry.maxLength) entry.maxLength = end - start;
    }
  }

  /** Removes a mention from every node it covers. Returns false if it was not indexed. */
  remove(mention: MentionRecord): boolean {
    if (!this.all.delete(mention)) return false;
    const count = (this.counts.get(mention.symbol) ?? 1) - 1;
    if (count > 0) this.counts.set(mention.symbol, count);
    else this.counts.delete(mention.symbol);
    for (const node of mention.nodes) {
      const entry = this.byNode.get(node);
      if (!entry) continue;
      entry.segments = entry.segments.filter((s) => s.mention !== mention);
      if (entry.segments.length === 0) this.byNode.delete(node);
    }
    return true;
  }

  /** Whether any mention covers this node. */
  hasNode(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** Mentions covering `node` that were not found by pass `keepPass` (to replace them). */
  staleOn(node: Text, keepPass: number): MentionRecord[] {
    const entry = this.byNode.get(node);
    if (!entry) return [];
    const out: MentionRecord[] = [];
    for (const s of entry.segments) if (s.mention.pass !== keepPass) out.push(s.mention);
    return out;
  }

  /** Mentions with any covered node no longer in the document. */
  disconnected(): MentionRecord[] {
    const out: MentionRecord[] = [];
    for (const m of this.all) {
      for (const n of m.nodes) {
        if (!n.isConnected) {
          out.push(m);
          break;
        }
      }
    }
    return out;
  }

  /**
   * Mentions whose text in `node` contains `offset`, both ends inclusive (a caret just after
   * the last character still belongs to the mention), innermost (shortest) first.
   */
  at(node: Text, offset: number): MentionRecord[] {
    const entry = this.byNode.get(node);
    if (!entry) return [];
    const segs = entry.segments;
    // Last segment with start <= offset.
    let lo = 0;
    let hi = segs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (segs[mid]!.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    const out: Segment[] = [];
    for (let i = lo - 1; i >= 0; i--) {
      const s = segs[i]!;
      if (s.start < offset - entry.maxLength) break;
      if (s.end >= offset) out.push(s);
    }
    return out.toSorted((a, b) => a.end - a.start - (b.end - b.start)).map((s) => s.mention);
  }

  /** Every mention on a node, in order. */
  onNode(node: Text): MentionRecord[] {
    return this.byNode.get(node)?.segments.map((s) => s.mention) ?? [];
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
