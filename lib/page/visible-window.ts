/**
 * What text is on screen, cheaply: caret hit-tests at a grid of viewport points give text nodes
 * that are certainly visible (a couple of microseconds each on a laid-out page), and a short
 * TreeWalker walk around each gives the text just above and below.
 *
 * Used twice: to scan the visible part of the page first, and to keep the set of drawn
 * highlights down to the mentions near the viewport. Chrome re-validates every range of every
 * highlight on each change to any of them (and whenever the DOM or style changes), so a
 * highlight holding every mention of a long page makes each update cost hundreds of
 * milliseconds; a few hundred ranges near the viewport keep it to one cheap frame.
 */

import { caretAt, deepElementAt, type CaretDocument } from './hit-test';

const TEXT_NODE = 3;
const SHOW_TEXT = 0x4;

/** Viewport size, in CSS pixels. */
export type ViewportWindow = { innerWidth: number; innerHeight: number };

/** A text node on screen and the caret offset in it under the first probe that hit it. */
export interface ProbeHit {
  node: Text;
  offset: number;
}

/**
 * Text nodes under the probe points of a `cols` × `rows` grid over the viewport (entering open
 * shadow roots), without duplicates, in probe order (row by row, top first), each with the caret
 * offset there; only nodes for which `accept` returns true.
 */
export function probeViewport(
  doc: CaretDocument,
  win: ViewportWindow,
  accept: (node: Text) => boolean,
  cols = 4,
  rows = 4,
): ProbeHit[] {
  const w = win.innerWidth;
  const h = win.innerHeight;
  const out: ProbeHit[] = [];
  if (!(w > 0 && h > 0)) return out;
  const seen = new Set<Node>();
  for (let r = 0; r < rows; r++) {
    const y = (h * (r + 0.5)) / rows;
    for (let c = 0; c < cols; c++) {
      const x = (w * (c + 0.5)) / cols;
      const caret = caretAt(doc, x, y, deepElementAt(doc, x, y).roots);
      const node = caret?.node;
      if (!caret || !node || node.nodeType !== TEXT_NODE || seen.has(node)) continue;
      seen.add(node);
      if (accept(node as Text)) out.push({ node: node as Text, offset: caret.offset });
    }
  }
  return out;
}

/** Which part of a visited node lies in the window: [from, to) in UTF-16 offsets. */
export interface VisitedPart {
  from: number;
  to: number;
}

/**
 * Visits the text around `seed` (at `seedOffset`) in document order: back up to `charsBefore`
 * characters, then forward up to `charsAfter`, telling `visit` which part of each node is in that
 * window (all of it but for the ends: a single text node can hold megabytes). Stops early when
 * `visit` returns false. Nodes in `visited` are not visited again (and are added to it), so
 * overlapping windows cost nothing.
 */
export function visitTextAround(
  seed: Text,
  seedOffset: number,
  root: Node,
  doc: Document,
  charsBefore: number,
  charsAfter: number,
  visited: Set<Text>,
  visit: (node: Text, part: VisitedPart) => boolean,
): void {
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  walker.currentNode = seed;
  // Find the first node of the window, going back.
  let first: Node = seed;
  let firstFrom = Math.max(0, seedOffset - charsBefore);
  let back = seedOffset;
  for (let n = walker.previousNode(); n && back < charsBefore; n = walker.previousNode()) {
    const length = (n as Text).data.length;
    first = n;
    firstFrom = Math.max(0, length - (charsBefore - back));
    back += length;
  }
  walker.currentNode = first;
  let ahead = -seedOffset;
  let passedSeed = false;
  for (let n: Node | null = first; n; n = walker.nextNode()) {
    const t = n as Text;
    const length = t.data.length;
    if (t === seed) passedSeed = true;
    const from = t === first ? firstFrom : 0;
    const to = passedSeed ? Math.min(length, charsAfter - ahead) : length;
    if (!visited.has(t)) {
      visited.add(t);
      if (!visit(t, { from, to })) return;
    }
    if (passedSeed) {
      ahead += length;
      if (ahead >= charsAfter) return;
    }
  }
}
