// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HoverTracker } from '../../../lib/page/hover-tracker';
import type { PageMention } from '../../../lib/page/mention-index';
import { watchKeyboard, type MentionNavigator } from '../../../lib/page/mention-navigator';
import type { PageDocument, PageEngine } from '../../../lib/page/page-engine';

/** A mention whose first line box is at `top` in the viewport. */
function mention(symbol: string, node: Text, top: number): PageMention {
  return {
    symbol,
    kind: 'cashtag',
    startNode: node,
    startOffset: 0,
    endNode: node,
    endOffset: node.length,
    anchor: null,
    range: () => document.createRange(),
    rects: () => [new DOMRect(20, top, 40, 18)],
  };
}

const text = (id: string) => document.getElementById(id)!.firstChild as Text;

let controller: AbortController;
let list: PageMention[];
let opened: string[];
let activated: number;
let nav: MentionNavigator;
let current: PageMention | null;
let trusted: boolean;

beforeEach(() => {
  document.body.innerHTML = `<p id="a">$IWM</p><p id="b">$KTOS</p><p id="c">$SFM</p><input id="i">`;
  // $IWM above the viewport, $KTOS and $SFM in it.
  list = [
    mention('IWM', text('a'), -300),
    mention('KTOS', text('b'), 120),
    mention('SFM', text('c'), 400),
  ];
  opened = [];
  activated = 0;
  current = null;
  trusted = true;
  controller = new AbortController();
  const d = {
    scanner: { document },
    win: window,
    frame: null,
    parent: null,
  } as unknown as PageDocument;
  const engine = {
    top: d,
    mentions: () => list,
    has: (m: PageMention) => list.includes(m),
    toTop: (_d: PageDocument, r: DOMRectReadOnly) => new DOMRect(r.x, r.y, r.width, r.height),
    documentOf: () => d,
    onDocument: (listener: (doc: PageDocument) => void) => {
      listener(d);
      return () => undefined;
    },
  } as unknown as Pick<
    PageEngine,
    'mentions' | 'has' | 'toTop' | 'documentOf' | 'onDocument' | 'top'
  >;
  const hover: Pick<HoverTracker, 'open' | 'current'> = {
    open: (m: PageMention, rect: DOMRect) => {
      current = m;
      opened.push(`${m.symbol}@${rect.top}`);
    },
    get current() {
      return current;
    },
  };
  nav = watchKeyboard({
    engine,
    hover,
    signal: controller.signal,
    onActivate: () => activated++,
    isTrusted: () => trusted,
  });
});

afterEach(() => controller.abort());

const enter = (target: EventTarget = document.body) =>
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
  );

describe('watchKeyboard', () => {
  it('starts at the first mention in view and steps in reading order, wrapping at the ends', () => {
    expect(nav.step('next')?.symbol).toBe('KTOS');
    expect(nav.step('next')?.symbol).toBe('SFM');
    expect(nav.step('next')?.symbol).toBe('IWM');
    expect(nav.step('previous')?.symbol).toBe('SFM');
    expect(opened).toEqual(['KTOS@120', 'SFM@400', 'IWM@-300', 'SFM@400']);
  });

  it('previous from nothing starts at the last mention in view', () => {
    expect(nav.step('previous')?.symbol).toBe('SFM');
  });

  it('the card it opened is the keyboard’s; one the pointer opened is not', () => {
    const ktos = nav.step('next')!;
    expect(nav.isKeyboardMention(ktos)).toBe(true);
    expect(nav.isKeyboardMention(list[2]!)).toBe(false);
    // The pointer took over: the keyboard's card is gone, the position stays for the next step.
    expect(nav.isKeyboardMention(ktos)).toBe(false);
    expect(nav.position).toBe(ktos);
    expect(nav.step('next')?.symbol).toBe('SFM');
  });

  it('Enter on the keyboard’s open card moves focus into it; only the reader’s own Enter', () => {
    enter();
    expect(activated).toBe(0); // no card open
    nav.step('next');
    trusted = false;
    expect(enter()).toBe(true);
    expect(activated).toBe(0); // a page script's synthetic Enter does nothing
    trusted = true;
    expect(enter()).toBe(false); // handled: the page does not act on it
    expect(activated).toBe(1);
  });

  it('Enter in a text field stays the field’s, and nothing happens once the card is closed', () => {
    nav.step('next');
    enter(document.getElementById('i')!);
    expect(activated).toBe(0);
    current = null;
    enter();
    expect(activated).toBe(0);
  });

  it('a mention removed from the page: the step starts again from the viewport', () => {
    nav.step('next');
    list = [list[0]!, list[2]!];
    expect(nav.step('next')?.symbol).toBe('SFM');
  });

  it('returns null on a page without mentions', () => {
    list = [];
    expect(nav.step('next')).toBeNull();
    expect(opened).toEqual([]);
  });

  it('a live anchor follows the mention and is null once it is gone', () => {
    const ktos = list[1]!;
    const anchor = nav.anchorOf(ktos);
    expect(anchor()?.top).toBe(120);
    list = [list[0]!];
    expect(anchor()).toBeNull();
  });
});
