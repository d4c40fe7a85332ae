/**
 * The mention under a point: the caret at the point gives the text node and offset, and the
 * mention's own rectangles confirm the point is on it (see hit-test.ts for why both).
 */

import { caretAt, deepElementAt, rectAt } from './hit-test';
import type { MentionIndex } from './mention-index';
import type { MentionHit } from './scanner-types';

const TEXT_NODE = 3;

export interface HitCallbacks {
  /** Called for each shadow root on the path to the point, before the caret is asked. */
  meetRoot(root: ShadowRoot): void;
  /** Called with the text under the point when the index knows nothing of it (not read yet). */
  unread(node: Text): void;
}

export function mentionHitAt(
  doc: Document,
  x: number,
  y: number,
  index: MentionIndex,
  on: HitCallbacks,
): MentionHit | null {
  const { element, roots } = deepElementAt(doc, x, y);
  for (const root of roots) on.meetRoot(root);
  const caret = caretAt(doc, x, y, roots);
  if (caret && caret.node.nodeType === TEXT_NODE) {
    const node = caret.node as Text;
    for (const m of index.at(node, caret.offset)) {
      const rect = rectAt(m.rects(), x, y);
      if (rect) return { mention: m, rect };
    }
    if (!index.hasNode(node)) on.unread(node);
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
}
