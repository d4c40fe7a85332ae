/**
 * Finds ticker and index mentions in the page's text and underlines them, without changing the
 * page's DOM, and answers "which mention is under this point".
 *
 * Flow: the visible part of the page first (found by caret hit-testing a grid of viewport
 * points), in the next macrotask; then the whole page in idle slices of a few milliseconds; then
 * whatever the MutationObserver queued (added and changed text), drained in idle slices with a
 * back-off under mutation storms. Each slice walks text runs ({@link TextCursor}), hands them to
 * the injected detector in chunks of a few thousand characters, indexes the mentions by text node
 * ({@link MentionIndex}) and draws them ({@link createHighlighter}).
 *
 * Not scanned, by decision: iframes (a same-origin iframe is its own document; the content
 * script can be injected there with `all_frames` later), shadow roots (TreeWalker does not enter
 * them), and the skipped regions of {@link classifyElement}.
 */

import { caretAt, rectAt, type CaretDocument } from './hit-test';
import { createHighlighter, DEFAULT_HIGHLIGHT_NAME, type HighlightWindow } from './highlighter';
import { MentionIndex, MentionRecord, type PageMention } from './mention-index';
import { createMutationBatcher, unitForChange } from './mutation-batcher';
import { createSliceRunner, type SliceWindow } from './slice-runner';
import { probeViewport, visitTextAround } from './visible-window';
import {
  findMarkedElements,
  isInsideSkipped,
  TextCursor,
  textNodesOf,
  type TextChunk,
  type WalkRules,
} from './text-walker';

export type { PageMention } from './mention-index';

/** One mention in a string, as the detector returns it (UTF-16 offsets, end exclusive). */
export interface DetectedMention {
  start: number;
  end: number;
  symbol: string;
  kind: string;
}

/** The detector, injected: `findMentions(text, dictionary)` with the dictionary bound. */
export type Detector = (text: string) => readonly DetectedMention[];

/** The browser globals the scanner uses (the page's `window` by default). */
export type ScannerWindow = SliceWindow &
  HighlightWindow & {
    document: Document & CaretDocument;
    MutationObserver: typeof MutationObserver;
    innerWidth: number;
    innerHeight: number;
    addEventListener?: Window['addEventListener'];
    IntersectionObserver?: typeof IntersectionObserver;
  };

export interface PageScannerOptions {
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
   * that fail it are not passed to {@link PageScannerOptions.linkToSymbol}. Default: all pass.
   */
  mayBeQuoteLink?: (rawHref: string) => boolean;
  win?: ScannerWindow;
  /** Time budget of one slice, ms. Default 5. */
  sliceBudgetMs?: number;
  /** Characters handed to the detector per call (a slice runs whole chunks). Default 2000. */
  chunkChars?: number;
  /** Characters scanned in the urgent "visible first" pass. Default 20000. */
  visibleChars?: number;
  /** Longest wait for an idle period, ms. Default 300. */
  idleTimeoutMs?: number;
  /** Overrides the hidden-element test (tests; the default uses `checkVisibility`). */
  isHidden?: (el: Element) => boolean;
  /**
   * Whether to inject the `::highlight()` rule (default true). Pass false when the rule ships
   * in the content script's manifest CSS ({@link highlightCss}), which the browser applies
   * before the page is parsed: adding a stylesheet to a loaded page makes Chrome recompute
   * the style of every element (one frame of 0.1-0.2 s on a 2 MB page and 0.5 s or more on
   * 10 MB in an isolated measurement; less in the benchmark, see its report).
   */
  injectStyle?: boolean;
  /** Most mentions drawn at once, nearest the viewport. Default 400. */
  maxDrawn?: number;
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
  /** True when nothing is queued or running. */
  idle: boolean;
}

/** A hit: the mention under a point and the rectangle (line fragment) containing the point. */
export interface MentionHit {
  mention: PageMention;
  rect: DOMRect;
}

export interface PageScanner {
  /** The mention under viewport point (x, y) in CSS pixels, or null. */
  mentionAt(x: number, y: number): PageMention | null;
  /** Like {@link PageScanner.mentionAt}, with the rectangle under the point (to place a card). */
  hitAt(x: number, y: number): MentionHit | null;
  /** The link mention of a focused `<a>` (keyboard access), or null. */
  mentionForElement(el: Element): PageMention | null;
  /** Every mention found so far, in document order. */
  mentions(): PageMention[];
  /** Distinct symbols with their mention counts, most mentioned first. */
  symbols(): { symbol: string; count: number }[];
  /** Scans the whole root again (e.g. settings changed); old mentions are replaced in place. */
  rescan(): void;
  /** Stops scanning and removes every underline (same as aborting `signal`). */
  stop(): void;
  /** Resolves when nothing is queued or running (immediately after stop). */
  whenIdle(): Promise<void>;
  stats(): ScannerStats;
}

/** Longest link text (characters, trimmed) that becomes a `link` mention. */
export const MAX_LINK_CHARS = 80;

interface Job {
  cursor: TextCursor;
  pass: number;
  urgent: boolean;
  /** Characters left before the job ends (the visible pass), or Infinity. */
  charsLeft: number;
  /** Mentions the job found, when it keeps them (rescans of changed subtrees). */
  found?: MentionRecord[];
  onDone?: () => void;
}

/** Most changed subtrees waiting at once to hear whether they are near the viewport. */
const MAX_WATCHED = 500;

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

function inDocumentOrder(a: PageMention, b: PageMention): number {
  if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
  // DOCUMENT_POSITION_FOLLOWING = 4
  return a.startNode.compareDocumentPosition(b.startNode) & 4 ? -1 : 1;
}

/**
 * Starts scanning `root`. Returns immediately; the visible part is scanned in the next
 * macrotask, the rest in idle slices. See {@link PageScanner}.
 */
export function startPageScanner(options: PageScannerOptions): PageScanner {
  const win = options.win ?? (globalThis.window as unknown as ScannerWindow);
  const doc = win.document;
  const root: Node = options.root ?? doc.body ?? doc.documentElement;
  const detect = options.detect;
  const linkToSymbol = options.linkToSymbol;
  const mayBeQuoteLink = options.mayBeQuoteLink;
  const chunkChars = options.chunkChars ?? 2000;
  const visibleChars = options.visibleChars ?? 20000;

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
  const maxDrawn = options.maxDrawn ?? 400;
  /** Mentions currently drawn: those near the viewport (see visible-window.ts for why). */
  const drawn = new Set<MentionRecord>();
  const hiddenRoots = new Set<Element>();
  let hiddenSkipped = 0;
  const rules: WalkRules = {
    isHidden: options.isHidden,
    onHidden: (el) => {
      hiddenSkipped++;
      if (hiddenRoots.size < 5000) hiddenRoots.add(el);
    },
  };

  const counters = { chars: 0, textNodes: 0, detectorCalls: 0 };
  let passCounter = 0;
  const jobs: Job[] = [];
  let fullJob: Job | null = null;
  let lastDrain = -Infinity;
  let idleWaiters: (() => void)[] = [];

  // --- mentions -------------------------------------------------------------------------

  let added = 0;
  /** Where the running job keeps what it finds (see {@link Job.found}), or null. */
  let collect: MentionRecord[] | null = null;
  const addMention = (m: MentionRecord): void => {
    index.add(m);
    added++;
    collect?.push(m);
    if (m.anchor) linkMentions.set(m.anchor, m);
  };

  const draw = (m: MentionRecord): void => {
    drawn.add(m);
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

  const removeMention = (m: MentionRecord): void => {
    if (!index.remove(m)) return;
    undraw(m);
    if (m.anchor && linkMentions.get(m.anchor) === m) linkMentions.delete(m.anchor);
  };

  /**
   * Draws the mentions near the viewport and erases the others, as one batch of highlight
   * changes (one frame of work for the browser). Leaves things as they are when no text is
   * under the probes (e.g. the page is scrolled to an image).
   */
  let lastRefresh = -Infinity;
  let earlyRefreshes = 0;
  const refreshDrawn = (): void => {
    lastRefresh = now();
    if (!highlighter.supported || signal.aborted) return;
    const seeds = probeViewport(doc, win, root, 3, 3);
    if (seeds.length === 0) return;
    const want = new Set<MentionRecord>();
    const visited = new Set<Text>();
    const span = Math.max(2000, win.innerHeight * 6);
    for (const seed of seeds) {
      if (visited.has(seed.node)) continue;
      visitTextAround(
        seed.node,
        seed.offset,
        root,
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
    for (const m of want) if (!drawn.has(m)) draw(m);
  };

  /**
   * Draws mentions found in a changed subtree near the viewport, without the viewport probes of
   * {@link refreshDrawn}: each probe is a hit-test, several milliseconds on a big page, and a
   * page that keeps changing (a live ticker, an infinite feed) would pay for a round of them
   * on every change. An IntersectionObserver says, from the next rendering step and without
   * forcing a layout, whether the subtree is within a viewport's height of the screen.
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
      if (!drawn.has(m) && m.highlightRange === null && index.has(m)) draw(m);
    }
  };
  const drawIfNear = (subtree: Node, found: MentionRecord[]): void => {
    if (found.length === 0 || !highlighter.supported || signal.aborted) return;
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

  // Scrolling and resizing bring other text into view: redraw when it settles (and at least
  // every maxWait during a long scroll), not on every scroll event.
  let refreshTimer: number | null = null;
  let refreshDue = 0;
  const scheduleRefresh = (quietMs = 120, maxWaitMs = 600): void => {
    if (signal.aborted || !highlighter.supported) return;
    const t = now();
    if (refreshTimer === null) refreshDue = t + maxWaitMs;
    else win.clearTimeout(refreshTimer);
    const wait = Math.max(0, Math.min(quietMs, refreshDue - t));
    refreshTimer = win.setTimeout(() => {
      refreshTimer = null;
      refreshDrawn();
      if (isIdle()) notifyIdle();
    }, wait);
  };

  // --- scanning ---------------------------------------------------------------------------

  const processChunk = (chunk: TextChunk, pass: number): void => {
    const { runs } = chunk;
    // Replace what earlier passes found on these nodes.
    for (const run of runs) {
      // A run starting inside its first node is the next window of an enormous node, whose
      // earlier window of this pass already replaced what older passes found on it.
      const from = run.starts[0]! < 0 ? 1 : 0;
      for (let k = from; k < run.nodes.length; k++) {
        const node = run.nodes[k]!;
        if (index.hasNode(node)) for (const m of index.staleOn(node, pass)) removeMention(m);
      }
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
      for (const d of found) {
        if (!(d.end > d.start)) continue;
        const r = nodeAt(runStarts, d.start);
        const run = runs[r]!;
        const base = runStarts[r]!;
        const start = d.start - base;
        const end = d.end - base;
        if (end > run.text.length) continue;
        const i = nodeAt(run.starts, start);
        const j = nodeAt(run.starts, end - 1);
        const nodes = i === j ? null : run.nodes.slice(i, j + 1);
        addMention(
          new MentionRecord(
            d.symbol,
            d.kind,
            run.nodes[i]!,
            start - run.starts[i]!,
            run.nodes[j]!,
            end - run.starts[j]!,
            null,
            nodes,
            pass,
          ),
        );
      }
    }

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
    addMention(
      new MentionRecord(
        symbol,
        'link',
        startNode,
        startOffset,
        endNode,
        endOffset,
        a,
        covered.length === 1 ? null : covered,
        pass,
      ),
    );
  };

  /** The paragraph of the first visible text, to start the urgent pass from, or null. */
  const visibleStart = (): Node | null => {
    let best: Node | null = null;
    for (const { node } of probeViewport(doc, win, root, 3, 3)) {
      if (isInsideSkipped(node, root)) continue;
      // DOCUMENT_POSITION_PRECEDING = 2: keep the earliest in document order.
      if (!best || (best.compareDocumentPosition(node) & 2) !== 0) best = node;
    }
    return best ? unitForChange(best, root) : null;
  };

  const startPasses = (): void => {
    const epoch = ++passCounter;
    const hadOlder = index.size > 0;
    // The visible and the full pass walk the same root: they share its editable and own-UI
    // elements, found by one selector query (over the whole page) when the first of them starts.
    let marked: Set<Element> | undefined;
    const passRules: WalkRules = {
      ...rules,
      get marked() {
        return (marked ??= findMarkedElements(root));
      },
    };
    const full: Job = {
      cursor: new TextCursor(root, doc, passRules),
      pass: epoch,
      urgent: false,
      charsLeft: Infinity,
      onDone: () => {
        // Anything an earlier pass found that this pass did not see again is stale.
        if (hadOlder) for (const m of index.list()) if (m.pass < epoch) removeMention(m);
        if (fullJob === full) fullJob = null;
        scheduleRefresh(0, 0);
      },
    };
    jobs.length = 0;
    fullJob = full;
    let start: Node | null = null;
    try {
      start = visibleStart();
    } catch {
      start = null;
    }
    earlyRefreshes = start && start !== root ? 0 : 5;
    if (start && start !== root) {
      const visiblePass = ++passCounter;
      const visibleJob: Job = {
        cursor: new TextCursor(root, doc, passRules, start),
        pass: visiblePass,
        urgent: true,
        charsLeft: visibleChars,
      };
      visibleJob.onDone = () => {
        const cursor = visibleJob.cursor;
        full.cursor.setJump(start, cursor.finished ? null : cursor.position);
        // In its own task: caret probes cost ~2 ms each on a 10 MB page (hit-testing is linear
        // in the boxes of a long flat container).
        scheduleRefresh(0, 0);
      };
      jobs.push(visibleJob);
    }
    jobs.push(full);
    runner.request(true);
  };

  const drainMutations = (): void => {
    lastDrain = win.performance.now();
    const batch = batcher.take();
    if (batch.removed) for (const m of index.disconnected()) removeMention(m);
    if (batch.overflow) {
      // Too much changed to track piecemeal: scan everything again, replacing in place.
      if (!fullJob) startPasses();
      return;
    }
    for (const node of batch.roots) queueSubtree(node);
    recheckHidden();
  };

  const queueSubtree = (node: Node): void => {
    if (fullJob && fullJob.cursor.isAhead(node)) return; // the full pass will get there
    if (node !== root && isInsideSkipped(node, root)) return;
    const job: Job = {
      cursor: new TextCursor(node, doc, rules),
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
        queueSubtree(el);
      }
    }
    if (jobs.length > 0) runner.request(false);
  };

  const work = (deadline: number): { more: boolean; urgent: boolean } => {
    for (;;) {
      if (batcher.pending && now() - lastDrain >= batcher.delayMs && !jobs[0]?.urgent) {
        drainMutations();
      }
      const job = jobs[0];
      if (!job) break;
      const chunk = job.cursor.nextChunk({ maxChars: chunkChars });
      if (chunk) {
        collect = job.found ?? null;
        try {
          processChunk(chunk, job.pass);
        } finally {
          collect = null;
        }
        job.charsLeft -= chunk.chars;
      }
      if (!chunk || job.cursor.finished || job.charsLeft <= 0) {
        jobs.shift();
        job.onDone?.();
      }
      if (now() >= deadline) break;
    }
    // The page may change the DOM before the next slice.
    jobs[0]?.cursor.suspend();
    // Without a visible pass (nothing under the probes at start), draw what the full pass finds
    // near the viewport as it goes, a few times at most: each probe round costs a hit-test.
    if (added > 0 && earlyRefreshes > 0 && drawn.size === 0 && now() - lastRefresh > 500) {
      earlyRefreshes--;
      scheduleRefresh(0, 0);
    }
    added = 0;
    const more = jobs.length > 0;
    if (!more && batcher.pending) {
      runner.request(false, Math.max(0, batcher.delayMs - (now() - lastDrain)));
    }
    if (isIdle()) notifyIdle();
    return { more, urgent: jobs[0]?.urgent ?? false };
  };

  const isIdle = (): boolean => jobs.length === 0 && !batcher.pending && refreshTimer === null;

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

  const batcher = createMutationBatcher({
    root,
    win,
    signal,
    onQueued: () => runner.request(false, batcher.delayMs),
  });

  // Clicks and keys are what reveal hidden sections; look again shortly after.
  let recheckTimer: number | null = null;
  const scheduleRecheck = (): void => {
    if (hiddenRoots.size === 0 || recheckTimer !== null) return;
    recheckTimer = win.setTimeout(() => {
      recheckTimer = null;
      recheckHidden();
    }, 300);
  };
  doc.addEventListener('click', scheduleRecheck, { capture: true, passive: true, signal });
  doc.addEventListener('keyup', scheduleRecheck, { capture: true, passive: true, signal });
  const onViewportChange = (): void => scheduleRefresh();
  win.addEventListener?.('scroll', onViewportChange, { capture: true, passive: true, signal });
  win.addEventListener?.('resize', onViewportChange, { passive: true, signal });

  signal.addEventListener(
    'abort',
    () => {
      if (recheckTimer !== null) win.clearTimeout(recheckTimer);
      if (refreshTimer !== null) win.clearTimeout(refreshTimer);
      nearObserver?.disconnect();
      watched.clear();
      drawn.clear();
      jobs.length = 0;
      fullJob = null;
      highlighter.dispose();
      index.clear();
      hiddenRoots.clear();
      notifyIdle();
    },
    { once: true },
  );

  if (!signal.aborted) startPasses();

  // --- queries ----------------------------------------------------------------------------

  const hitAt = (x: number, y: number): MentionHit | null => {
    if (signal.aborted) return null;
    const caret = caretAt(doc, x, y);
    if (caret && caret.node.nodeType === TEXT_NODE) {
      const node = caret.node as Text;
      for (const m of index.at(node, caret.offset)) {
        const rect = rectAt(m.rects(), x, y);
        if (rect) return { mention: m, rect };
      }
      // Inside a text node the caret is exact: nothing here. At either end of it, the point may
      // still be on the neighbouring node's text, checked below.
      if (caret.offset > 0 && caret.offset < node.length) return null;
    }
    // The caret may snap to the neighbouring node at an element edge (`<a>KTOS</a>)`), or the
    // browser has no caret API: try the text directly inside the element under the point.
    const el = doc.elementFromPoint?.(x, y);
    if (!el) return null;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== TEXT_NODE || !index.hasNode(n as Text)) continue;
      for (const m of index.onNode(n as Text)) {
        const rect = rectAt(m.rects(), x, y);
        if (rect) return { mention: m, rect };
      }
    }
    return null;
  };

  return {
    mentionAt: (x, y) => hitAt(x, y)?.mention ?? null,
    hitAt,
    mentionForElement: (el) => {
      if (signal.aborted) return null;
      const anchor = el.localName === 'a' ? el : el.closest('a[href]');
      return (anchor && linkMentions.get(anchor)) ?? null;
    },
    mentions: () => index.list().toSorted(inDocumentOrder),
    symbols: () => index.symbols(),
    rescan: () => {
      if (!signal.aborted) startPasses();
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
      mutationRecords: batcher.stats.records,
      mutationDrains: batcher.stats.drains,
      mutationOverflows: batcher.stats.overflows,
      hiddenSkipped,
      idle: isIdle(),
    }),
  };
}
