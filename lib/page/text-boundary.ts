/**
 * Whether two pieces of text that touch in the source are separate words on screen.
 *
 * Markup often glues text with no whitespace between elements and lets CSS lay the pieces out
 * apart: a market strip `<a><span>S&P 500</span><span>6,032.38</span></a>` whose `<a>` is a flex
 * container, ticker chips that are inline blocks. Read as written, that is "S&P 5006,032.38" and
 * the index name is lost. Ordinary inline markup (`$<b>AAPL</b>`, `<a>KTOS</a>)`) lays out as one
 * line of text and must stay joined. The difference is only in the computed layout, so it is
 * asked of the browser, and only where two text nodes touch without whitespace across an element
 * boundary (rare in prose, so the style lookups are few).
 */

const ELEMENT_NODE = 1;

/** Displays whose children are laid out as separate boxes (flex and grid items). */
const ITEM_CONTAINERS: ReadonlySet<string> = new Set([
  'flex',
  'inline-flex',
  'grid',
  'inline-grid',
]);

/** Displays that keep an element in the line as text (no box boundary of its own). */
const IN_LINE: ReadonlySet<string> = new Set(['inline', 'contents', '']);

/**
 * Whether text nodes `a` and `b`, adjacent in reading order with no whitespace between them, lay
 * out as separate boxes: their nearest common ancestor is a flex or grid container (so each is in
 * its own item), or an element between either of them and that ancestor is not an inline box
 * (inline-block, block, table cell...). `displayOf` returns an element's computed `display`.
 */
export function laidOutApart(a: Text, b: Text, displayOf: (el: Element) => string): boolean {
  const above = new Set<Node>();
  for (let n: Node | null = a.parentNode; n; n = n.parentNode) above.add(n);
  let common: Node | null = b.parentNode;
  while (common && !above.has(common)) common = common.parentNode;
  if (!common) return true; // different trees
  if (common.nodeType === ELEMENT_NODE && ITEM_CONTAINERS.has(displayOf(common as Element))) {
    return true;
  }
  return hasOwnBox(a, common, displayOf) || hasOwnBox(b, common, displayOf);
}

/** Whether an element between `node` and `stop` (exclusive) is laid out as a box of its own. */
function hasOwnBox(node: Node, stop: Node, displayOf: (el: Element) => string): boolean {
  for (let n = node.parentNode; n && n !== stop; n = n.parentNode) {
    if (n.nodeType === ELEMENT_NODE && !IN_LINE.has(displayOf(n as Element))) return true;
  }
  return false;
}

/** Whether `text` ends in a character that is not whitespace. */
export function endsInWord(text: string): boolean {
  return text.length > 0 && !isSpaceCode(text.charCodeAt(text.length - 1));
}

/** Whether `text` starts at `from` with a character that is not whitespace. */
export function startsWithWord(text: string, from = 0): boolean {
  return from < text.length && !isSpaceCode(text.charCodeAt(from));
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
}
