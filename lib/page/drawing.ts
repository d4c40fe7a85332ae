/**
 * Which mentions are underlined. All of them while the page has at most `maxDrawn` mentions,
 * which is nearly every page; beyond that, only those near the viewport: Chromium re-checks every
 * range of a highlight on each change to it, so a highlight holding every mention of a long page
 * would make each update cost hundreds of milliseconds (see visible-window.ts).
 *
 * Near the viewport is found two ways: after scrolling settles, from caret probes
 * ({@link Drawing.refresh}); for text a page changes (a live ticker, an infinite feed), from an
 * IntersectionObserver on the changed subtree ({@link Drawing.drawIfNear}), which answers at the
 * next rendering step without forcing a layout or a round of hit-tests on every change.
 */

import type { Highlighter } from './highlighter';
import type { MentionIndex, MentionRecord } from './mention-index';
import { visitTextAround, type ProbeHit } from './visible-window';

/** Most changed subtrees waiting at once to hear whether they are near the viewport. */
const MAX_WATCHED = 500;

const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

export interface DrawingOptions {
  win: { innerHeight: number; IntersectionObserver?: typeof IntersectionObserver };
  doc: Document;
  highlighter: Highlighter;
  index: MentionIndex;
  maxDrawn: number;
  /** The root of the scanned tree a node belongs to (the body, or a shadow root). */
  treeRootOf(node: Node): Node;
  /** Ask for a round of probes soon (`quietMs` after scrolling settles; 0: now). */
  requestRefresh(quietMs?: number): void;
}

export interface Drawing {
  /** Only the mentions near the viewport are drawn (the page has more than `maxDrawn`). */
  readonly nearOnly: boolean;
  /** Number of mentions drawn. */
  readonly size: number;
  /** A mention entered the index: drawn now while all are drawn. */
  added(m: MentionRecord): void;
  /** A mention left the index: its underline goes. */
  removed(m: MentionRecord): void;
  /**
   * Draws the mentions near the probe hits and erases the others, as one batch of highlight
   * changes (one frame of work for the browser). Does nothing when all are drawn, or when no
   * text is under the probes (the page is scrolled to an image).
   */
  refresh(hits: readonly ProbeHit[]): void;
  /** Draws `found` (mentions of a changed subtree) once the subtree is near the viewport. */
  drawIfNear(subtree: Node, found: readonly MentionRecord[]): void;
  /** Back to drawing all (the page is read again from scratch). */
  reset(): void;
  dispose(): void;
}

/** Creates the drawing state of one document; see the module comment. */
export function createDrawing(options: DrawingOptions): Drawing {
  const { win, doc, highlighter, index, maxDrawn } = options;
  const drawn = new Set<MentionRecord>();
  let nearOnly = false;

  const draw = (m: MentionRecord): void => {
    if (drawn.has(m)) return;
    drawn.add(m);
    // A `::highlight()` rule does not reach into a shadow tree: the root adopts it (once).
    const root = m.startNode.getRootNode();
    if (root.nodeType !== DOCUMENT_NODE) highlighter.styleShadowRoot(root as ShadowRoot);
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

  const watched = new Map<Element, MentionRecord[]>();
  let nearObserver: IntersectionObserver | null = null;

  const drawNear = (found: readonly MentionRecord[]): void => {
    for (const m of found) {
      if (drawn.size >= maxDrawn) {
        // Full of mentions drawn earlier, some perhaps far by now: choose again from the probes.
        options.requestRefresh();
        break;
      }
      if (index.has(m)) draw(m);
    }
  };

  return {
    get nearOnly() {
      return nearOnly;
    },
    get size() {
      return drawn.size;
    },
    added(m) {
      if (!highlighter.supported) return;
      if (!nearOnly && index.size > maxDrawn) {
        // Too many to draw them all: from now on, only those near the viewport.
        nearOnly = true;
        options.requestRefresh(0);
      }
      if (!nearOnly) draw(m);
    },
    removed: undraw,
    refresh(hits) {
      if (!highlighter.supported || !nearOnly || hits.length === 0) return;
      const want = new Set<MentionRecord>();
      const visited = new Set<Text>();
      const span = Math.max(2000, win.innerHeight * 6);
      for (const seed of hits) {
        if (visited.has(seed.node)) continue;
        const root = options.treeRootOf(seed.node);
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
      for (const m of want) draw(m);
    },
    drawIfNear(subtree, found) {
      if (found.length === 0 || !highlighter.supported || !nearOnly) return;
      const target = subtree.nodeType === TEXT_NODE ? subtree.parentElement : (subtree as Element);
      const IO = win.IntersectionObserver;
      if (!IO || !target) {
        options.requestRefresh(50);
        return;
      }
      const pending = watched.get(target);
      if (pending) {
        pending.push(...found);
        return;
      }
      if (watched.size >= MAX_WATCHED) {
        options.requestRefresh(50);
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
      watched.set(target, [...found]);
      nearObserver.observe(target);
    },
    reset() {
      nearOnly = false;
    },
    dispose() {
      nearObserver?.disconnect();
      watched.clear();
      drawn.clear();
    },
  };
}
