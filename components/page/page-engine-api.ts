/**
 * The contract between the content script (small, on every page) and the page-engine chunk
 * (`page-engine.js`: the scanner, the detector and the symbol dictionary), which the content
 * script imports as an ES module. A module is compiled by the browser off the main thread while
 * it streams in; the same code in the content script itself would be compiled on the page's main
 * thread on every load (about 7 ms for it, measured: see README, Performance). Types only, plus
 * the chunk's file name, so the content script bundle pulls in none of the engine's code.
 */
import type { CompanyMatcher } from '../../lib/detect/company-matcher';
import type { HoverTracker } from '../../lib/page/hover-tracker';
import type { MentionNavigator } from '../../lib/page/mention-navigator';
import type { PageMention } from '../../lib/page/mention-index';
import type { PageEngine } from '../../lib/page/page-engine';

/** File name of the page-engine chunk in the built extension (a web-accessible ES module). */
export const PAGE_ENGINE_CHUNK_FILE = 'page-engine.js';

export interface LensOptions {
  /** Mention kinds to keep (the detection sensitivity); the detector reports all it finds. */
  kinds: ReadonlySet<string>;
  /** Company-name matcher (from the company-names chunk) when company names are on. */
  companies?: CompanyMatcher;
  /** Ends the scan, the observers, the listeners and the underlines. */
  signal: AbortSignal;
  /**
   * The card opens for `mention`; `anchor()` says where the mention is now (top document viewport
   * coordinates, followed as the page scrolls; null once it is gone). `openedBy` is `keyboard`
   * when the shortcut moved to it.
   */
  onEnter(
    mention: PageMention,
    anchor: () => DOMRect | null,
    openedBy: 'pointer' | 'keyboard',
  ): void;
  onLeave(): void;
  /**
   * The pointer came to rest on a mention: the card may start loading its data, and draw itself
   * hidden at `anchor`, so it only has to be shown when the open delay ends.
   */
  onIntent?(mention: PageMention, anchor: () => DOMRect | null): void;
  /** Enter on the card the shortcut opened: move focus into it. */
  onActivate?(): void;
}

/** A running scan of the page and the hover tracking over it. */
export interface Lens {
  engine: PageEngine;
  hover: HoverTracker;
  /** The keyboard shortcut's walk through the mentions. */
  navigator: MentionNavigator;
}

/** What the chunk exports. */
export interface PageEngineModule {
  startLens(options: LensOptions): Lens;
}
