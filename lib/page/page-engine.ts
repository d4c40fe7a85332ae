/**
 * The page as the reader sees it: the top document and every same-origin frame inside it
 * (embedded fact boxes, live blogs, comment widgets, `srcdoc` and `about:blank` frames), each
 * scanned as a document of its own with its own scanner and its own slice budget
 * ({@link startDocumentScanner}). Frames are found as the scanners meet them, including frames
 * added or navigated later; a frame whose document goes away stops its scanner.
 *
 * Reaching into a frame's document from the content script's isolated world makes the browser set
 * up that world in the frame (several milliseconds each), so frames are attached lazily: in idle
 * time, one per idle period, and only frames with room for text (at least 40 × 20 pixels, rendered;
 * tracking pixels and hidden frames are left alone until they are shown).
 *
 * Mentions are listed in reading order across documents (a frame's mentions stand where the frame
 * stands), and a point or rectangle in a frame converts to the top document's viewport, where the
 * card is shown (a card inside a small frame would be clipped by it).
 */

import {
  compareComposed,
  sortInReadingOrder,
  startDocumentScanner,
  type DocumentScanner,
  type DocumentScannerOptions,
  type PageMention,
  type ScannerStats,
  type ScannerWindow,
} from './document-scanner';
import { frameViewportOffset, quietSrcdoc, sameOriginDocument } from './frames';

/** One scanned document of the page. */
export interface PageDocument {
  readonly scanner: DocumentScanner;
  readonly win: ScannerWindow;
  /** The frame element holding it in its parent document; null for the top document. */
  readonly frame: HTMLIFrameElement | null;
  readonly parent: PageDocument | null;
}

/** Smallest frame worth reading, CSS pixels. */
const MIN_FRAME_WIDTH = 40;
const MIN_FRAME_HEIGHT = 20;

/** Whether a frame is rendered with room for text (tracking pixels and hidden frames are not). */
function roomForText(frame: HTMLIFrameElement): boolean {
  if (typeof frame.checkVisibility === 'function' && !frame.checkVisibility()) return false;
  const rect = frame.getBoundingClientRect();
  return rect.width >= MIN_FRAME_WIDTH && rect.height >= MIN_FRAME_HEIGHT;
}

export type PageEngineOptions = Omit<DocumentScannerOptions, 'onFrame' | 'win' | 'root'> & {
  /** The top window (the page's own by default). */
  win?: ScannerWindow;
  /** Most same-origin frames scanned at once. Default 32. */
  maxFrames?: number;
};

export interface PageEngine {
  readonly top: PageDocument;
  /** The documents scanned now, the top one first. */
  documents(): readonly PageDocument[];
  /** Calls `listener` with each document now and with each one added later; returns the undo. */
  onDocument(listener: (d: PageDocument) => void): () => void;
  /** The scanned document a DOM document belongs to, if any. */
  documentOf(doc: Document): PageDocument | null;
  /** A rectangle in `d`'s viewport, in the top document's viewport. */
  toTop(d: PageDocument, rect: DOMRectReadOnly): DOMRect;
  /** Every mention found so far, in reading order across documents. */
  mentions(): PageMention[];
  /** Every mention found so far in all documents, in no particular order (cheap on any page). */
  found(): PageMention[];
  /** The first mention of `symbol` in reading order, or null. */
  firstOf(symbol: string): PageMention | null;
  /** Distinct symbols with their mention counts over all documents, most mentioned first. */
  symbols(): { symbol: string; count: number }[];
  /** Whether a mention is still indexed (not replaced, removed or withdrawn). */
  has(mention: PageMention): boolean;
  /** Reads every document whole now; resolves when done. */
  complete(): Promise<void>;
  rescan(): void;
  whenIdle(): Promise<void>;
  /** Figures added up over the documents, with their count. */
  stats(): ScannerStats & { documents: number };
  stop(): void;
}

/** Starts scanning the top document and, as they are met, its same-origin frames. */
export function startPageEngine(options: PageEngineOptions): PageEngine {
  const topWin = options.win ?? (globalThis.window as unknown as ScannerWindow);
  const maxFrames = options.maxFrames ?? 32;
  const controller = new AbortController();
  const signal = controller.signal;
  if (options.signal.aborted) controller.abort();
  else options.signal.addEventListener('abort', () => controller.abort(), { once: true, signal });

  const documents: PageDocument[] = [];
  const byFrame = new Map<HTMLIFrameElement, { d: PageDocument; stop: AbortController }>();
  const listeners = new Set<(d: PageDocument) => void>();
  const framesSeen = new WeakSet<HTMLIFrameElement>();

  const add = (d: PageDocument): void => {
    documents.push(d);
    for (const listener of listeners) listener(d);
  };

  const start = (
    win: ScannerWindow,
    frame: HTMLIFrameElement | null,
    parent: PageDocument | null,
    stopSignal: AbortSignal,
  ): PageDocument => {
    let self: PageDocument | null = null;
    const scanner = startDocumentScanner({
      ...options,
      win,
      root: win.document.body,
      // The top document's rule ships in the manifest CSS; frames get it adopted.
      injectStyle: frame === null ? options.injectStyle : true,
      signal: stopSignal,
      onFrame: (child) => {
        if (self) watchFrame(child, self);
      },
    });
    self = { scanner, win, frame, parent };
    return self;
  };

  const detach = (frame: HTMLIFrameElement): void => {
    const entry = byFrame.get(frame);
    if (!entry) return;
    byFrame.delete(frame);
    entry.stop.abort();
    const i = documents.indexOf(entry.d);
    if (i >= 0) documents.splice(i, 1);
    // Frames nested in it go with it.
    for (const [nested, e] of byFrame) if (e.d.parent === entry.d) detach(nested);
  };

  /** Scans the frame's document if it is same-origin, now and after each load of the frame. */
  const attach = (frame: HTMLIFrameElement, parent: PageDocument): void => {
    if (signal.aborted || !frame.isConnected) return detach(frame);
    // Only its srcdoc, with nothing to find in it: not worth entering (see quietSrcdoc).
    if (!byFrame.has(frame) && quietSrcdoc(frame, (text) => options.detect(text).length > 0))
      return;
    const doc = sameOriginDocument(frame);
    const current = byFrame.get(frame);
    if (current && current.d.scanner.document === doc) return;
    detach(frame);
    if (!doc || byFrame.size >= maxFrames) return;
    const win = doc.defaultView as unknown as ScannerWindow | null;
    if (!win) return;
    const stop = new AbortController();
    const stopSignal = AbortSignal.any([signal, stop.signal]);
    const d = start(win, frame, parent, stopSignal);
    byFrame.set(frame, { d, stop });
    // The frame navigating away or being removed ends its document (the browser's event only: a
    // page script dispatching `pagehide` on the frame's window must not stop us reading it).
    const onPageHide = (e: Event): void => {
      // Detaching aborts `stopSignal`, which removes this listener.
      if (e.isTrusted) detach(frame);
    };
    win.addEventListener?.('pagehide', onPageHide, { signal: stopSignal });
    add(d);
  };

  // Frames waiting to be attached (in idle time), and frames too small or hidden to read yet.
  const queued = new Map<HTMLIFrameElement, PageDocument>();
  const parked = new Map<HTMLIFrameElement, PageDocument>();
  let idleHandle: number | null = null;

  const drainFrames = (): void => {
    idleHandle = null;
    if (signal.aborted) return;
    for (const [frame, parent] of queued) {
      queued.delete(frame);
      if (!frame.isConnected) continue;
      if (!roomForText(frame)) {
        parked.set(frame, parent);
        continue;
      }
      attach(frame, parent);
      break; // one frame per idle period: each costs a few milliseconds
    }
    if (queued.size > 0) scheduleFrames();
  };

  const scheduleFrames = (): void => {
    if (idleHandle !== null || signal.aborted) return;
    const ric = topWin.requestIdleCallback;
    idleHandle = ric
      ? ric.call(topWin, drainFrames, { timeout: 2000 })
      : topWin.setTimeout(drainFrames, 50);
  };

  const watchFrame = (frame: HTMLIFrameElement, parent: PageDocument): void => {
    if (!framesSeen.has(frame)) {
      framesSeen.add(frame);
      // A load after the first (the frame navigated, or a late src) means a new document.
      frame.addEventListener(
        'load',
        () => {
          queued.set(frame, parent);
          scheduleFrames();
        },
        { signal },
      );
    }
    queued.set(frame, parent);
    scheduleFrames();
  };

  /** Frames parked as too small or hidden get another look (after a resize or a click). */
  const recheckParked = (): void => {
    for (const [frame, parent] of parked) {
      parked.delete(frame);
      if (frame.isConnected) queued.set(frame, parent);
    }
    if (queued.size > 0) scheduleFrames();
  };
  topWin.addEventListener?.('resize', recheckParked, { passive: true, signal });
  topWin.document.addEventListener('click', recheckParked, {
    passive: true,
    capture: true,
    signal,
  });

  const top = start(topWin, null, null, signal);
  documents.push(top);
  signal.addEventListener(
    'abort',
    () => {
      if (idleHandle !== null) {
        topWin.cancelIdleCallback?.(idleHandle);
        topWin.clearTimeout(idleHandle);
      }
      queued.clear();
      parked.clear();
      for (const frame of byFrame.keys()) detach(frame);
      listeners.clear();
    },
    { once: true },
  );

  /** Mentions of `d` with its frames' mentions in place, in reading order. */
  const inOrder = (d: PageDocument): PageMention[] => {
    const own = d.scanner.mentions();
    const frames = [...byFrame.values()]
      .map((e) => e.d)
      .filter((child) => child.parent === d && child.frame);
    if (frames.length === 0) return own;
    // Each frame's mentions go where the frame stands: found by bisection (comparing positions
    // is dear on long pages, see sortInReadingOrder).
    const at = frames.map((child) => {
      let lo = 0;
      let hi = own.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareComposed(own[mid]!.startNode, child.frame!) < 0) lo = mid + 1;
        else hi = mid;
      }
      return { child, index: lo };
    });
    at.sort((a, b) => a.index - b.index || compareComposed(a.child.frame!, b.child.frame!));
    const out: PageMention[] = [];
    let next = 0;
    for (const { child, index } of at) {
      for (; next < index; next++) out.push(own[next]!);
      out.push(...inOrder(child));
    }
    for (; next < own.length; next++) out.push(own[next]!);
    return out;
  };

  const found = (): PageMention[] => documents.flatMap((d) => d.scanner.found());

  const docOf = (mention: PageMention): PageDocument | null => {
    const doc = mention.startNode.ownerDocument;
    return documents.find((d) => d.scanner.document === doc) ?? null;
  };

  return {
    top,
    documents: () => documents,
    onDocument(listener) {
      listeners.add(listener);
      for (const d of documents) listener(d);
      return () => listeners.delete(listener);
    },
    documentOf: (doc) => documents.find((d) => d.scanner.document === doc) ?? null,
    toTop(d, rect) {
      let x = rect.left;
      let y = rect.top;
      for (let at: PageDocument | null = d; at?.frame; at = at.parent) {
        const offset = frameViewportOffset(at.frame);
        x += offset.x;
        y += offset.y;
      }
      return new DOMRect(x, y, rect.width, rect.height);
    },
    mentions: () => inOrder(top),
    found,
    firstOf(symbol) {
      const of = found().filter((m) => m.symbol === symbol);
      if (of.length === 0) return null;
      const doc = of[0]!.startNode.ownerDocument;
      // Within one document, sort only this symbol's mentions; across frames, the whole order.
      if (of.every((m) => m.startNode.ownerDocument === doc)) {
        return sortInReadingOrder(of)[0] ?? null;
      }
      return inOrder(top).find((m) => m.symbol === symbol) ?? null;
    },
    symbols() {
      const counts = new Map<string, number>();
      for (const d of documents) {
        for (const { symbol, count } of d.scanner.symbols()) {
          counts.set(symbol, (counts.get(symbol) ?? 0) + count);
        }
      }
      return [...counts]
        .map(([symbol, count]) => ({ symbol, count }))
        .toSorted(
          (a, b) => b.count - a.count || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0),
        );
    },
    has: (mention) => docOf(mention)?.scanner.has(mention) ?? false,
    async complete() {
      // Completing a document may reveal more frames: repeat until none is added.
      for (let seen = -1; seen !== documents.length;) {
        seen = documents.length;
        await Promise.all(documents.map((d) => d.scanner.complete()));
      }
    },
    rescan() {
      for (const d of documents) d.scanner.rescan();
    },
    async whenIdle() {
      await Promise.all(documents.map((d) => d.scanner.whenIdle()));
    },
    stats() {
      const all = documents.map((d) => d.scanner.stats());
      const first = all[0]!;
      const total = { ...first, documents: all.length };
      for (const s of all.slice(1)) {
        total.slices += s.slices;
        total.busyMs += s.busyMs;
        total.longestSliceMs = Math.max(total.longestSliceMs, s.longestSliceMs);
        total.chars += s.chars;
        total.textNodes += s.textNodes;
        total.detectorCalls += s.detectorCalls;
        total.mentions += s.mentions;
        total.highlighted += s.highlighted;
        total.mutationRecords += s.mutationRecords;
        total.mutationDrains += s.mutationDrains;
        total.mutationOverflows += s.mutationOverflows;
        total.hiddenSkipped += s.hiddenSkipped;
        total.trees += s.trees;
        total.regions += s.regions;
        total.idle &&= s.idle;
      }
      return total;
    },
    stop: () => controller.abort(),
  };
}
