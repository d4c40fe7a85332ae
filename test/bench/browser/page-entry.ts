/**
 * What the benchmark injects into the page (bundled to an IIFE by run.ts): the real scanner, the
 * shipped detector (`findMentions` and its dictionary, quote-link mapping) and a dictionary-regex
 * detector, the same regex mark.js is given, for a like-for-like comparison.
 */

import {
  startDocumentScanner,
  type DetectedMention,
  type Detector,
} from '../../../lib/page/document-scanner';
import { TextCursor } from '../../../lib/page/text-cursor';
import { findMentions } from '../../../lib/detect/find-mentions';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';
import { mayBeQuoteUrl, symbolFromQuoteUrl } from '../../../lib/detect/quote-links';

/** The API the benchmark calls from `page.evaluate`. */
export interface BenchApi {
  startDocumentScanner: typeof startDocumentScanner;
  /** Detector from a regex source: group 1 = cashtag symbol, group 2 = bare symbol. */
  regexDetector(source: string): Detector;
  /** The shipped detector: `findMentions` with the shipped dictionary (decoded on first use). */
  realDetector(): Detector;
  /** The shipped quote-link mapping. */
  linkToSymbol(href: string): string | undefined;
  /** The shipped pre-test of a link's href as written. */
  mayBeQuoteLink(rawHref: string): boolean;
  /**
   * The scanner's walk alone: its TextCursor handing out every chunk of the page (skip rules,
   * visibility checks, runs joined), with no detection, indexing or drawing.
   */
  walkOnly(chunkChars?: number): { ms: number; chars: number; chunks: number };
  /** Wraps a detector to add up the time spent inside it. */
  timed(detect: Detector): { detect: Detector; ms: () => number; reset: () => void };
}

declare global {
  interface Window {
    r2kBench: BenchApi;
  }
}

window.r2kBench = {
  startDocumentScanner,
  regexDetector(source) {
    const re = new RegExp(source, 'g');
    return (text) => {
      const out: DetectedMention[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const cashtag = m[1];
        out.push({
          start: m.index,
          end: m.index + m[0].length,
          symbol: (cashtag ?? m[2] ?? '').toUpperCase(),
          kind: cashtag ? 'cashtag' : 'bare',
        });
      }
      return out;
    };
  },
  realDetector() {
    const dictionary = loadSymbolDictionary();
    return (text) => findMentions(text, dictionary);
  },
  mayBeQuoteLink: mayBeQuoteUrl,
  linkToSymbol(href) {
    return symbolFromQuoteUrl(href, loadSymbolDictionary());
  },
  walkOnly(chunkChars = 2000) {
    const t0 = performance.now();
    const cursor = new TextCursor(document.body, document, {});
    let chars = 0;
    let chunks = 0;
    for (let c = cursor.nextChunk({ maxChars: chunkChars }); c;) {
      chars += c.chars;
      chunks++;
      c = cursor.nextChunk({ maxChars: chunkChars });
    }
    return { ms: performance.now() - t0, chars, chunks };
  },
  timed(detect) {
    let total = 0;
    return {
      detect: (text) => {
        const t0 = performance.now();
        const out = detect(text);
        total += performance.now() - t0;
        return out;
      },
      ms: () => total,
      reset: () => {
        total = 0;
      },
    };
  },
};
