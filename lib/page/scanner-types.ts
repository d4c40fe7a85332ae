/**
 * The page scanner's public types: what it is given (the detector, the window, the options) and
 * what it answers (mentions, hits, figures). See document-scanner.ts.
 */

import type { MentionStrength } from '../detect/mention';
import type { HighlightWindow } from './highlighter';
import type { CaretDocument } from './hit-test';
import type { PageMention } from './mention-index';
import type { SliceWindow } from './slice-runner';

export type { PageMention } from './mention-index';

/** One mention in a string, as the detector returns it (UTF-16 offsets, end exclusive). */
export interface DetectedMention {
  start: number;
  end: number;
  symbol: string;
  kind: string;
  /**
   * What the mention says about its symbol in the whole document, when the detector runs in
   * evidence mode (see {@link DocumentScannerOptions.evidence}); absent means `strong`.
   */
  strength?: MentionStrength;
}

/** The detector, injected: `findMentions(text, dictionary)` with the dictionary bound. */
export type Detector = (text: string) => readonly DetectedMention[];

/** The browser globals the scanner uses (the document's own `window` by default). */
export type ScannerWindow = SliceWindow &
  HighlightWindow & {
    document: Document & CaretDocument;
    MutationObserver: typeof MutationObserver;
    innerWidth: number;
    innerHeight: number;
    scrollX?: number;
    scrollY?: number;
    addEventListener?: Window['addEventListener'];
    IntersectionObserver?: typeof IntersectionObserver;
    getComputedStyle?: Window['getComputedStyle'];
  };

export interface DocumentScannerOptions {
  /** Subtree to scan and observe. Default: `document.body`. */
  root?: Node;
  detect: Detector;
  /** Aborting stops everything: observers, pending slices, listeners, highlights. */
  signal: AbortSignal;
  /** Name of the CSS highlight (and `::highlight()` selector). Default `r2k-lens-mention`. */
  highlightName?: string;
  /**
   * Maps a link's absolute URL to the symbol of the quote page it points to, or null. Links
   * that map make a `link` mention over their text (see link-mentions.ts).
   */
  linkToSymbol?: (href: string) => string | null | undefined;
  /**
   * A cheap test of a link's href as written (before it is resolved to an absolute URL): links
   * that fail it are not passed to {@link DocumentScannerOptions.linkToSymbol}. Default: all pass.
   */
  mayBeQuoteLink?: (rawHref: string) => boolean;
  win?: ScannerWindow;
  /** Time budget of one slice, ms. Default 5. */
  sliceBudgetMs?: number;
  /** Characters handed to the detector per call (a slice runs whole chunks). Default 2000. */
  chunkChars?: number;
  /** Longest wait for an idle period, ms. Default 300. */
  idleTimeoutMs?: number;
  /** Overrides the hidden-element test (tests; the default uses `checkVisibility`). */
  isHidden?: (el: Element) => boolean;
  /**
   * An element's computed `display`, to keep glued text apart where it lays out in separate
   * boxes (text-boundary.ts). Default: the window's `getComputedStyle`; null turns it off.
   */
  displayOf?: ((el: Element) => string) | null;
  /**
   * Whether to inject the document's `::highlight()` rule (default true). The content script
   * passes false for the top document, whose rule ships in the manifest CSS: adding a
   * stylesheet to a loaded page makes Chrome recompute the style of every element.
   */
  injectStyle?: boolean;
  /** Most mentions drawn at once; beyond it, the ones nearest the viewport. Default 400. */
  maxDrawn?: number;
  /**
   * Characters the frontier reads before it waits for the reader to scroll near the rest.
   * Default 64,000; Infinity reads everything at once.
   */
  eagerChars?: number;
  /** Characters read each time the reader comes near the unread part. Default 64,000. */
  resumeChars?: number;
  /** Characters read around on-screen text the frontier has not reached. Default 16,000. */
  regionChars?: number;
  /** Characters of the first frontier slices run without waiting for idle time. Default 12,000. */
  urgentChars?: number;
  /** Called with each `<iframe>` met in scanned text (the page engine scans same-origin ones). */
  onFrame?: (frame: HTMLIFrameElement) => void;
  /**
   * Decide mentions with evidence from the whole document ("one sense per discourse",
   * lib/detect/document-evidence.ts): the detector reports each mention's strength, and a
   * doubtful one is shown only once the page names its symbol strongly somewhere (a cashtag, an
   * exchange prefix, a quote link...), a plain one is withdrawn where the page says the letters
   * mean something else. A mention may be promoted or withdrawn as more text is read; a hover
   * never opens a withdrawn one. Default false (every mention the detector reports is shown).
   */
  evidence?: boolean;
}

/** Figures for benchmarks and diagnostics. */
export interface ScannerStats {
  slices: number;
  /** Main-thread time spent in the scanner's slices, ms. */
  busyMs: number;
  longestSliceMs: number;
  /** Text characters handed to the detector. */
  chars: number;
  textNodes: number;
  detectorCalls: number;
  mentions: number;
  highlighted: number;
  highlightSupported: boolean;
  styleMode: 'adopted' | 'style' | 'none';
  mutationRecords: number;
  mutationDrains: number;
  mutationOverflows: number;
  hiddenSkipped: number;
  /** Trees scanned: the document's own and each open shadow root. */
  trees: number;
  /** Regions scanned around on-screen text ahead of the frontier. */
  regions: number;
  /** `done` once the frontier has read the whole document; `paused` while it waits for scrolling. */
  frontier: 'running' | 'paused' | 'done';
  /** True when nothing is queued or running. */
  idle: boolean;
}

/** A hit: the mention under a point and the rectangle (line fragment) containing the point. */
export interface MentionHit {
  mention: PageMention;
  rect: DOMRect;
}

export interface DocumentScanner {
  /** The scanned document. */
  readonly document: Document;
  /** The mention under viewport point (x, y) in CSS pixels, or null. */
  mentionAt(x: number, y: number): PageMention | null;
  /** Like {@link DocumentScanner.mentionAt}, with the rectangle under the point (to place a card). */
  hitAt(x: number, y: number): MentionHit | null;
  /** The link mention of a focused `<a>` (keyboard access), or null. */
  mentionForElement(el: Element): PageMention | null;
  /** Every mention found so far, in reading order (shadow trees in place of their hosts). */
  mentions(): PageMention[];
  /** Distinct symbols with their mention counts, most mentioned first. */
  symbols(): { symbol: string; count: number }[];
  /** Whether `mention` is still on the page's index (not replaced or removed since). */
  has(mention: PageMention): boolean;
  /** Reads the rest of the document now (popup list, keyboard navigation); resolves when done. */
  complete(): Promise<void>;
  /** Scans the whole document again from scratch (e.g. settings changed). */
  rescan(): void;
  /** Stops scanning and removes every underline (same as aborting `signal`). */
  stop(): void;
  /** Resolves when nothing is queued or running (immediately after stop). */
  whenIdle(): Promise<void>;
  stats(): ScannerStats;
}
