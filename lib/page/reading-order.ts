/**
 * Reading order across shadow trees: a shadow tree's text stands where its host stands, as the
 * reader sees it (DOM order alone does not compare nodes of different trees).
 */

import type { PageMention } from './mention-index';

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

/** Orders mentions in reading order. */
export function inReadingOrder(a: PageMention, b: PageMention): number {
  if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
  return compareComposed(a.startNode, b.startNode);
}

/** Below this many mentions, comparing pairs is cheaper than one walk of the document. */
const WALK_FROM = 200;

/**
 * `mentions` sorted in reading order. Comparing two nodes' document position costs Chromium time
 * in proportion to their index among their common parent's children (it scans the children from
 * the first), so sorting the mentions of a long flat page pair by pair took 2 s on a 10 MB page;
 * here one walk of the document (shadow trees where their hosts stand) numbers the text nodes that
 * hold mentions and the sort compares numbers. A node the walk does not meet (no longer in the
 * document) goes by the pairwise order, after the others.
 */
export function sortInReadingOrder(mentions: readonly PageMention[]): PageMention[] {
  if (mentions.length < WALK_FROM) return mentions.toSorted(inReadingOrder);
  const wanted = new Set<Node>();
  for (const m of mentions) wanted.add(m.startNode);
  const doc = mentions[0]!.startNode.ownerDocument;
  const position = new Map<Node, number>();
  if (doc) numberTextNodes(doc, wanted, position);
  return mentions.toSorted((a, b) => {
    const pa = position.get(a.startNode);
    const pb = position.get(b.startNode);
    if (pa === undefined || pb === undefined) {
      if (pa !== undefined) return -1;
      if (pb !== undefined) return 1;
      return inReadingOrder(a, b);
    }
    return pa - pb || a.startOffset - b.startOffset;
  });
}

/** Numbers the `wanted` text nodes under `root` in reading order, open shadow trees included. */
function numberTextNodes(root: Node, wanted: ReadonlySet<Node>, position: Map<Node, number>): void {
  const doc = root.ownerDocument ?? (root as Document);
  // SHOW_ELEMENT | SHOW_TEXT
  const walker = doc.createTreeWalker(root, 0x1 | 0x4);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      if (wanted.has(node)) position.set(node, position.size);
      if (position.size === wanted.size) return;
    } else if (node.nodeType === 1) {
      // A shadow tree stands where its host stands, before the host's own children.
      const shadow = (node as Element).shadowRoot;
      if (shadow) numberTextNodes(shadow, wanted, position);
    }
  }
}
