// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createHighlighter,
  DEFAULT_HIGHLIGHT_NAME,
  highlightCss,
  type HighlightWindow,
} from '../../../lib/page/highlighter';

class FakeHighlight extends Set<AbstractRange> {}

/** Firefox refuses to adopt a sheet built in the content script's compartment. */
function RefusedSheet(): never {
  throw new Error('NotAllowedError');
}

describe('highlighter', () => {
  it('ships the same rule in highlight.css as it would inject', () => {
    const css = readFileSync(
      resolve(import.meta.dirname, '../../../entrypoints/content/highlight.css'),
      'utf8',
    );
    const rule = css.replace(/\/\*[\s\S]*?\*\//g, '').trim();
    expect(rule.replace(/\s+/g, ' ')).toBe(
      highlightCss(DEFAULT_HIGHLIGHT_NAME).replace(/\s+/g, ' '),
    );
  });

  it('falls back to a <style> in <head> when adoption is refused, and removes it on dispose', () => {
    const registry = new Map<string, FakeHighlight>();
    const win = {
      document,
      CSS: { highlights: registry },
      Highlight: FakeHighlight,
      CSSStyleSheet: RefusedSheet,
    } as unknown as HighlightWindow;
    const bodyBefore = document.body.innerHTML;
    const h = createHighlighter(win, 'x');
    expect(h.styleMode).toBe('style');
    expect(document.head.querySelectorAll('style[data-r2k-lens-ui]')).toHaveLength(1);
    expect(document.body.innerHTML).toBe(bodyBefore);
    h.dispose();
    expect(document.head.querySelectorAll('style[data-r2k-lens-ui]')).toHaveLength(0);
    expect(registry.size).toBe(0);
  });

  it('injects nothing when the stylesheet ships with the extension', () => {
    const registry = new Map<string, FakeHighlight>();
    const win = { document, CSS: { highlights: registry }, Highlight: FakeHighlight };
    const h = createHighlighter(win as unknown as HighlightWindow, 'x', { injectStyle: false });
    expect(h.styleMode).toBe('none');
    expect(h.supported).toBe(true);
    expect(document.head.querySelectorAll('style')).toHaveLength(0);
    h.dispose();
  });

  it('puts back what the page deleted, replaced, cleared or added to in the shared registry', () => {
    const registry = new Map<string, FakeHighlight>();
    const win = { document, CSS: { highlights: registry }, Highlight: FakeHighlight };
    const h = createHighlighter(win as unknown as HighlightWindow, 'x', { injectStyle: false });
    document.body.innerHTML = '<p>$IWM and $KTOS, not FAKE</p>';
    const text = document.body.firstChild!.firstChild as Text;
    const at = (from: number, to: number) => ({
      startContainer: text,
      startOffset: from,
      endContainer: text,
      endOffset: to,
    });
    const iwm = h.add(at(0, 4));
    const ktos = h.add(at(9, 14));
    const ours = registry.get('x')!;
    expect(h.verify()).toBe(false);

    registry.delete('x');
    expect(h.verify()).toBe(true);
    expect(registry.get('x')).toBe(ours);

    const fake = at(20, 24) as unknown as AbstractRange;
    registry.set('x', new FakeHighlight([fake]));
    expect(h.verify()).toBe(true);
    expect(registry.get('x')).toBe(ours);
    expect([...ours]).toEqual([iwm, ktos]);

    ours.clear();
    expect(h.verify()).toBe(true);
    expect([...ours]).toEqual([iwm, ktos]);

    // The page underlines its own words in our style by adding to our highlight.
    ours.add(fake);
    expect(h.verify()).toBe(true);
    expect([...ours]).toEqual([iwm, ktos]);

    // What we removed stays removed.
    h.remove(iwm);
    ours.clear();
    h.verify();
    expect([...ours]).toEqual([ktos]);
    h.dispose();
    expect(registry.has('x')).toBe(false);
    expect(h.verify()).toBe(false);
    expect(registry.has('x')).toBe(false);
  });
});
