/**
 * Finds ticker and index mentions in one document's text and underlines them, without changing
 * the page's DOM, and answers "which mention is under this point".
 *
 * The reader pays for this on every page load, cold, so the work follows what the reader sees:
 * - The **frontier** walks the document from the top in slices (the first one right away, the
 *   rest in idle time) `eagerChars` characters at a time; then it pauses, and an
 *   IntersectionObserver on the place it stopped resumes it for another `resumeChars` as soon as
 *   that place is within two screens of the viewport (at once if it is already). So a page load
 *   reads what is on screen and the next two screens, and the rest as the reader scrolls near it
 *   (an article of 40 KB: about a third, for a third of the cost; measured in
 *   test/bench/browser/page-cost.ts). The popup's list and the keyboard read the rest on demand
 *   (`complete()`; the keyboard waits for it briefly).
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

import { readChunk } from './chunk-mentions';
import { createDrawing } from './drawing';
import { isInsideSkipped, type WalkRules } from './element-rules';
import { createHighlighter, DEFAULT_HIGHLIGHT_NAME } from './highlighter';
import { mentionHitAt } from './mention-hit';
import { createLinkReader } from './link-mentions';
import { MentionIndex, type MentionRecord } from './mention-index';
import { unitForChange } from './mutation-batcher';
import { createPageEvidence } from './page-evidence';
import { sortInReadingOrder } from './reading-order';
import type {
  DocumentScanner,
  DocumentScannerOptions,
  MentionHit,
  ScannerWindow,
} from './scanner-types';
import { createSliceRunner } from './slice-runner';
import { TextCursor, type TextChunk } from './text-cursor';
import { createTrees, type Tree } from './trees';
import { probeViewport } from './visible-window';

export type { PageMention } from './mention-index';
export type {
  DetectedMention,
  Detector,
  DocumentScanner,
  DocumentScannerOptions,
  MentionHit,
  ScannerStats,
  ScannerWindow,
} from './scanner-types';
export { compareComposed, sortInReadingOrder } from './reading-order';

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

const TEXT_NODE = 3;

/**
 * Starts scanning one document. Returns immediately; the first slice runs in the next
 * macrotask, the rest in idle slices. See {@link DocumentScanner}.
 */
/** Characters in each of the frontier's first chunks (see `coldChunks`). */
const COLD_CHUNK_CHARS = 400;
/** How many of the frontier's first chunks are small. */
const COLD_CHUNKS = 4;

export function startDocumentScanner(options: DocumentScannerOptions): DocumentScanner {
  const win = options.win ?? (globalThis.window as unknown as ScannerWindow);
  const doc = win.document;
  const bodyRoot: Node = options.root ?? doc.body ?? doc.documentElement;
  const detect = options.detect;
  const linkToSymbol = options.linkToSymbol;
  const mayBeQuoteLink = options.mayBeQuoteLink;
  const chunkChars = options.chunkChars ?? 2000;
  const eagerChars = options.eagerChars ?? 8_000;
  const resumeChars = options.resumeChars ?? 8_000;
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
  const drawing = createDrawing({
    win,
    doc,
    highlighter,
    index,
    maxDrawn,
    treeRootOf: (node) => (trees.forRoot(node.getRootNode()) ?? lightTree).root,
    requestRefresh: (quietMs) => scheduleRefresh(quietMs, quietMs === 0 ? 0 : undefined),
  });
  const hiddenRoots = new Set<Element>();
  let hiddenSkipped = 0;
  const styleOf = win.getComputedStyle?.bind(win);
  const displayOf =
    options.displayOf === null
      ? undefined
      : (options.displayOf ?? (styleOf ? (el: Element) => styleOf(el).display : undefined));

  // --- trees ------------------------------------------------------------------------------

  const trees = createTrees({
    bodyRoot,
    win,
    signal,
    onQueued: (tree) => runner.request(false, tree.batcher.delayMs),
    onNewTree: (tree) => {
      const job: Job = {
        cursor: new TextCursor(tree.root, doc, rules),
        tree,
        pass: ++passCounter,
        urgent: false,
        charsLeft: Infinity,
      };
      // Right after the job that met its host, so the page is read roughly in order.
      jobs.splice(jobs.length > 0 ? 1 : 0, 0, job);
      runner.request(false);
    },
  });
  const lightTree = trees.light;
  const treeOf = (node: Node): Tree | null => trees.of(node);

  const rules: WalkRules = {
    isHidden: options.isHidden,
    displayOf,
    onHidden: (el) => {
      hiddenSkipped++;
      if (hiddenRoots.size < 5000) hiddenRoots.add(el);
    },
    onShadowRoot: (root) => trees.add(root),
    onCustomElement: (el) => trees.noteCustomElement(el),
    onFrame: options.onFrame,
  };

  const counters = { chars: 0, textNodes: 0, detectorCalls: 0, regions: 0 };
  let passCounter = 0;
  const jobs: Job[] = [];
  let frontier: Job | null = null;
  let frontierPaused = false;
  let eagerLeft = eagerChars;
  let urgentLeft = urgentChars;
  let idleWaiters: (() => void)[] = [];

  // --- mentions -------------------------------------------------------------------------

  /** Mentions added by the frontier and regions since the last slice (changed subtrees aside). */
  let added = 0;
  /** Where the running job keeps what it finds (see {@link Job.found}), or null. */
  let collect: MentionRecord[] | null = null;

  const addMention = (m: MentionRecord): void => {
    index.add(m);
    if (collect) collect.push(m);
    else added++;
    if (m.anchor) linkMentions.set(m.anchor, m);
    drawing.added(m);
  };

  const removeMention = (m: MentionRecord): void => {
    if (!index.remove(m)) return;
    drawing.removed(m);
    if (m.anchor && linkMentions.get(m.anchor) === m) linkMentions.delete(m.anchor);
  };

  const evidence = options.evidence
    ? createPageEvidence({
        show: addMention,
        hide: removeMention,
        shown: (record) => index.has(record),
      })
    : null;

  // Scrolling and resizing bring other text into view: when it settles (and at least every
  // maxWait during a long scroll), look at what is on screen, if anything there can need it.
  let refreshTimer: number | null = null;
  let refreshDue = 0;
  const scheduleRefresh = (quietMs = 120, maxWaitMs = 600): void => {
    if (signal.aborted) return;
    if (!drawing.nearOnly && frontier === null) return; // everything drawn, nothing unread
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
    drawing.refresh(hits);
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
      counters.detectorCalls++;
      const perRun = readChunk(runs, detect, pass);
      for (let r = 0; r < runs.length; r++) {
        const candidates = perRun[r]!;
        if (!evidence) {
          for (const c of candidates) if (c.record) addMention(c.record);
          continue;
        }
        // Each run is a chunk of the document's evidence, keyed by its first node; a later
        // window of an enormous text node is a chunk of its own.
        const first = runs[r]!.nodes[0]!;
        const key = runs[r]!.starts[0]! < 0 ? evidence.freshKey() : evidence.keyFor(first);
        forgotten.delete(key);
        // A run with nothing, never registered: nothing to tell the evidence.
        if (candidates.length > 0 || evidence.has(key)) evidence.decide(key, first, candidates);
      }
    }
    // Chunks whose mentions this read replaced but that were not read again under their key.
    if (evidence) for (const key of forgotten) evidence.forget(key);

    if (links) for (const a of chunk.links) addLinkMention(a, pass);
  };

  const links = linkToSymbol
    ? createLinkReader({ doc, linkToSymbol, ...(mayBeQuoteLink ? { mayBeQuoteLink } : {}) })
    : null;

  const addLinkMention = (a: HTMLAnchorElement, pass: number): void => {
    const record = links?.mentionOf(a, pass);
    if (!record) return;
    // The link is the stronger signal: drop text mentions of the same symbol inside it.
    for (const n of record.nodes) {
      for (const m of index.onNode(n)) {
        if (m.symbol === record.symbol || m.anchor === a) removeMention(m);
      }
    }
    // A quote link names its symbol strongly: evidence for the rest of the page.
    if (evidence) {
      evidence.decide(evidence.keyFor(a), a, [
        { record, symbol: record.symbol, strength: 'strong' },
      ]);
    } else addMention(record);
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
    // The page shares our highlight: what it cleared or replaced comes back with its next change.
    highlighter.verify();
    const batch = tree.batcher.take();
    if (batch.removed) {
      for (const m of index.disconnected()) removeMention(m);
      evidence?.forgetDetached();
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
    trees.recheckLateHosts();
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
    job.onDone = () => drawing.drawIfNear(node, job.found ?? []);
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

  let coldChunks = COLD_CHUNKS;
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
      // The first chunks run cold code (compiled on first call, on every page load): smaller ones
      // keep the first slice near its budget.
      const small = job === frontier && coldChunks > 0;
      if (small) coldChunks--;
      const chunk = job.cursor.nextChunk({ maxChars: small ? COLD_CHUNK_CHARS : chunkChars });
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
    if (added > 0 && drawing.nearOnly) scheduleRefresh(200, 500);
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
    if ((hiddenRoots.size === 0 && !trees.watchingLateHosts) || recheckTimer !== null) return;
    recheckTimer = win.setTimeout(() => {
      recheckTimer = null;
      recheckHidden();
      trees.recheckLateHosts();
    }, 300);
  };
  doc.addEventListener('click', scheduleRecheck, { capture: true, passive: true, signal });
  doc.addEventListener('keyup', scheduleRecheck, { capture: true, passive: true, signal });
  const onViewportChange = (): void => {
    highlighter.verify();
    scheduleRefresh();
  };
  win.addEventListener?.('scroll', onViewportChange, { capture: true, passive: true, signal });
  win.addEventListener?.('resize', onViewportChange, { passive: true, signal });
  // Web components often attach their shadow root a little after they are inserted.
  const lateTimers = [1000, 4000].map((ms) =>
    win.setTimeout(() => {
      trees.recheckLateHosts();
    }, ms),
  );

  signal.addEventListener(
    'abort',
    () => {
      if (recheckTimer !== null) win.clearTimeout(recheckTimer);
      if (refreshTimer !== null) win.clearTimeout(refreshTimer);
      for (const t of lateTimers) win.clearTimeout(t);
      frontierObserver?.disconnect();
      drawing.dispose();
      jobs.length = 0;
      frontier = null;
      highlighter.dispose();
      index.clear();
      evidence?.clear();
      hiddenRoots.clear();
      trees.clear();
      notifyIdle();
    },
    { once: true },
  );

  if (!signal.aborted) startPasses();

  // --- queries ----------------------------------------------------------------------------

  const hitAt = (x: number, y: number): MentionHit | null => {
    if (signal.aborted) return null;
    // At most once a frame while the pointer moves: two lookups when nothing changed.
    highlighter.verify();
    return mentionHitAt(doc, x, y, index, {
      // A shadow root the walk has not met (attached late, or ahead of the frontier).
      meetRoot: (root) => void trees.forRoot(root),
      unread: (node) => {
        if (frontier) readAround(node);
      },
    });
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
    mentions: () => sortInReadingOrder(index.list()),
    found: () => index.list(),
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
      evidence?.clear();
      for (const m of index.list()) removeMention(m);
      drawing.reset();
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
      highlighted: drawing.size,
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

function sum(trees: { values(): IterableIterator<Tree> }, f: (t: Tree) => number): number {
  let total = 0;
  for (const t of trees.values()) total += f(t);
  return total;
}
