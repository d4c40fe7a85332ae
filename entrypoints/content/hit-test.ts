/**
 * Which text is under the pointer, without any element of ours on the page: the browser's caret
 * hit-testing gives the text node and offset at a point, and the candidate mention's own client
 * rectangles confirm the point is really on it (the caret API snaps to the nearest text, so a
 * pointer in the margin beside a line would otherwise count).
 */

/** A text position: node and UTF-16 offset. */
export interface CaretPoint {
  node: Node;
  offset: number;
}

/** The document methods the hit test may use (both optional: browsers have one or the other). */
export type CaretDocument = {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * The caret position at viewport point (x, y) in CSS pixels, via `caretPositionFromPoint`
 * (standard; Chrome 128+, Firefox) or `caretRangeFromPoint` (WebKit, older Chrome).
 * Returns null off-document or where neither API exists.
 */
export function caretAt(doc: CaretDocument, x: number, y: number): CaretPoint | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** A rectangle as returned by `getClientRects`. */
export type RectLike = Pick<DOMRectReadOnly, 'left' | 'top' | 'right' | 'bottom'>;

/**
 * The first rectangle containing (x, y), allowing `slop` CSS pixels around it (sub-pixel
 * rounding at line edges), or null.
 */
export function rectAt<R extends RectLike>(
  rects: ArrayLike<R>,
  x: number,
  y: number,
  slop = 1,
): R | null {
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) {
      return r;
    }
  }
  return null;
}
