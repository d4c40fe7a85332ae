/**
 * Walks a tree's text in document order and groups it into runs of text that read as one piece
 * (the text nodes of one paragraph), without touching the DOM.
 *
 * Why runs and not single text nodes: a mention often straddles inline markup
 * (`(NASDAQ: <a>SFM</a>)`, `$<b>AAPL</b>`, `shares of <a>KTOS</a>`), so the detector must see the
 * paragraph's text as the reader does. Runs break at block-level elements, `<br>`, replaced
 * elements, skipped regions, and where glued text lays out as separate boxes
 * (see text-boundary.ts), so text from two paragraphs or two flex items is never joined.
 *
 * The walk reports what it passes for the scanner to handle separately: open shadow roots (each a
 * tree of its own), custom elements that may get one later, and frames.
 */

import {
  classifyElement,
  closestBlock,
  ElementRule,
  findMarkedElements,
  openShadowRoot,
  type WalkRules,
} from './element-rules';
import { endsInWord, laidOutApart, startsWithWord } from './text-boundary';

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const NON_SPACE = /\S/;

/**
 * Text read as one piece: consecutive text nodes of one block. `starts[i]` is the offset of
 * `nodes[i]` in `text` (UTF-16 units); negative when the run begins inside that node (a window of
 * an enormous text node), so `offset - starts[i]` is always the offset inside the node.
 */
export interface TextRun {
  nodes: Text[];
  starts: number[];
  text: string;
}

/** A batch of runs handed to the detector in one call, plus the links met along the way. */
export interface TextChunk {
  runs: TextRun[];
  /** `<a href>` elements met in this chunk, in document order. */
  links: HTMLAnchorElement[];
  /** Total characters across runs. */
  chars: number;
}

/** Limits for one chunk. */
export interface ChunkLimits {
  /** End the chunk at the first run boundary after this many characters. */
  maxChars: number;
}

/**
 * A resumable walk over the text under `root` (an element or a shadow root), handing out chunks
 * that end on run boundaries. Uses a TreeWalker (elements and text, no filter callback: the rules
 * are applied in the loop, which avoids a JS call per node from the browser) and skips whole
 * subtrees.
 *
 * The walk survives DOM changes between chunks: if the node it would resume at has been
 * detached, it resumes at the point a live Range collapsed there has moved to.
 */
export class TextCursor {
  private readonly walker: TreeWalker;
  /** Next node to process, or null when it must be read from the walker. */
  private pending: Node | null = null;
  /** Where to continue inside `pending` when it is a text node handed out in windows. */
  private pendingOffset = 0;
  private done = false;
  private resumeMarker: Range | null = null;
  /** Regions already scanned by other jobs: on meeting a key, continue at its value. */
  private jumps: Map<Node, Node | null> | null = null;
  private markedRules: WalkRules | null = null;
  /** The root itself has been looked at (the walker starts below it). */
  private rootSeen = false;

  constructor(
    private readonly root: Node,
    private readonly doc: Document,
    private readonly rules: WalkRules = {},
    start?: Node,
  ) {
    this.walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
    if (root.nodeType === TEXT_NODE) {
      this.pending = root;
    } else if (start && start !== root) {
      this.walker.currentNode = start;
      this.pending = start;
    }
  }

  /** True once every node under root has been handed out. */
  get finished(): boolean {
    return this.done;
  }

  /** The node the next chunk starts at (null when finished or not yet determined). */
  get position(): Node | null {
    return this.pending;
  }

  /**
   * When the walk reaches `from`, continue at `to` instead (a region another job has scanned;
   * `to` null: the walk ends there).
   */
  setJump(from: Node, to: Node | null): void {
    (this.jumps ??= new Map()).set(from, to);
  }

  /** Whether `node` comes after the walk's current position (so the walk will still reach it). */
  isAhead(node: Node): boolean {
    if (this.done) return false;
    const at = this.pending ?? this.walker.currentNode;
    if (at === this.root) return this.root.contains(node);
    // DOCUMENT_POSITION_FOLLOWING = 4
    return (at.compareDocumentPosition(node) & 4) !== 0 || at.contains(node);
  }

  /**
   * Remembers where to resume in a way that survives that node being removed: call it before
   * yielding to code that may change the DOM (the end of a slice). Between two chunks of one
   * slice the DOM cannot change, and marking costs a live Range, whose start the browser finds
   * by counting the node's preceding siblings (thousands in a long feed), so it is not done
   * per chunk.
   */
  suspend(): void {
    const at = this.pending;
    if (!at || at === this.root) return;
    this.resumeMarker ??= this.doc.createRange();
    try {
      this.resumeMarker.setStartBefore(at);
      this.resumeMarker.collapse(true);
    } catch {
      this.resumeMarker = null;
    }
  }

  private unpark(): void {
    const at = this.pending;
    if (!at || at.isConnected || !this.root.isConnected) return;
    const marker = this.resumeMarker;
    if (!marker) return;
    const container = marker.startContainer;
    const next: Node | null = container.childNodes[marker.startOffset] ?? null;
    this.pendingOffset = 0;
    if (next && this.root.contains(next)) {
      this.walker.currentNode = next;
      this.pending = next;
      return;
    }
    // Nothing left at that point in the container: continue after the container.
    if (!this.root.contains(container)) {
      this.done = true;
      this.pending = null;
      return;
    }
    this.walker.currentNode = container;
    this.pending = nextSkippingChildren(this.walker, this.root);
    if (!this.pending) this.done = true;
  }

  /**
   * The next chunk of runs (at least one non-empty run unless the walk is over), or null when
   * the walk is finished.
   */
  nextChunk(limits: ChunkLimits): TextChunk | null {
    if (this.done) return null;
    this.unpark();
    const w = this.walker;
    const root = this.root;
    this.markedRules ??= { ...this.rules, marked: this.rules.marked ?? findMarkedElements(root) };
    const rules = this.markedRules;
    if (!this.rootSeen) {
      this.rootSeen = true;
      // A changed subtree may itself be a shadow host or a frame: the walk starts below it.
      if (root.nodeType === ELEMENT_NODE) {
        const el = root as Element;
        if (el.localName === 'iframe') rules.onFrame?.(el as HTMLIFrameElement);
        const shadow = rules.onShadowRoot ? openShadowRoot(el) : null;
        if (shadow) rules.onShadowRoot?.(shadow, el);
      }
    }
    const displayOf = rules.displayOf;
    const runs: TextRun[] = [];
    const links: HTMLAnchorElement[] = [];
    let chars = 0;
    let nodes: Text[] = [];
    let starts: number[] = [];
    let parts: string[] = [];
    let runLen = 0;
    let lastParent: Node | null = null;
    let lastBlock: Node | null = null;
    // A single enormous run is cut at node boundaries so one detector call stays small, and a
    // single enormous text node is cut into windows (never smaller than 1,024 characters).
    const hardCap = limits.maxChars * 4;
    const windowCap = Math.max(hardCap, 1024);

    const endRun = (): void => {
      if (nodes.length === 0) return;
      const text = parts.length === 1 ? parts[0]! : parts.join('');
      // Whitespace between blocks (indentation of the HTML source) is not worth a detector call.
      if (NON_SPACE.test(text)) {
        runs.push({ nodes, starts, text });
        chars += runLen;
      }
      nodes = [];
      starts = [];
      parts = [];
      runLen = 0;
      lastParent = null;
      lastBlock = null;
    };

    let node: Node | null = this.pending ?? w.nextNode();
    let offset = this.pending === node ? this.pendingOffset : 0;
    this.pending = null;
    this.pendingOffset = 0;
    while (node) {
      const jumps = this.jumps;
      if (jumps !== null && jumps.has(node)) {
        const to = jumps.get(node) ?? null;
        jumps.delete(node);
        endRun();
        if (!to || !to.isConnected || !root.contains(to)) {
          node = null;
          break;
        }
        w.currentNode = to;
        node = to;
        offset = 0;
        continue;
      }
      if (node.nodeType === ELEMENT_NODE) {
        const el = node as Element;
        const rule = classifyElement(el, rules);
        if (rule !== ElementRule.Inline) {
          endRun();
          if (chars >= limits.maxChars) {
            this.pending = node;
            break;
          }
          if (rule === ElementRule.Skip) {
            if (el.localName === 'iframe') rules.onFrame?.(el as HTMLIFrameElement);
            node = el === root ? null : nextSkippingChildren(w, root);
            continue;
          }
        } else if (el.localName === 'a' && el.hasAttribute('href')) {
          links.push(el as HTMLAnchorElement);
        }
        if (rules.onShadowRoot) {
          const shadow = openShadowRoot(el);
          if (shadow) rules.onShadowRoot(shadow, el);
          else if (el.localName.includes('-')) rules.onCustomElement?.(el);
        }
        node = w.nextNode();
        continue;
      }
      if (node.nodeType === TEXT_NODE) {
        const text = node as Text;
        const parent = text.parentNode;
        const data = text.data;
        if (parent !== lastParent) {
          const block = closestBlock(parent, root);
          if (block !== lastBlock) endRun();
          else if (
            displayOf &&
            runLen > 0 &&
            endsInWord(parts[parts.length - 1]!) &&
            startsWithWord(data, offset) &&
            laidOutApart(nodes[nodes.length - 1]!, text, displayOf)
          ) {
            // Glued in the source, apart on screen (flex items, inline blocks): not one word.
            endRun();
          }
          lastParent = parent;
          lastBlock = block;
        }
        if (data.length - offset > windowCap) {
          // One enormous text node (a log, a data dump, a hostile page): handed out in windows
          // cut between words, one per chunk, so no detector call and no slice grows with it.
          endRun();
          const cut = windowEnd(data, offset, windowCap);
          nodes.push(text);
          starts.push(-offset);
          parts.push(data.slice(offset, cut));
          runLen = cut - offset;
          endRun();
          this.pending = text;
          this.pendingOffset = cut;
          break;
        }
        if (data.length > offset) {
          nodes.push(text);
          // A node's start in the run text; negative for the rest of a node cut in windows.
          starts.push(runLen - offset);
          parts.push(offset === 0 ? data : data.slice(offset));
          runLen += data.length - offset;
          if (runLen >= hardCap) endRun();
        }
        offset = 0;
      }
      node = w.nextNode();
    }
    endRun();
    if (node === null && this.pending === null) this.done = true;
    if (runs.length === 0 && links.length === 0) return this.done ? null : this.nextChunk(limits);
    return { runs, links, chars };
  }
}

/**
 * End of a window of at most `size` characters of `data` from `from`: after the last line break,
 * else sentence end, else space in the window's last quarter, so a mention is rarely cut in two.
 */
export function windowEnd(data: string, from: number, size: number): number {
  const max = Math.min(data.length, from + size);
  if (max === data.length) return max;
  const floor = max - (size >> 2);
  const newline = data.lastIndexOf('\n', max - 1);
  if (newline >= floor) return newline + 1;
  const sentence = data.lastIndexOf('. ', max - 2);
  if (sentence >= floor) return sentence + 2;
  for (let k = max; k > floor; k--) if (/\s/.test(data[k - 1]!)) return k;
  return max;
}

/** Moves the walker past the current node's subtree; returns the next node or null at the end. */
function nextSkippingChildren(w: TreeWalker, root: Node): Node | null {
  for (;;) {
    if (w.currentNode === root) return null;
    const sibling = w.nextSibling();
    if (sibling) return sibling;
    const parent = w.parentNode();
    if (!parent || parent === root) return null;
  }
}

/**
 * The text nodes of `el` in order, stopping after `maxChars` characters (used for link text,
 * which is short). Text inside skipped elements (code, buttons...) within the link is ignored.
 */
export function textNodesOf(el: Element, doc: Document, maxChars: number): Text[] {
  const w = doc.createTreeWalker(el, SHOW_ELEMENT | SHOW_TEXT);
  const out: Text[] = [];
  let total = 0;
  for (let n = w.nextNode(); n;) {
    if (n.nodeType === ELEMENT_NODE) {
      if (classifyElement(n as Element, { isHidden: () => false }) === ElementRule.Skip) {
        n = nextSkippingChildren(w, el);
        continue;
      }
    } else {
      const t = n as Text;
      out.push(t);
      total += t.data.length;
      if (total > maxChars) break;
    }
    n = w.nextNode();
  }
  return out;
}
