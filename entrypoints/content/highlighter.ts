/**
 * Underlines mentions with the CSS Custom Highlight API, which paints over text ranges without
 * adding a single node to the page (so React/Vue hydration, page scripts and selectors see the
 * DOM exactly as the site built it).
 *
 * - Ranges: `StaticRange` where available. A live `Range` is updated by the browser on every DOM
 *   mutation, and thousands of them make every mutation of the page slower; static ranges cost
 *   nothing until painted. The scanner re-scans changed text (mutation queue) and replaces the
 *   ranges there, so a static range is never stale for long.
 * - Style: one `::highlight(name)` rule in a constructable stylesheet adopted by the document
 *   (not a node in the tree). Where adoption is refused (Firefox content scripts can't adopt a
 *   sheet built in their own compartment), one `<style>` element in `<head>` instead; either way
 *   `<body>` is untouched.
 * - Fallback: where `CSS.highlights` / `Highlight` are missing (Firefox before 140, old
 *   Safari), nothing is drawn; mentions are still found, counted and hit-tested, so hover cards
 *   still open. Drawing our own underline would mean inserting nodes, which this design rules out.
 */

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
  /** How the style was injected: `adopted` sheet, `style` element, or `none`. */
  readonly styleMode: 'adopted' | 'style' | 'none';
  /** Underlines a range; returns the object to pass to {@link Highlighter.remove}. */
  add(range: RangeEnds): AbstractRange | null;
  remove(range: AbstractRange | null): void;
  /** Number of ranges drawn. */
  readonly size: number;
  /** Removes the highlight and the stylesheet. */
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
  if (!registry || !HighlightCtor) {
    return {
      supported: false,
      styleMode: 'none',
      add: () => null,
      remove: () => {},
      size: 0,
      dispose: () => {},
    };
  }
  const highlight = new HighlightCtor();
  registry.set(name, highlight);
  const style =
    options.injectStyle === false
      ? { mode: 'none' as const, remove() {} }
      : injectStyle(win, highlightCss(name));
  const StaticRangeCtor = win.StaticRange;

  return {
    supported: true,
    styleMode: style.mode,
    add(ends) {
      let range: AbstractRange;
      if (StaticRangeCtor) {
        range = new StaticRangeCtor(ends);
      } else {
        const live = doc.createRange();
        live.setStart(ends.startContainer, ends.startOffset);
        live.setEnd(ends.endContainer, ends.endOffset);
        range = live;
      }
      highlight.add(range);
      return range;
    },
    remove(range) {
      if (range) highlight.delete(range);
    },
    get size() {
      return highlight.size;
    },
    dispose() {
      highlight.clear();
      if (registry.get(name) === highlight) registry.delete(name);
      style.remove();
    },
  };
}

/** Injects a stylesheet without touching `<body>`; returns how, and how to take it back. */
function injectStyle(
  win: HighlightWindow,
  css: string,
): { mode: 'adopted' | 'style' | 'none'; remove(): void } {
  const doc = win.document;
  const SheetCtor = win.CSSStyleSheet;
  if (SheetCtor && 'adoptedStyleSheets' in doc) {
    try {
      const sheet = new SheetCtor();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return {
        mode: 'adopted',
        remove() {
          doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
        },
      };
    } catch {
      // Fall through to a <style> element.
    }
  }
  const parent = doc.head ?? doc.documentElement;
  if (!parent) return { mode: 'none', remove() {} };
  const el = doc.createElement('style');
  el.setAttribute('data-r2k-lens-ui', '');
  el.textContent = css;
  parent.append(el);
  return { mode: 'style', remove: () => el.remove() };
}
