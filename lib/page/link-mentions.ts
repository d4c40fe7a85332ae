/**
 * Quote links as mentions: a link whose href is a quote page (`/quote/KTOS`) names its symbol
 * over the link's own text, a strong signal whatever the text says.
 */

import { MentionRecord } from './mention-index';
import { textNodesOf } from './text-cursor';

/** Longest link text (characters, trimmed) that becomes a `link` mention. */
export const MAX_LINK_CHARS = 80;

const TEXT_NODE = 3;

export interface LinkReaderOptions {
  doc: Document;
  /** Maps a link's absolute URL to the symbol of the quote page it points to, or null. */
  linkToSymbol: (href: string) => string | null | undefined;
  /** A cheap test of an href as written; links that fail it are not resolved. Default: all pass. */
  mayBeQuoteLink?: (rawHref: string) => boolean;
}

/** Reads links into mentions; see {@link createLinkReader}. */
export interface LinkReader {
  /**
   * The `link` mention of `a` (over its text, trimmed, at most {@link MAX_LINK_CHARS}
   * characters), or null when it is not a quote link or its text is too long to be a name.
   */
  mentionOf(a: HTMLAnchorElement, pass: number): MentionRecord | null;
}

/**
 * A link reader for one document. Navigation, sidebars and quote tables repeat the same links,
 * so each href is mapped once, keyed by the attribute as written (reading `a.href` resolves a URL
 * each time), for one base URL; the cache is bounded.
 */
export function createLinkReader(options: LinkReaderOptions): LinkReader {
  const { doc, linkToSymbol, mayBeQuoteLink } = options;
  const cache = new Map<string, string | null>();
  let cacheBase = '';

  const symbolOf = (a: HTMLAnchorElement): string | null => {
    const raw = a.getAttribute('href');
    if (raw === null || (mayBeQuoteLink && !mayBeQuoteLink(raw))) return null;
    const base = doc.baseURI;
    if (base !== cacheBase) {
      cache.clear();
      cacheBase = base;
    }
    let symbol = cache.get(raw);
    if (symbol !== undefined) return symbol;
    try {
      symbol = linkToSymbol(a.href) ?? null;
    } catch {
      symbol = null;
    }
    if (cache.size >= 10_000) cache.clear();
    cache.set(raw, symbol);
    return symbol;
  };

  return {
    mentionOf(a, pass) {
      const symbol = symbolOf(a);
      if (!symbol) return null;
      // Most quote links hold one text node (`<a href>KTOS</a>`): no walker needed.
      const only = a.firstChild;
      const nodes =
        only && only === a.lastChild && only.nodeType === TEXT_NODE
          ? [only as Text]
          : textNodesOf(a, doc, MAX_LINK_CHARS * 2);
      // Trim surrounding whitespace so the underline covers just the words.
      let first = 0;
      while (first < nodes.length && nodes[first]!.data.trim() === '') first++;
      let last = nodes.length - 1;
      while (last > first && nodes[last]!.data.trim() === '') last--;
      if (first >= nodes.length) return null;
      const covered = nodes.slice(first, last + 1);
      const startNode = covered[0]!;
      const endNode = covered[covered.length - 1]!;
      const startOffset = startNode.data.length - startNode.data.trimStart().length;
      const endOffset = endNode.data.trimEnd().length;
      let length = 0;
      for (const n of covered) length += n.data.length;
      length -= startOffset + (endNode.data.length - endOffset);
      if (length > MAX_LINK_CHARS || length <= 0) return null;
      return new MentionRecord(
        symbol,
        'link',
        startNode,
        startOffset,
        endNode,
        endOffset,
        a,
        covered.length === 1 ? null : covered,
        pass,
      );
    },
  };
}
