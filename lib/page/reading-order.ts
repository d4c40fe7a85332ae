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
