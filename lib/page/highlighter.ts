/**
 * Underlines mentions with the CSS Custom Highlight API, which paints over text ranges without
 * adding a single node to the page (so React/Vue hydration, page scripts and selectors see the
 * DOM exactly as the site built it).
 *
 * - Ranges: `StaticRange` where available. A live `Range` is updated by the browser on every DOM
 *   mutation, and thousands of them make every mutation of the page slower; static ranges cost
 *   nothing until painted. The scanner re-scans changed text (mutation queue) and replaces the
 *   ranges there, so a static range is never stale for long.
 * - Style: the `::highlight(name)` rule. For the top document it ships in the content script's
 *   manifest CSS (`injectStyle: false`), which the browser applies before the page is parsed.
 *   A `::highlight()` rule does not reach into a shadow tree, so each shadow root with mentions
 *   adopts one shared constructed stylesheet holding just that rule (no node in its tree); where
 *   adoption is refused (Firefox content scripts cannot adopt a sheet built in their own
 *   compartment), one `<style>` element instead.
 * - The registry (`CSS.highlights`) and our `Highlight` in it are shared with the page, which can
 *   read, delete or replace the entry and clear or add to its ranges. The highlighter keeps its
 *   own set of the ranges it drew, and {@link Highlighter.verify} (called by the scanner when the
 *   pointer moves, the page scrolls or changes: two lookups, no polling) puts the entry and its
 *   ranges back; our own index, not the registry, decides what a hover opens.
 * - Fallback: where `CSS.highlights` / `Highlight` are missing (Firefox before 140, old
 *   Safari), nothing is drawn; mentions are still found, counted and hit-tested, so hover cards
 *   still open. Drawing our own underline would mean inserting nodes, which this design rules out.
 */

import { OWN_UI_ATTRIBUTE } from './element-rules';

/** Default highlight name (also the `::highlight()` selector). */
export const DEFAULT_HIGHLIGHT_NAME = 'r2k-lens-mention';

/** The underline rule for a highlight name. */
export function highlightCss(name: string): string {
  return (
    `::highlight(${name}) {` +
    ' text-decoration: underline dotted rgba(37, 99, 235, 0.85);' +
    ' text-decoration-thickness: 1.5px;' +
    ' }'
  );
}

/** Draws and erases mention underlines. */
export interface Highlighter {
  /** Whether underlines are actually drawn (false: documented no-underline fallback). */
  readonly supported: boolean;
  /** How the document's style was injected: `adopted` sheet, `style` element, or `none`. */
  readonly styleMode: 'adopted' | 'style' | 'none';
  /** Underlines a range; returns the object to pass to {@link Highlighter.remove}. */
  add(range: RangeEnds): AbstractRange | null;
  remove(range: AbstractRange | null): void;
  /**
   * Puts our entry back in the registry, and our ranges back in it, if the page deleted, replaced,
   * cleared or added to them. Cheap when nothing changed (a registry lookup and a size check).
   * Returns whether anything had to be repaired.
   */
  verify(): boolean;
  /** Makes the underline rule apply inside a shadow tree (once per root). */
  styleShadowRoot(root: ShadowRoot): void;
  /** Number of ranges drawn. */
  readonly size: number;
  /** Removes the highlight and every stylesheet added. */
  dispose(): void;
}

/** Boundary points of a range to draw. */
export interface RangeEnds {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

/** The globals the highlighter needs, so tests can pass fakes. */
export type HighlightWindow = Pick<Window, 'document'> & {
  CSS?: { highlights?: HighlightRegistry };
  Highlight?: typeof Highlight;
  StaticRange?: typeof StaticRange;
  CSSStyleSheet?: typeof CSSStyleSheet;
};

const NO_HIGHLIGHTS: Highlighter = {
  supported: false,
  styleMode: 'none',
  add: () => null,
  remove: () => {},
  verify: () => false,
  styleShadowRoot: () => {},
  size: 0,
  dispose: () => {},
};

/**
 * Registers an (initially empty) highlight called `name` and injects its style once.
 * Returns a no-op highlighter (with `supported: false`) where the API is missing.
 */
export function createHighlighter(
  win: HighlightWindow,
  name = DEFAULT_HIGHLIGHT_NAME,
  options: { injectStyle?: boolean } = {},
): Highlighter {
  const doc = win.document;
  const registry = win.CSS?.highlights;
  const HighlightCtor = win.Highlight;
  if (!registry || !HighlightCtor) return NO_HIGHLIGHTS;
  const highlight = new HighlightCtor();
  registry.set(name, highlight);
  const css = highlightCss(name);
  const documentStyle =
    options.injectStyle === false
      ? { mode: 'none' as const, remove() {} }
      : injectStyle(win, doc, css);
  const shadowStyles = new Map<ShadowRoot, () => void>();
  let sheet: CSSStyleSheet | null | undefined;
  const StaticRangeCtor = win.StaticRange;

  // What we drew, so that what the page clears or adds can be undone (the Highlight object itself
  // is shared with the page).
  const drawn = new Set<AbstractRange>();
  let disposed = false;

  /** The page may have deleted or replaced our registry entry: put it back. */
  const ensureRegistered = (): boolean => {
    if (registry.get(name) === highlight) return false;
    registry.set(name, highlight);
    return true;
  };

  return {
    supported: true,
    styleMode: documentStyle.mode,
    add(ends) {
      let range: AbstractRange;
      if (StaticRangeCtor) {
        range = new StaticRangeCtor(ends);
      } else {
        const live = (ends.startContainer.ownerDocument ?? doc).createRange();
        live.setStart(ends.startContainer, ends.startOffset);
        live.setEnd(ends.endContainer, ends.endOffset);
        range = live;
      }
      ensureRegistered();
      highlight.add(range);
      drawn.add(range);
      return range;
    },
    remove(range) {
      if (!range) return;
      highlight.delete(range);
      drawn.delete(range);
    },
    verify() {
      if (disposed) return false;
      const replaced = ensureRegistered();
      if (highlight.size === drawn.size) return replaced;
      // Cleared, or the page's own ranges added to ours: draw exactly ours again.
      highlight.clear();
      for (const range of drawn) highlight.add(range);
      return true;
    },
    styleShadowRoot(root) {
      if (shadowStyles.has(root)) return;
      sheet ??= constructSheet(win, css);
      shadowStyles.set(root, adopt(root, sheet, css, doc));
    },
    get size() {
      return highlight.size;
    },
    dispose() {
      disposed = true;
      highlight.clear();
      drawn.clear();
      if (registry.get(name) === highlight) registry.delete(name);
      documentStyle.remove();
      for (const remove of shadowStyles.values()) remove();
      shadowStyles.clear();
    },
  };
}

/** A constructed stylesheet holding `css`, or null where constructing one fails. */
function constructSheet(win: HighlightWindow, css: string): CSSStyleSheet | null {
  const SheetCtor = win.CSSStyleSheet;
  if (!SheetCtor) return null;
  try {
    const sheet = new SheetCtor();
    sheet.replaceSync(css);
    return sheet;
  } catch {
    return null;
  }
}

/** Adds the rule to a document or shadow root; returns how to take it back. */
function adopt(
  scope: Document | ShadowRoot,
  sheet: CSSStyleSheet | null,
  css: string,
  doc: Document,
): () => void {
  if (sheet && 'adoptedStyleSheets' in scope) {
    try {
      scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
      return () => {
        scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    } catch {
      // Fall through to a <style> element.
    }
  }
  const parent = scope === doc ? (doc.head ?? doc.documentElement) : scope;
  if (!parent) return () => {};
  const el = doc.createElement('style');
  el.setAttribute(OWN_UI_ATTRIBUTE, '');
  el.textContent = css;
  parent.append(el);
  return () => el.remove();
}

/** Injects the document's stylesheet without touching `<body>`; returns how, and how to undo. */
function injectStyle(
  win: HighlightWindow,
  doc: Document,
  css: string,
): { mode: 'adopted' | 'style' | 'none'; remove(): void } {
  const sheet = constructSheet(win, css);
  const before = 'adoptedStyleSheets' in doc ? doc.adoptedStyleSheets.length : -1;
  const remove = adopt(doc, sheet, css, doc);
  const adopted = before >= 0 && doc.adoptedStyleSheets.length > before;
  if (adopted) return { mode: 'adopted', remove };
  const styled = doc.head ?? doc.documentElement;
  return { mode: styled ? 'style' : 'none', remove };
}
