/**
 * Walks the page's text in document order and groups it into runs of text that read as one
 * piece (the text nodes of one paragraph), without touching the DOM.
 *
 * Why runs and not single text nodes: a mention often straddles inline markup
 * (`(NASDAQ: <a>SFM</a>)`, `$<b>AAPL</b>`, `shares of <a>KTOS</a>`), so the detector must see the
 * paragraph's text as the reader does. Runs break at block-level elements, `<br>`, replaced
 * elements and skipped regions, so text from two paragraphs is never glued together.
 */

/** Subtrees never scanned: code, form controls, non-text content, metadata. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'canvas',
  'template',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'head',
  'title',
]);

/**
 * Our own UI: any element whose tag starts with this prefix (the card's shadow host, e.g.
 * `r2k-lens-card`) or that carries {@link OWN_UI_ATTRIBUTE} is skipped with its subtree.
 */
export const OWN_UI_TAG_PREFIX = 'r2k-lens';
/** Attribute that marks an element (and its subtree) as the extension's own UI. */
export const OWN_UI_ATTRIBUTE = 'data-r2k-lens-ui';

/**
 * Tags laid out as blocks by default (plus `br`, `hr`, `img`, `wbr`-less replaced content):
 * text on either side of one of them is never joined into one run. Custom elements (a `-` in the
 * tag) count as blocks too: most are layout containers, and a wrong "block" only costs a
 * mention that straddles it, while a wrong "inline" could glue two words into a false symbol.
 */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'img',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'picture',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/**
 * Blocks whose visibility is checked: the containers that sites hide and show (tabs, menus,
 * accordions, dialogs). Paragraphs, list items and cells are rarely hidden one by one, and
 * checking every block costs a style lookup each.
 */
const CONTAINER_TAGS: ReadonlySet<string> = new Set([
  'article',
  'aside',
  'details',
  'dialog',
  'div',
  'footer',
  'form',
  'header',
  'main',
  'menu',
  'nav',
  'ol',
  'section',
  'table',
  'ul',
]);

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const NON_SPACE = /\S/;

/** What the walker does with an element. */
export const ElementRule = {
  /** Inline element: descend, keep the current run going. */
  Inline: 0,
  /** Block-level element: descend, but end the current run before it. */
  Block: 1,
  /** Skipped element: do not descend; ends the current run. */
  Skip: 2,
} as const;
export type ElementRule = (typeof ElementRule)[keyof typeof ElementRule];

/** Options shared by the walker and the ancestor check. */
export interface WalkRules {
  /**
   * Returns true for an element that is not rendered (e.g. `display: none`). Only asked about
   * container elements (div, section, nav, ul, table, custom elements…), where one check hides a
   * whole section. Defaults to
   * `!el.checkVisibility()` where the browser has it (a style check, no layout), else never.
   */
  isHidden?: (el: Element) => boolean;
  /** Called with every hidden element skipped, so the scanner can look again later. */
  onHidden?: (el: Element) => void;
  /**
   * Editable and own-UI elements found up front with one `querySelectorAll` (see
   * {@link findMarkedElements}), so the walk does a set lookup instead of two attribute reads
   * per element. Without it, attributes are read per element.
   */
  marked?: ReadonlySet<Element>;
}

/** Selector of the elements skipped for their attributes: editable regions and our own UI. */
export const MARKED_SELECTOR = `[contenteditable]:not([contenteditable="false"]), [${OWN_UI_ATTRIBUTE}]`;

/** The editable and own-UI elements under `root` (one selector query, C++ speed). */
export function findMarkedElements(root: Node): Set<Element> {
  const scope = root as Partial<ParentNode>;
  return new Set(
    typeof scope.querySelectorAll === 'function' ? scope.querySelectorAll(MARKED_SELECTOR) : [],
  );
}

function defaultIsHidden(el: Element): boolean {
  return typeof el.checkVisibility === 'function' ? !el.checkVisibility() : false;
}

/** Whether an element is editable by the user (its subtree is someone's draft, not content). */
function isEditable(el: Element): boolean {
  if (!el.hasAttribute('contenteditable')) return false;
  return el.getAttribute('contenteditable') !== 'false';
}

/** Whether an element is the extension's own UI. */
export function isOwnUi(el: Element): boolean {
  return el.localName.startsWith(OWN_UI_TAG_PREFIX) || el.hasAttribute(OWN_UI_ATTRIBUTE);
}

/**
 * Classifies one element by tag, editability, own-UI marker and (for blocks) visibility.
 * Returns {@link ElementRule.Skip} for anything whose text must not be scanned.
 */
export function classifyElement(el: Element, rules: WalkRules = {}): ElementRule {
  const kind = tagKind(el.localName);
  if (kind === TagKind.Skip) return ElementRule.Skip;
  const marked = rules.marked;
  if (marked ? marked.size > 0 && marked.has(el) : isEditable(el) || isOwnUi(el)) {
    return ElementRule.Skip;
  }
  if (kind === TagKind.OwnUi) return ElementRule.Skip;
  if (kind === TagKind.Inline) return ElementRule.Inline;
  if (kind !== TagKind.Block && (rules.isHidden ?? defaultIsHidden)(el)) {
    rules.onHidden?.(el);
    return ElementRule.Skip;
  }
  return ElementRule.Block;
}

/** What a tag name alone says about an element. */
const TagKind = { Inline: 0, Block: 1, Container: 2, Skip: 3, OwnUi: 4 } as const;
type TagKind = (typeof TagKind)[keyof typeof TagKind];

/** Tag name to kind, filled as tags are met (a page uses a few dozen). */
const tagKinds = new Map<string, TagKind>();

function tagKind(tag: string): TagKind {
  let kind = tagKinds.get(tag);
  if (kind === undefined) {
    const custom = tag.includes('-');
    kind = SKIPPED_TAGS.has(tag)
      ? TagKind.Skip
      : tag.startsWith(OWN_UI_TAG_PREFIX)
        ? TagKind.OwnUi
        : custom || CONTAINER_TAGS.has(tag)
          ? TagKind.Container
          : BLOCK_TAGS.has(tag)
            ? TagKind.Block
            : TagKind.Inline;
    tagKinds.set(tag, kind);
  }
  return kind;
}

/**
 * Whether a node lies inside a skipped region (checks the node, if an element, and every
 * ancestor up to and including `root`). Used for nodes reported by mutations and caret hits,
 * which arrive without the walk's context. Visibility is not checked here.
 */
export function isInsideSkipped(node: Node, root: Node): boolean {
  let el: Element | null = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el) {
    if (classifyElement(el, { isHidden: () => false }) === ElementRule.Skip) return true;
    if (el === root) return false;
    el = el.parentElement;
  }
  // Walked off the top without meeting root: detached or outside the scanned subtree.
  return !root.contains(node);
}

/** Nearest ancestor (or self) that is block-level by tag, or `root`. */
function closestBlock(node: Node | null, root: Node): Node | null {
  let n = node;
  while (n && n !== root) {
    if (n.nodeType === ELEMENT_NODE) {
      const tag = (n as Element).localName;
      if (BLOCK_TAGS.has(tag) || tag.includes('-')) return n;
    }
    n = n.parentNode;
  }
  return n;
}

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
 * A resumable walk over the text under `root`, handing out chunks that end on run
 * boundaries. Uses a TreeWalker (elements and text, no filter callback: the rules are applied
 * in the loop, which avoids a JS call per node from the browser) and skips whole subtrees.
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
  /** If met, jump to `jumpTo` (a region already scanned by the priority pass). */
  private jumpFrom: Node | null = null;
  private jumpTo: Node | null = null;
  private markedRules: WalkRules | null = null;

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

  /** When the walk reaches `from`, continue at `to` instead (to skip an already-scanned region). */
  setJump(from: Node, to: Node | null): void {
    this.jumpFrom = from;
    this.jumpTo = to;
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
      if (node === this.jumpFrom && this.jumpFrom !== null) {
        const to = this.jumpTo;
        this.jumpFrom = null;
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
            node = el === root ? null : nextSkippingChildren(w, root);
            continue;
          }
        } else if (el.localName === 'a' && el.hasAttribute('href')) {
          links.push(el as HTMLAnchorElement);
        }
        node = w.nextNode();
        continue;
      }
      if (node.nodeType === TEXT_NODE) {
        const text = node as Text;
        const parent = text.parentNode;
        if (parent !== lastParent) {
          const block = closestBlock(parent, root);
          if (block !== lastBlock) endRun();
          lastParent = parent;
          lastBlock = block;
        }
        const data = text.data;
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
 * which is short). Skipped subtrees inside are ignored.
 */
export function textNodesOf(el: Element, doc: Document, maxChars: number): Text[] {
  const w = doc.createTreeWalker(el, SHOW_TEXT);
  const out: Text[] = [];
  let total = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    if (isInsideSkipped(n, el)) continue;
    const t = n as Text;
    out.push(t);
    total += t.data.length;
    if (total > maxChars) break;
  }
  return out;
}
