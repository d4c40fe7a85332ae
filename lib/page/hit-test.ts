/**
 * Which text is under the pointer, without any element of ours on the page: the browser's caret
 * hit-testing gives the text node and offset at a point, and the candidate mention's own client
 * rectangles confirm the point is really on it (the caret API snaps to the nearest text, so a
 * pointer in the margin beside a line would otherwise count).
 *
 * Open shadow trees: the caret API stops at a shadow host unless it is given the shadow roots to
 * enter (`caretPositionFromPoint(x, y, { shadowRoots })`). The roots on the path to the point are
 * found by descending with each root's own `elementFromPoint`, so only those few are passed;
 * where the browser ignores the option, the caller falls back to the text inside the deepest
 * element under the point.
 */

/** A text position: node and UTF-16 offset. */
export interface CaretPoint {
  node: Node;
  offset: number;
}

/** The document methods the hit test may use (browsers have one or both caret APIs). */
export type CaretDocument = {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
  elementFromPoint?: (x: number, y: number) => Element | null;
};

/**
 * The element under viewport point (x, y), descending into open shadow roots, and the shadow
 * roots passed on the way (outermost first). Null element off-document.
 */
export function deepElementAt(
  doc: CaretDocument,
  x: number,
  y: number,
): { element: Element | null; roots: ShadowRoot[] } {
  const roots: ShadowRoot[] = [];
  let el = typeof doc.elementFromPoint === 'function' ? doc.elementFromPoint(x, y) : null;
  for (let depth = 0; el && depth < 32; depth++) {
    const root = el.shadowRoot;
    if (!root || roots.includes(root)) break;
    const inner = root.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    roots.push(root);
    el = inner;
  }
  return { element: el, roots };
}

/**
 * The caret position at viewport point (x, y) in CSS pixels, via `caretPositionFromPoint`
 * (standard) or `caretRangeFromPoint` (WebKit, older Chrome), entering the given open shadow
 * roots where the browser supports it. Returns null off-document or where neither API exists.
 */
export function caretAt(
  doc: CaretDocument,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): CaretPoint | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos =
      shadowRoots.length > 0
        ? doc.caretPositionFromPoint(x, y, { shadowRoots })
        : doc.caretPositionFromPoint(x, y);
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
