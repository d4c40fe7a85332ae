/**
 * Finds ticker and index mentions in one document's text and underlines them, without changing
 * the page's DOM, and answers "which mention is under this point".
 *
 * The reader pays for this on every page load, cold, so the work follows what the reader sees:
 * - The **frontier** walks the document from the top in slices (the first one right away, the
 *   rest in idle time) until it has read `eagerChars` characters, which covers an ordinary
 *   article whole; on a longer page it then pauses, and an IntersectionObserver on the place it
 *   stopped resumes it for another `resumeChars` when the reader scrolls within two screens of it.
 * - Text on screen that the frontier has not reached (a page opened scrolled down, a jump to
 *   the end) is found by caret probes when scrolling settles and scanned around, as a
 *   **region** the frontier later skips.
 * - **Open shadow roots** met on the way (web components, declarative shadow DOM, and ones
 *   attached later) are trees of their own: each is walked whole, observed by its own
 *   MutationObserver, and styled with the shared underline sheet once it has a mention.
 * - **Changed text** (infinite scroll, single-page apps) is queued by MutationObservers and read
 *   in idle slices (mutation-batcher.ts).
 * - **Frames** met are reported (`onFrame`); the page engine scans same-origin ones as documents
 *   of their own.
 * - Underlines: all of them while the page has at most `maxDrawn` mentions, which is nearly every
 *   page; beyond that only those near the viewport (see visible-window.ts for why).
 *
 * Each slice walks text runs ({@link TextCursor}), hands them to the injected detector in chunks
 * of a few thousand characters, indexes the mentions by text node ({@link MentionIndex}) and draws
 * them ({@link createHighlighter}).
 */

import { DocumentEvidence, type EvidenceCandidate } from '../detect/document-evidence';
import type { MentionStrength } from '../detect/mention';
import { isInsideSkipped, type WalkRules } from './element-rules';
import { createHighlighter, DEFAULT_HIGHLIGHT_NAME, type HighlightWindow } from './highlighter';
import { caretAt, deepElementAt, rectAt, type CaretDocument } from './hit-test';
import { MentionIndex, MentionRecord, type PageMention } from './mention-index';
import { createMutationBatcher, unitForChange, type MutationBatcher } from './mutation-batcher';
import { createSliceRunner, type SliceWindow } from './slice-runner';
import { TextCursor, textNodesOf, type TextChunk } from './text-cursor';
import { probeViewport, visitTextAround, type ProbeHit } from './visible-window';

export type { PageMention } from './mention-index';

/** One mention in a string, as the detector returns it (UTF-16 offsets, end exclusive). */
export interface DetectedMention {
  start: number;
  end: number;
  symbol: string;
  kind: string;
  /**
   * What the mention says about its symbol in the whole document, when the detector runs in
   * evidence mode (see {@link DocumentScannerOptions.evidence}); absent means `strong`.
   */
  strength?: MentionStrength;
}

/** The detector, injected: `findMentions(text, dictionary)` with the dictionary bound. */
export type Detector = (text: string) => readonly DetectedMention[];

/** The browser globals the scanner uses (the document's own `window` by default). */
export type ScannerWindow = SliceWindow &
  HighlightWindow & {
    document: Document & CaretDocument;
    MutationObserver: typeof MutationObserver;
    innerWidth: number;
    innerHeight: number;
    scrollX?: number;
    scrollY?: number;
    addEventListener?: Window['addEventListener'];
    IntersectionObserver?: typeof IntersectionObserver;
    getComputedStyle?: Window['getComputedStyle'];
  };

export interface DocumentScannerOptions {
  /** Subtree to scan and observe. Default: `document.body`. */
  root?: Node;
  detect: Detector;
  /** Aborting stops everything: observers, pending slices, listeners, highlights. */
  signal: AbortSignal;
  /** Name of the CSS highlight (and `::highlight()` selector). Default `r2k-lens-mention`. */
  highlightName?: string;
  /**
   * Maps a link's absolute URL to the symbol of the quote page it points to, or null. Links
   * that map make a `link` mention over their text (at most {@link MAX_LINK_CHARS} characters).
   */
  linkToSymbol?: (href: string) => string | null | undefined;
  /**
   * A cheap test of a link's href as written (before it is resolved to an absolute URL): links
   * that fail it are not passed to {@link DocumentScannerOptions.linkToSymbol}. Default: all pass.
   */
  mayBeQuoteLink?: (rawHref: string) => boolean;
  win?: ScannerWindow;
  /** Time budget of one slice, ms. Default 5. */
  sliceBudgetMs?: number;
  /** Characters handed to the detector per call (a slice runs whole chunks). Default 2000. */
  chunkChars?: number;
  /** Longest wait for an idle period, ms. Default 300. */
  idleTimeoutMs?: number;
  /** Overrides the hidden-element test (tests; the default uses `checkVisibility`). */
  isHidden?: (el: Element) => boolean;
  /**
   * An element's computed `display`, to keep glued text apart where it lays out in separate
   * boxes (text-boundary.ts). Default: the window's `getComputedStyle`; null turns it off.
   */
  displayOf?: ((el: Element) => string) | null;
  /**
   * Whether to inject the document's `::highlight()` rule (default true). The content script
   * passes false for the top document, whose rule ships in the manifest CSS: adding a
   * stylesheet to a loaded page makes Chrome recompute the style of every element.
   */
  injectStyle?: boolean;
  /** Most mentions drawn at once; beyond it, the ones nearest the viewport. Default 400. */
  maxDrawn?: number;
  /**
   * Characters the frontier reads before it waits for the reader to scroll near the rest.
   * Default 64,000; Infinity reads everything at once.
   */
  eagerChars?: number;
  /** Characters read each time the reader comes near the unread part. Default 64,000. */
  resumeChars?: number;
  /** Characters read around on-screen text the frontier has not reached. Default 16,000. */
  regionChars?: number;
  /** Characters of the first frontier slices run without waiting for idle time. Default 12,000. */
  urgentChars?: number;
  /** Called with each `<iframe>` met in scanned text (the page engine scans same-origin ones). */
  onFrame?: (frame: HTMLIFrameElement) => void;
  /**
   * Decide mentions with evidence from the whole document ("one sense per discourse",
   * lib/detect/document-evidence.ts): the detector reports each mention's strength, and a
   * doubtful one is shown only once the page names its symbol strongly somewhere (a cashtag, an
   * exchange prefix, a quote link...), a plain one is withdrawn where the page says the letters
   * mean something else. A mention may be promoted or withdrawn as more text is read; a hover
   * never opens a withdrawn one. Default false (every mention the detector reports is shown).
   */
  evidence?: boolean;
}

/** Figures for benchmarks and diagnostics. */
export interface ScannerStats {
  slices: number;
  /** Main-thread time spent in the scanner's slices, ms. */
  busyMs: number;
  longestSliceMs: number;
  /** Text characters handed to the detector. */
  chars: number;
  textNodes: number;
  detectorCalls: number;
  mentions: number;
  highlighted: number;
  highlightSupported: boolean;
  styleMode: 'adopted' | 'style' | 'none';
  mutationRecords: number;
  mutationDrains: number;
  mutationOverflows: number;
  hiddenSkipped: number;
  /** Trees scanned: the document's own and each open shadow root. */
  trees: number;
  /** Regions scanned around on-screen text ahead of the frontier. */
  regions: number;
  /** `done` once the frontier has read the whole document; `paused` while it waits for scrolling. */
  frontier: 'running' | 'paused' | 'done';
  /** True when nothing is queued or running. */
  idle: boolean;
}

/** A hit: the mention under a point and the rectangle (line fragment) containing the point. */
export interface MentionHit {
  mention: PageMention;
  rect: DOMRect;
}

export interface DocumentScanner {
  /** The scanned document. */
  readonly document: Document;
  /** The mention under viewport point (x, y) in CSS pixels, or null. */
  mentionAt(x: number, y: number): PageMention | null;
  /** Like {@link DocumentScanner.mentionAt}, with the rectangle under the point (to place a card). */
  hitAt(x: number, y: number): MentionHit | null;
  /** The link mention of a focused `<a>` (keyboard access), or null. */
  mentionForElement(el: Element): PageMention | null;
  /** Every mention found so far, in reading order (shadow trees in place of their hosts). */
  mentions(): PageMention[];
  /** Distinct symbols with their mention counts, most mentioned first. */
  symbols(): { symbol: string; count: number }[];
  /** Whether `mention` is still on the page's index (not replaced or removed since). */
  has(mention: PageMention): boolean;
  /** Reads the rest of the document now (popup list, keyboard navigation); resolves when done. */
  complete(): Promise<void>;
  /** Scans the whole document again from scratch (e.g. settings changed). */
  rescan(): void;
  /** Stops scanning and removes every underline (same as aborting `signal`). */
  stop(): void;
  /** Resolves when nothing is queued or running (immediately after stop). */
  whenIdle(): Promise<void>;
  stats(): ScannerStats;
}

/** Longest link text (characters, trimmed) that becomes a `link` mention. */
export const MAX_LINK_CHARS = 80;

/** A tree scanned on its own: the document's body, or an open shadow root. */
interface Tree {
  root: Node;
  batcher: MutationBatcher;
  /** The shadow root has the underline style. */
  styled: boolean;
  shadow: boolean;
}

interface Job {
  cursor: TextCursor;
  tree: Tree;
  pass: number;
  urgent: boolean;
  /** Characters left before the job ends (regions), or Infinity. */
  charsLeft: number;
  /** Mentions the job found, when it keeps them (rescans of changed subtrees). */
  found?: MentionRecord[];
  /** Text nodes the job read, when it records them (regions). */
  read?: WeakSet<Text>;
  onDone?: () => void;
}

/** Most changed subtrees waiting at once to hear whether they are near the viewport. */
const MAX_WATCHED = 500;
/** Most chunks the document's evidence keeps open (see lib/detect/document-evidence.ts). */
const MAX_EVIDENCE_CHUNKS = 2000;
/** Most custom elements watched for a shadow root attached after they were met. */
const MAX_LATE_HOSTS = 2000;

const TEXT_NODE = 3;

/** Maps an offset in a run's text to (node index), the last node starting at or before it. */
function nodeAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/**
 * The node and the shadow hosts above it, outermost first: its position in reading order, where
 * a shadow tree stands in place of its host.
 */
function composedChain(node: Node): Node[] {
  const chain = [node];
  let root = node.getRootNode();
  for (let depth = 0; depth < 64; depth++) {
    const host = (root as Partial<ShadowRoot>).host;
    if (!host) break;
    chain.unshift(host);
    root = host.getRootNode();
  }
  return chain;
}

/** Orders two nodes in reading order across shadow trees (negative when `a` comes first). */
export function compareComposed(a: Node, b: Node): number {
  if (a === b) return 0;
  const ca = composedChain(a);
  const cb = composedChain(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    if (x === y) continue;
    // DOCUMENT_POSITION_FOLLOWING = 4
    return x.compareDocumentPosition(y) & 4 ? -1 : 1;
  }
  return ca.length - cb.length;
}

function inReadingOrder(a: PageMention, b: PageMention): number {
  if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
  return compareComposed(a.startNode, b.startNode);
}

/**
 * Starts scanning one document. Returns immediately; the first slice runs in the next
 * macrotask, the rest in idle slices. See {@link DocumentScanner}.
 */
export function startDocumentScanner(options: DocumentScannerOptions): DocumentScanner {
  const win = options.win ?? (globalThis.window as unknown as ScannerWindow);
  const doc = win.document;
  const bodyRoot: Node = options.root ?? doc.body ?? doc.documentElement;
  const detect = options.detect;
  const linkToSymbol = options.linkToSymbol;
  const mayBeQuoteLink = options.mayBeQuoteLink;
  const chunkChars = options.chunkChars ?? 2000;
  const eagerChars = options.eagerChars ?? 64_000;
  const resumeChars = options.resumeChars ?? 64_000;
  const regionChars = options.regionChars ?? 16_000;
  const urgentChars = options.urgentChars ?? 12_000;
  const maxDrawn = options.maxDrawn ?? 400;

  const controller = new AbortController();
  const signal = controller.signal;
  const stopAll = (): void => controller.abort();
  if (options.signal.aborted) stopAll();
  else options.signal.addEventListener('abort', stopAll, { once: true, signal });

  const now = (): number => win.performance.now();
  const index = new MentionIndex();
  const linkMentions = new WeakMap<Element, MentionRecord>();
  const highlighter = createHighlighter(win, options.highlightName ?? DEFAULT_HIGHLIGHT_NAME, {
    injectStyle: options.injectStyle ?? true,
  });
  /** Mentions currently drawn. */
  const drawn = new Set<MentionRecord>();
  /** Beyond `maxDrawn` mentions, only those near the viewport are drawn (chosen by probes). */
  let nearOnly = false;
  const hiddenRoots = new Set<Element>();
  let hiddenSkipped = 0;
  const styleOf = win.getComputedStyle?.bind(win);
  const displayOf =
    options.displayOf === null
      ? undefined
      : (options.displayOf ?? (styleOf ? (el: Element) => styleOf(el).display : undefined));

  // --- trees ------------------------------------------------------------------------------

  const trees = new Map<Node, Tree>();
  const lateHosts = new Set<Element>();

  const rules: WalkRules = {
    isHidden: options.isHidden,
    displayOf,
    onHidden: (el) => {
      hiddenSkipped++;
      if (hiddenRoots.size < 5000) hiddenRoots.add(el);
    },
    onShadowRoot: (root) => addTree(root),
    onCustomElement: (el) => {
      if (lateHosts.size < MAX_LATE_HOSTS) lateHosts.add(el);
    },
    onFrame: options.onFrame,
  };

  const makeTree = (root: Node, shadow: boolean): Tree => {
    const tree: Tree = {
      root,
      shadow,
      styled: false,
      batcher: createMutationBatcher({
        root,
        win,
        signal,
        onQueued: () => runner.request(false, tree.batcher.delayMs),
      }),
    };
    trees.set(root, tree);
    return tree;
  };

  /** A shadow root met for the first time: observe it and read it whole, soon. */
  const addTree = (root: ShadowRoot): void => {
    if (trees.has(root) || signal.aborted) return;
    lateHosts.delete(root.host);
    const tree = makeTree(root, true);
    const job: Job = {
      cursor: new TextCursor(root, doc, rules),
      tree,
      pass: ++passCounter,
      urgent: false,
      charsLeft: Infinity,
    };
    // Right after the job that met its host, so the page is read roughly in order.
    jobs.splice(jobs.length > 0 ? 1 : 0, 0, job);
    runner.request(false);
  };

  /** Custom elements that got a shadow root after the walk passed them. */
  const recheckLateHosts = (): void => {
    for (const host of lateHosts) {
      if (!host.isConnected) lateHosts.delete(host);
      else if (host.shadowRoot) addTree(host.shadowRoot);
    }
  };

  /**
   * The tree of a root node (the document, or a shadow root), registering an open shadow root
   * met for the first time when its host lies in a scanned, not skipped, part of the page.
   */
  const treeForRoot = (root: Node): Tree | null => {
    const known = trees.get(root);
    if (known) return known;
    if (root.nodeType === 9 /* DOCUMENT_NODE */) return lightTree;
    const host = (root as Partial<ShadowRoot>).host;
    if (!host) return null;
    const hostTree = treeForRoot(host.getRootNode());
    if (!hostTree || !hostTree.root.contains(host) || isInsideSkipped(host, hostTree.root)) {
      return null;
    }
    addTree(root as ShadowRoot);
    return trees.get(root) ?? null;
  };

  /** The tree a node belongs to (see {@link treeForRoot}), or null outside the scanned part. */
  const treeOf = (node: Node): Tree | null => {
    const tree = treeForRoot(node.getRootNode());
    return tree === lightTree && !bodyRoot.contains(node) ? null : tree;
  };

  const counters = { chars: 0, textNodes: 0, detectorCalls: 0, regions: 0 };
  let passCounter = 0;
  const jobs: Job[] = [];
  let frontier: Job | null = null;
  let frontierPaused = false;
  let eagerLeft = eagerChars;
  let urgentLeft = urgentChars;
  let idleWaiters: (() => void)[] = [];
  const lightTree = makeTree(bodyRoot, false);

  // --- mentions -------------------------------------------------------------------------

  /** Mentions added by the frontier and regions since the last slice (changed subtrees aside). */
  let added = 0;
  /** Where the running job keeps what it finds (see {@link Job.found}), or null. */
  let collect: MentionRecord[] | null = null;

  const draw = (m: MentionRecord): void => {
    if (drawn.has(m)) return;
    drawn.add(m);
    const root = m.startNode.getRootNode();
    if (root.nodeType !== 9 /* DOCUMENT_NODE */) {
      const tree = trees.get(root);
      if (tree && !tree.styled) {
        tree.styled = true;
        highlighter.styleShadowRoot(root as ShadowRoot);
      }
    }
    m.highlightRange = highlighter.add({
      startContainer: m.startNode,
      startOffset: m.startOffset,
      endContainer: m.endNode,
      endOffset: m.endOffset,
    });
  };

  const undraw = (m: MentionRecord): void => {
    if (!drawn.delete(m)) return;
    highlighter.remove(m.highlightRange);
    m.highlightRange = null;
  };

  const addMention = (m: MentionRecord): void => {
    index.add(m);
    if (collect) collect.push(m);
    else added++;
    if (m.anchor) linkMentions.set(m.anchor, m);
    if (!highlighter.supported) return;
    if (!nearOnly && index.size > maxDrawn) {
      // Too many to draw them all: from now on, only those near the viewport.
      nearOnly = true;
      scheduleRefresh(0, 0);
    }
    if (!nearOnly) draw(m);
  };

  const removeMention = (m: MentionRecord): void => {
    if (!index.remove(m)) return;
    undraw(m);
    if (m.anchor && linkMentions.get(m.anchor) === m) linkMentions.delete(m.anchor);
  };

  // --- evidence from the whole document --------------------------------------------------

  const evidence = options.evidence
    ? new DocumentEvidence({ maxChunks: MAX_EVIDENCE_CHUNKS })
    : null;
  let evidenceSerial = 0;
  /** Records of the open chunks' candidates, shown or waiting, by candidate id. */
  const recordOf = new Map<number, MentionRecord>();
  /** Candidate ids of each open chunk, oldest chunk first (the evidence seals in this order). */
  const idsOf = new Map<number, number[]>();
  /** Chunk keys: a run's first text node, or a quote link's element. */
  const keyOfNode = new WeakMap<Node, number>();
  const nodeOfKey = new Map<number, Node>();
  const keyFor = (node: Node): number => {
    let key = keyOfNode.get(node);
    if (key === undefined) keyOfNode.set(node, (key = ++evidenceSerial));
    return key;
  };

  /** Shows what the evidence accepts now and takes back what it withdraws. */
  const applyEvidence = (accepted: readonly number[], withdrawn: readonly number[]): void => {
    for (const id of withdrawn) {
      const record = recordOf.get(id);
      if (record) removeMention(record);
    }
    for (const id of accepted) {
      const record = recordOf.get(id);
      if (record && !index.has(record) && record.startNode.isConnected) addMention(record);
    }
  };

  /**
   * Registers one chunk's candidates (replacing what the chunk held before) and shows what the
   * evidence decides. `records[i]` is null for a candidate that is never shown (`against`).
   */
  const decide = (
    key: number,
    node: Node,
    candidates: readonly {
      record: MentionRecord | null;
      symbol: string;
      strength: MentionStrength;
    }[],
  ): void => {
    if (!evidence) return;
    const old = idsOf.get(key);
    if (old) {
      for (const id of old) {
        const record = recordOf.get(id);
        recordOf.delete(id);
        if (record) removeMention(record);
      }
      idsOf.delete(key);
    }
    const ids: number[] = [];
    const list: EvidenceCandidate[] = [];
    for (const c of candidates) {
      const id = ++evidenceSerial;
      ids.push(id);
      if (c.record) {
        c.record.evidenceKey = key;
        recordOf.set(id, c.record);
      }
      list.push({ id, symbol: c.symbol, strength: c.strength });
    }
    idsOf.set(key, ids);
    nodeOfKey.set(key, node);
    const change = evidence.add(key, list);
    applyEvidence(change.accepted, change.withdrawn);
    // Past the bound the evidence seals its oldest chunks: their waiting candidates stay hidden
    // for good, so their records are let go (shown ones stay in the index).
    while (idsOf.size > MAX_EVIDENCE_CHUNKS) {
      const [oldest, sealed] = idsOf.entries().next().value as [number, number[]];
      idsOf.delete(oldest);
      nodeOfKey.delete(oldest);
      for (const id of sealed) recordOf.delete(id);
    }
  };

  /** The chunk left the page (or was read again under another key): its evidence goes. */
  const forgetChunk = (key: number): void => {
    if (!evidence || !idsOf.has(key)) return;
    for (const id of idsOf.get(key) ?? []) {
      const record = recordOf.get(id);
      recordOf.delete(id);
      if (record) removeMention(record);
    }
    idsOf.delete(key);
    nodeOfKey.delete(key);
    const change = evidence.forget(key);
    applyEvidence(change.accepted, change.withdrawn);
  };

  /** Forgets the chunks whose first node has left the page. */
  const forgetDetached = (): void => {
    for (const [key, node] of nodeOfKey) if (!node.isConnected) forgetChunk(key);
  };

  /**
   * Draws the mentions near the viewport (from the probe hits) and erases the others, as one
   * batch of highlight changes (one frame of work for the browser). Leaves things as they are
   * when no text is under the probes (e.g. the page is scrolled to an image).
   */
  const refreshDrawn = (hits: readonly ProbeHit[]): void => {
    if (!highlighter.supported || signal.aborted || !nearOnly || hits.length === 0) return;
    const want = new Set<MentionRecord>();
    const visited = new Set<Text>();
    const span = Math.max(2000, win.innerHeight * 6);
    for (const seed of hits) {
      if (visited.has(seed.node)) continue;
      const tree = trees.get(seed.node.getRootNode()) ?? lightTree;
      visitTextAround(
        seed.node,
        seed.offset,
        tree.root,
        doc,
        span,
        span * 1.5,
        visited,
        (node, part) => {
          if (index.hasNode(node)) {
            for (const m of index.between(node, part.from, part.to)) {
              want.add(m);
              if (want.size >= maxDrawn) return false;
            }
          }
          return true;
        },
      );
      if (want.size >= maxDrawn) break;
    }
    for (const m of drawn) if (!want.has(m)) undraw(m);
    for (const m of want) draw(m);
  };

  /**
   * Draws mentions found in a changed subtree near the viewport, without probes: a page that
   * keeps changing (a live ticker, an infinite feed) would otherwise pay for a round of
   * hit-tests on every change. An IntersectionObserver says, from the next rendering step and
   * without forcing a layout, whether the subtree is within a viewport's height of the screen.
   */
  const watched = new Map<Element, MentionRecord[]>();
  let nearObserver: IntersectionObserver | null = null;
  const drawNear = (found: readonly MentionRecord[]): void => {
    for (const m of found) {
      if (drawn.size >= maxDrawn) {
        // Full of mentions drawn earlier, some perhaps far by now: choose again from the probes.
        scheduleRefresh();
        break;
      }
      if (index.has(m)) draw(m);
    }
  };
  const drawIfNear = (subtree: Node, found: MentionRecord[]): void => {
    if (found.length === 0 || !highlighter.supported || !nearOnly || signal.aborted) return;
    const target = subtree.nodeType === TEXT_NODE ? subtree.parentElement : (subtree as Element);
    const IO = win.IntersectionObserver;
    if (!IO || !target) {
      scheduleRefresh(50);
      return;
    }
    const pending = watched.get(target);
    if (pending) {
      pending.push(...found);
      return;
    }
    if (watched.size >= MAX_WATCHED) {
      scheduleRefresh(50);
      return;
    }
    nearObserver ??= new IO(
      (entries) => {
        for (const entry of entries) {
          const list = watched.get(entry.target);
          watched.delete(entry.target);
          nearObserver?.unobserve(entry.target);
          if (list && entry.isIntersecting) drawNear(list);
        }
      },
      { rootMargin: '100% 0px' },
    );
    watched.set(target, found);
    nearObserver.observe(target);
  };

  // Scrolling and resizing bring other text into view: when it settles (and at least every
  // maxWait during a long scroll), look at what is on screen, if anything there can need it.
  let refreshTimer: number | null = null;
  let refreshDue = 0;
  const scheduleRefresh = (quietMs = 120, maxWaitMs = 600): void => {
    if (signal.aborted) return;
    if (!nearOnly && frontier === null) return; // everything drawn, nothing unread
    const t = now();
    if (refreshTimer === null) refreshDue = t + maxWaitMs;
    else win.clearTimeout(refreshTimer);
    const wait = Math.max(0, Math.min(quietMs, refreshDue - t));
    refreshTimer = win.setTimeout(() => {
      refreshTimer = null;
      lookAtViewport();
      if (isIdle()) notifyIdle();
    }, wait);
  };

  /** One round of probes: read unread text on screen, and choose what to draw. */
  const lookAtViewport = (): void => {
    if (signal.aborted) return;
    const hits = probeViewport(doc, win, (node) => treeOf(node) !== null, 3, 3);
    if (frontier) for (const hit of hits) readAround(hit.node);
    refreshDrawn(hits);
  };

  // --- the frontier ----------------------------------------------------------------------

  let frontierObserver: IntersectionObserver | null = null;
  let observedAt: Element | null = null;

  /**
   * Pauses the frontier where it stands until the reader scrolls near: returns false (keep
   * going) where that cannot be watched (no IntersectionObserver, or the place has no box).
   */
  const pauseFrontier = (job: Job): boolean => {
    const IO = win.IntersectionObserver;
    const at = job.cursor.position;
    if (!IO || !at) return false;
    const el = at.nodeType === TEXT_NODE ? at.parentElement : (at as Element);
    if (!el || (typeof el.checkVisibility === 'function' && !el.checkVisibility())) return false;
    frontierObserver ??= new IO(
      (entries) => {
        if (entries.some((e) => e.isIntersecting && e.target === observedAt)) resumeFrontier();
      },
      { rootMargin: '200% 0px' },
    );
    if (observedAt) frontierObserver.unobserve(observedAt);
    observedAt = el;
    frontierObserver.observe(el);
    frontierPaused = true;
    return true;
  };

  const resumeFrontier = (chars = resumeChars): void => {
    if (!frontier || signal.aborted) return;
    if (observedAt) frontierObserver?.unobserve(observedAt);
    observedAt = null;
    eagerLeft = Math.max(eagerLeft, chars);
    if (frontierPaused) {
      frontierPaused = false;
      jobs.push(frontier);
    }
    runner.request(false);
  };

  /** Text that was read by regions ahead of the frontier (so probes do not read it again). */
  const readByRegions = new WeakSet<Text>();

  /**
   * Reads the text around an on-screen node the frontier has not reached: from about half a
   * region before it, `regionChars` characters, as an urgent job; the frontier skips the region
   * when it gets there.
   */
  const readAround = (node: Text): void => {
    const tree = treeOf(node);
    if (!tree || tree !== lightTree || !frontier || readByRegions.has(node)) return;
    // Read already (in part, for the node the frontier is in the middle of).
    if (index.hasNode(node) || node === frontier.cursor.position) return;
    if (!frontier.cursor.isAhead(node) || isInsideSkipped(node, bodyRoot)) return;
    const start = startBefore(node, regionChars >> 1);
    if (!start) return;
    const read = readByRegions;
    const job: Job = {
      cursor: new TextCursor(bodyRoot, doc, rules, start),
      tree,
      pass: ++passCounter,
      urgent: true,
      charsLeft: regionChars,
      read,
    };
    job.onDone = () => {
      if (frontier && frontier.cursor.isAhead(start)) {
        frontier.cursor.setJump(start, job.cursor.finished ? null : job.cursor.position);
      }
      scheduleRefresh(50);
    };
    counters.regions++;
    jobs.unshift(job);
    runner.request(true);
  };

  /** The paragraph about `chars` characters of text before `node` (in the body's tree). */
  const startBefore = (node: Text, chars: number): Node | null => {
    const walker = doc.createTreeWalker(bodyRoot, 0x4);
    walker.currentNode = node;
    let first: Node = node;
    let back = 0;
    for (let n = walker.previousNode(); n && back < chars; n = walker.previousNode()) {
      back += (n as Text).data.length;
      first = n;
    }
    return unitForChange(first, bodyRoot);
  };

  // --- scanning ---------------------------------------------------------------------------

  const processChunk = (chunk: TextChunk, job: Job): void => {
    const { runs } = chunk;
    const pass = job.pass;
    /** Evidence chunks whose mentions this read replaces (forgotten unless read again). */
    const forgotten = new Set<number>();
    // Replace what earlier passes found on these nodes.
    for (const run of runs) {
      // A run starting inside its first node is the next window of an enormous node, whose
      // earlier window of this pass already replaced what older passes found on it.
      const from = run.starts[0]! < 0 ? 1 : 0;
      for (let k = from; k < run.nodes.length; k++) {
        const node = run.nodes[k]!;
        if (!index.hasNode(node)) continue;
        for (const m of index.staleOn(node, pass)) {
          if (m.evidenceKey !== 0) forgotten.add(m.evidenceKey);
          removeMention(m);
        }
      }
      if (job.read) for (const node of run.nodes) job.read.add(node);
      counters.textNodes += run.nodes.length;
    }
    counters.chars += chunk.chars;

    if (runs.length > 0) {
      // Runs are joined with a newline; a mention crossing one is dropped (different blocks).
      const runStarts: number[] = [];
      let text: string;
      if (runs.length === 1) {
        runStarts.push(0);
        text = runs[0]!.text;
      } else {
        let at = 0;
        const parts: string[] = [];
        for (const run of runs) {
          runStarts.push(at);
          parts.push(run.text);
          at += run.text.length + 1;
        }
        text = parts.join('\n');
      }
      counters.detectorCalls++;
      const found = detect(text);
      // With evidence, each run is a chunk of the document's evidence, keyed by its first node.
      const perRun: {
        record: MentionRecord | null;
        symbol: string;
        strength: MentionStrength;
      }[][] = evidence ? runs.map(() => []) : [];
      for (const d of found) {
        if (!(d.end > d.start)) continue;
        const r = nodeAt(runStarts, d.start);
        const run = runs[r]!;
        const base = runStarts[r]!;
        const start = d.start - base;
        const end = d.end - base;
        if (end > run.text.length) continue;
        const strength = d.strength ?? 'strong';
        const i = nodeAt(run.starts, start);
        const j = nodeAt(run.starts, end - 1);
        const record =
          strength === 'against'
            ? null
            : new MentionRecord(
                d.symbol,
                d.kind,
                run.nodes[i]!,
                start - run.starts[i]!,
                run.nodes[j]!,
                end - run.starts[j]!,
                null,
                i === j ? null : run.nodes.slice(i, j + 1),
                pass,
              );
        if (evidence) perRun[r]!.push({ record, symbol: d.symbol, strength });
        else if (record) addMention(record);
      }
      if (evidence) {
        for (let r = 0; r < runs.length; r++) {
          const first = runs[r]!.nodes[0]!;
          // A later window of an enormous text node is a chunk of its own.
          const key = runs[r]!.starts[0]! < 0 ? ++evidenceSerial : keyFor(first);
          forgotten.delete(key);
          // A run with nothing, never registered: nothing to tell the evidence.
          if (perRun[r]!.length > 0 || idsOf.has(key)) decide(key, first, perRun[r]!);
        }
      }
    }
    // Chunks whose mentions this read replaced but that were not read again under their key.
    for (const key of forgotten) forgetChunk(key);

    if (linkToSymbol && chunk.links.length > 0) {
      const base = doc.baseURI;
      if (base !== linkCacheBase) {
        linkCache.clear();
        linkCacheBase = base;
      }
      for (const a of chunk.links) addLinkMention(a, pass);
    }
  };

  // Navigation, sidebars and quote tables repeat the same links: map each href once, keyed by
  // the attribute as written (reading `a.href` resolves a URL each time), for one base URL.
  const linkCache = new Map<string, string | null>();
  let linkCacheBase = '';
  const symbolOfLink = (a: HTMLAnchorElement): string | null => {
    const raw = a.getAttribute('href');
    if (raw === null || (mayBeQuoteLink && !mayBeQuoteLink(raw))) return null;
    let symbol = linkCache.get(raw);
    if (symbol !== undefined) return symbol;
    try {
      symbol = linkToSymbol?.(a.href) ?? null;
    } catch {
      symbol = null;
    }
    if (linkCache.size >= 10_000) linkCache.clear();
    linkCache.set(raw, symbol);
    return symbol;
  };

  const addLinkMention = (a: HTMLAnchorElement, pass: number): void => {
    const symbol = symbolOfLink(a);
    if (!symbol) return;
    // Most quote links hold one text node (`<a href>KTOS</a>`): no walker needed.
    const only = a.firstChild;
    const nodes =
      only && only === a.lastChild && only.nodeType === TEXT_NODE
        ? [only as Text]
        : textNodesOf(a, doc, MAX_LINK_CHARS * 2);
    if (nodes.length === 0) return;
    // Trim surrounding whitespace so the underline covers just the words.
    let first = 0;
    while (first < nodes.length && nodes[first]!.data.trim() === '') first++;
    let last = nodes.length - 1;
    while (last > first && nodes[last]!.data.trim() === '') last--;
    if (first >= nodes.length) return;
    const covered = nodes.slice(first, last + 1);
    const startNode = covered[0]!;
    const endNode = covered[covered.length - 1]!;
    const startOffset = startNode.data.length - startNode.data.trimStart().length;
    const endOffset = endNode.data.trimEnd().length;
    let length = 0;
    for (const n of covered) length += n.data.length;
    length -= startOffset + (endNode.data.length - endOffset);
    if (length > MAX_LINK_CHARS || length <= 0) return;
    // The link is the stronger signal: drop text mentions of the same symbol inside it.
    for (const n of covered) {
      for (const m of index.onNode(n)) {
        if (m.symbol === symbol || m.anchor === a) removeMention(m);
      }
    }
    const record = new MentionRecord(
      symbol,
      'link',
      startNode,
      startOffset,
      endNode,
      endOffset,
      a,
      covered.length === 1 ? null : covered,
      pass,
    );
    // A quote link names its symbol strongly: evidence for the rest of the page.
    if (evidence) decide(keyFor(a), a, [{ record, symbol, strength: 'strong' }]);
    else addMention(record);
  };

  const startPasses = (): void => {
    const pass = ++passCounter;
    jobs.length = 0;
    frontierPaused = false;
    if (observedAt) frontierObserver?.unobserve(observedAt);
    observedAt = null;
    eagerLeft = eagerChars;
    urgentLeft = urgentChars;
    const job: Job = {
      cursor: new TextCursor(bodyRoot, doc, rules),
      tree: lightTree,
      pass,
      urgent: true,
      charsLeft: Infinity,
    };
    job.onDone = () => {
      if (frontier === job) frontier = null;
      scheduleRefresh(0, 0);
    };
    frontier = job;
    jobs.push(job);
    // A page opened scrolled down: read what is on screen first.
    if ((win.scrollY ?? 0) > 0 || (win.scrollX ?? 0) > 0) {
      try {
        for (const hit of probeViewport(doc, win, (node) => treeOf(node) === lightTree, 3, 3)) {
          readAround(hit.node);
        }
      } catch {
        // No caret API: the frontier reads from the top.
      }
    }
    runner.request(true);
  };

  const drainMutations = (tree: Tree): void => {
    lastDrain = now();
    const batch = tree.batcher.take();
    if (batch.removed) {
      for (const m of index.disconnected()) removeMention(m);
      forgetDetached();
    }
    if (batch.overflow) {
      // Too much changed to track piecemeal: read the tree again, replacing in place.
      if (tree === lightTree) {
        if (frontier === null) restartFrontier();
      } else queueSubtree(tree.root, tree);
      return;
    }
    for (const node of batch.roots) queueSubtree(node, tree);
    recheckHidden();
    recheckLateHosts();
  };

  /** A new frontier over the body that replaces what older passes found as it goes. */
  const restartFrontier = (): void => {
    const job: Job = {
      cursor: new TextCursor(bodyRoot, doc, rules),
      tree: lightTree,
      pass: ++passCounter,
      urgent: false,
      charsLeft: Infinity,
    };
    job.onDone = () => {
      if (frontier === job) frontier = null;
      scheduleRefresh(0, 0);
    };
    frontier = job;
    eagerLeft = Math.max(eagerLeft, resumeChars);
    jobs.push(job);
  };

  const queueSubtree = (node: Node, tree: Tree): void => {
    // The frontier will get there (a paused one when the reader comes near).
    if (tree === lightTree && frontier && frontier.cursor.isAhead(node)) return;
    if (node !== tree.root && isInsideSkipped(node, tree.root)) return;
    const job: Job = {
      cursor: new TextCursor(node, doc, rules),
      tree,
      pass: ++passCounter,
      urgent: false,
      charsLeft: Infinity,
      found: [],
    };
    job.onDone = () => drawIfNear(node, job.found ?? []);
    jobs.push(job);
  };

  /** Hidden sections skipped earlier that are now shown (tabs, accordions) get scanned. */
  const recheckHidden = (): void => {
    if (hiddenRoots.size === 0) return;
    const isHidden =
      options.isHidden ??
      ((el: Element) => typeof el.checkVisibility === 'function' && !el.checkVisibility());
    let checked = 0;
    for (const el of hiddenRoots) {
      if (++checked > 500) break;
      if (!el.isConnected) hiddenRoots.delete(el);
      else if (!isHidden(el)) {
        hiddenRoots.delete(el);
        const tree = treeOf(el);
        if (tree) queueSubtree(el, tree);
      }
    }
    if (jobs.length > 0) runner.request(false);
  };

  let lastDrain = -Infinity;
  const work = (deadline: number): { more: boolean; urgent: boolean } => {
    for (;;) {
      if (!jobs[0]?.urgent) {
        for (const tree of trees.values()) {
          if (tree.batcher.pending && now() - lastDrain >= tree.batcher.delayMs) {
            drainMutations(tree);
          }
        }
      }
      const job = jobs[0];
      if (!job) break;
      const chunk = job.cursor.nextChunk({ maxChars: chunkChars });
      if (chunk) {
        collect = job.found ?? null;
        try {
          processChunk(chunk, job);
        } finally {
          collect = null;
        }
        job.charsLeft -= chunk.chars;
        if (job === frontier) {
          eagerLeft -= chunk.chars;
          urgentLeft -= chunk.chars;
          if (urgentLeft <= 0) job.urgent = false;
        }
      }
      if (!chunk || job.cursor.finished || job.charsLeft <= 0) {
        jobs.shift();
        job.onDone?.();
      } else if (job === frontier && eagerLeft <= 0 && pauseFrontier(job)) {
        jobs.shift();
      }
      if (now() >= deadline) break;
    }
    // The page may change the DOM before the next slice.
    for (const job of jobs) job.cursor.suspend();
    if (frontierPaused && frontier) frontier.cursor.suspend();
    if (added > 0 && nearOnly) scheduleRefresh(200, 500);
    added = 0;
    const more = jobs.length > 0;
    if (!more) {
      for (const tree of trees.values()) {
        if (tree.batcher.pending) {
          runner.request(false, Math.max(0, tree.batcher.delayMs - (now() - lastDrain)));
          break;
        }
      }
    }
    if (isIdle()) notifyIdle();
    return { more, urgent: jobs[0]?.urgent ?? false };
  };

  const isIdle = (): boolean => {
    if (jobs.length > 0 || refreshTimer !== null) return false;
    for (const tree of trees.values()) if (tree.batcher.pending) return false;
    return true;
  };

  const notifyIdle = (): void => {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const runner = createSliceRunner({
    win,
    budgetMs: options.sliceBudgetMs ?? 5,
    idleTimeoutMs: options.idleTimeoutMs ?? 300,
    work,
    signal,
  });

  // Clicks and keys are what reveal hidden sections; look again shortly after.
  let recheckTimer: number | null = null;
  const scheduleRecheck = (): void => {
    if ((hiddenRoots.size === 0 && lateHosts.size === 0) || recheckTimer !== null) return;
    recheckTimer = win.setTimeout(() => {
      recheckTimer = null;
      recheckHidden();
      recheckLateHosts();
    }, 300);
  };
  doc.addEventListener('click', scheduleRecheck, { capture: true, passive: true, signal });
  doc.addEventListener('keyup', scheduleRecheck, { capture: true, passive: true, signal });
  const onViewportChange = (): void => scheduleRefresh();
  win.addEventListener?.('scroll', onViewportChange, { capture: true, passive: true, signal });
  win.addEventListener?.('resize', onViewportChange, { passive: true, signal });
  // Web components often attach their shadow root a little after they are inserted.
  const lateTimers = [1000, 4000].map((ms) =>
    win.setTimeout(() => {
      recheckLateHosts();
    }, ms),
  );

  signal.addEventListener(
    'abort',
    () => {
      if (recheckTimer !== null) win.clearTimeout(recheckTimer);
      if (refreshTimer !== null) win.clearTimeout(refreshTimer);
      for (const t of lateTimers) win.clearTimeout(t);
      nearObserver?.disconnect();
      frontierObserver?.disconnect();
      watched.clear();
      drawn.clear();
      jobs.length = 0;
      frontier = null;
      highlighter.dispose();
      index.clear();
      recordOf.clear();
      idsOf.clear();
      nodeOfKey.clear();
      hiddenRoots.clear();
      lateHosts.clear();
      trees.clear();
      notifyIdle();
    },
    { once: true },
  );

  if (!signal.aborted) startPasses();

  // --- queries ----------------------------------------------------------------------------

  const hitAt = (x: number, y: number): MentionHit | null => {
    if (signal.aborted) return null;
    const { element, roots } = deepElementAt(doc, x, y);
    // A shadow root the walk has not met (attached late, or ahead of the frontier).
    for (const root of roots) treeForRoot(root);
    const caret = caretAt(doc, x, y, roots);
    if (caret && caret.node.nodeType === TEXT_NODE) {
      const node = caret.node as Text;
      for (const m of index.at(node, caret.offset)) {
        const rect = rectAt(m.rects(), x, y);
        if (rect) return { mention: m, rect };
      }
      if (frontier && !index.hasNode(node)) readAround(node);
      // Inside a text node the caret is exact: nothing here. At either end of it, the point may
      // still be on the neighbouring node's text, checked below.
      if (caret.offset > 0 && caret.offset < node.length) return null;
    }
    // The caret may snap to the neighbouring node at an element edge (`<a>KTOS</a>)`), stop at a
    // shadow host where the browser ignores the shadow roots passed, or the browser may have no
    // caret API: try the text directly inside the deepest element under the point.
    if (!element) return null;
    for (let n = element.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== TEXT_NODE || !index.hasNode(n as Text)) continue;
      for (const m of index.onNode(n as Text)) {
        const rect = rectAt(m.rects(), x, y);
        if (rect) return { mention: m, rect };
      }
    }
    return null;
  };

  return {
    document: doc,
    mentionAt: (x, y) => hitAt(x, y)?.mention ?? null,
    hitAt,
    mentionForElement: (el) => {
      if (signal.aborted) return null;
      const anchor = el.localName === 'a' ? el : el.closest('a[href]');
      return (anchor && linkMentions.get(anchor)) ?? null;
    },
    mentions: () => index.list().toSorted(inReadingOrder),
    symbols: () => index.symbols(),
    has: (mention) => index.has(mention as MentionRecord),
    complete: () => {
      if (signal.aborted) return Promise.resolve();
      if (frontier) resumeFrontier(Infinity);
      return new Promise<void>((resolve) => {
        if (isIdle() && !runner.scheduled) resolve();
        else idleWaiters.push(resolve);
      });
    },
    rescan: () => {
      if (signal.aborted) return;
      for (const key of idsOf.keys()) forgetChunk(key);
      for (const m of index.list()) removeMention(m);
      nearOnly = false;
      startPasses();
      for (const tree of trees.values()) if (tree.shadow) queueSubtree(tree.root, tree);
    },
    stop: stopAll,
    whenIdle: () => {
      if (signal.aborted || (isIdle() && !runner.scheduled)) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    stats: () => ({
      slices: runner.stats.slices,
      busyMs: runner.stats.busyMs,
      longestSliceMs: runner.stats.longestMs,
      chars: counters.chars,
      textNodes: counters.textNodes,
      detectorCalls: counters.detectorCalls,
      mentions: index.size,
      highlighted: drawn.size,
      highlightSupported: highlighter.supported,
      styleMode: highlighter.styleMode,
      mutationRecords: sum(trees, (t) => t.batcher.stats.records),
      mutationDrains: sum(trees, (t) => t.batcher.stats.drains),
      mutationOverflows: sum(trees, (t) => t.batcher.stats.overflows),
      hiddenSkipped,
      trees: trees.size,
      regions: counters.regions,
      frontier: frontier === null ? 'done' : frontierPaused ? 'paused' : 'running',
      idle: isIdle(),
    }),
  };
}

function sum(trees: Map<Node, Tree>, f: (t: Tree) => number): number {
  let total = 0;
  for (const t of trees.values()) total += f(t);
  return total;
}
