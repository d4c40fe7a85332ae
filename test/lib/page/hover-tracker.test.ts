// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sameMention, watchHover, type HoverWindow } from '../../../lib/page/hover-tracker';
import type { PageMention } from '../../../lib/page/mention-index';
import type { MentionHit } from '../../../lib/page/document-scanner';
import type { PageDocument, PageEngine } from '../../../lib/page/page-engine';

function mention(symbol: string, node: Text, anchor: HTMLAnchorElement | null = null): PageMention {
  return {
    symbol,
    kind: anchor ? 'link' : 'bare',
    startNode: node,
    startOffset: 0,
    endNode: node,
    endOffset: node.length,
    anchor,
    range: () => document.createRange(),
    rects: () => [new DOMRect(10, 10, 40, 20)],
  };
}

let controller: AbortController;
let hits: Map<string, MentionHit>;
let events: string[];
let tracker: ReturnType<typeof watchHover>;
let link: HTMLAnchorElement;
let spy: PageMention;
let qqq: PageMention;
let linkMention: PageMention;

const win: HoverWindow = {
  requestAnimationFrame: (cb: FrameRequestCallback) =>
    setTimeout(() => cb(0), 16) as unknown as number,
  cancelAnimationFrame: (id: number) => clearTimeout(id),
  setTimeout: ((fn: () => void, ms?: number) =>
    setTimeout(fn, ms)) as unknown as Window['setTimeout'],
  clearTimeout: ((id: number) => clearTimeout(id)) as Window['clearTimeout'],
};

/** One document whose scanner answers from `hits`, as the engine reports it. */
function engineOf(doc: PageDocument): Pick<PageEngine, 'onDocument' | 'toTop'> {
  return {
    onDocument(listener) {
      listener(doc);
      return () => {};
    },
    // A frame 100px from the top left of the page.
    toTop: (d, rect) =>
      d.frame
        ? new DOMRect(rect.left + 100, rect.top + 100, rect.width, rect.height)
        : new DOMRect(rect.left, rect.top, rect.width, rect.height),
  };
}

function pageDocument(frame: HTMLIFrameElement | null = null): PageDocument {
  return {
    scanner: {
      document,
      hitAt: (x: number, y: number) => hits.get(`${x},${y}`) ?? null,
      mentionForElement: (el: Element) => (el === link ? linkMention : null),
      has: () => true,
    } as unknown as PageDocument['scanner'],
    win: window as unknown as PageDocument['win'],
    frame,
    parent: null,
  };
}

function move(x: number, y: number, pointerType = 'mouse'): void {
  const e = new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType, bubbles: true });
  document.body.dispatchEvent(e);
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = `<p id="p">SPY QQQ</p><a id="l" href="/quote/KTOS">KTOS</a>`;
  const text = document.getElementById('p')!.firstChild as Text;
  link = document.getElementById('l') as HTMLAnchorElement;
  spy = mention('SPY', text);
  qqq = { ...mention('QQQ', text), startOffset: 4 };
  linkMention = mention('KTOS', link.firstChild as Text, link);
  hits = new Map([
    ['10,10', { mention: spy, rect: new DOMRect(10, 10, 30, 20) }],
    ['50,10', { mention: qqq, rect: new DOMRect(50, 10, 30, 20) }],
  ]);
  events = [];
  controller = new AbortController();
  tracker = watchHover({
    engine: engineOf(pageDocument()),
    signal: controller.signal,
    isTrusted: () => true,
    onEnter: (m, rect) => events.push(`enter ${m.symbol} @${rect.left}`),
    onLeave: () => events.push('leave'),
    win,
  });
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('watchHover', () => {
  it('opens after the pointer rests on a mention for the open delay', () => {
    move(10, 10);
    vi.advanceTimersByTime(16 + 100);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(events).toEqual(['enter SPY @10']);
    expect(tracker.current).toBe(spy);
  });

  it('opens nothing when the pointer sweeps across mentions', () => {
    move(10, 10);
    vi.advanceTimersByTime(100);
    move(0, 0);
    vi.advanceTimersByTime(500);
    expect(events).toEqual([]);
  });

  it('closes after the leave grace period, unless the pointer comes back', () => {
    move(10, 10);
    vi.advanceTimersByTime(200);
    move(0, 0);
    vi.advanceTimersByTime(16 + 200);
    move(10, 10); // back on the mention within the grace period
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['enter SPY @10']);
    move(0, 0);
    vi.advanceTimersByTime(16 + 300);
    expect(events).toEqual(['enter SPY @10', 'leave']);
    expect(tracker.current).toBeNull();
  });

  it('stays open while the pointer is over the card', () => {
    move(10, 10);
    vi.advanceTimersByTime(200);
    move(0, 0); // on its way to the card
    vi.advanceTimersByTime(16 + 100);
    tracker.setOverCard(true);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['enter SPY @10']);
    tracker.setOverCard(false);
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['enter SPY @10', 'leave']);
  });

  it('moves to another mention without closing in between', () => {
    move(10, 10);
    vi.advanceTimersByTime(200);
    move(50, 10);
    vi.advanceTimersByTime(200);
    expect(events).toEqual(['enter SPY @10', 'enter QQQ @50']);
    expect(tracker.current).toBe(qqq);
  });

  it('ignores touch pointers', () => {
    move(10, 10, 'touch');
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('opens at once for a focused link mention, closes on Escape', () => {
    link.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(events).toEqual(['enter KTOS @10']);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(events).toEqual(['enter KTOS @10', 'leave']);
  });

  it('closes when focus leaves the link', () => {
    link.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    link.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['enter KTOS @10', 'leave']);
  });

  it('does nothing after the signal aborts', () => {
    move(10, 10);
    controller.abort();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('ignores events a page script dispatches (not trusted)', () => {
    controller.abort();
    controller = new AbortController();
    events = [];
    watchHover({
      engine: engineOf(pageDocument()),
      signal: controller.signal,
      onEnter: (m) => events.push(`enter ${m.symbol}`),
      onLeave: () => events.push('leave'),
      // No prefetch either: a page cannot make the extension ask for prices.
      onIntent: (m) => events.push(`intent ${m.symbol}`),
      win,
    });
    move(10, 10);
    link.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('calls onIntent once when the pointer comes to rest on a mention, before the open delay ends', () => {
    controller.abort();
    controller = new AbortController();
    events = [];
    watchHover({
      engine: engineOf(pageDocument()),
      signal: controller.signal,
      isTrusted: () => true,
      onEnter: (m) => events.push(`enter ${m.symbol}`),
      onLeave: () => events.push('leave'),
      onIntent: (m) => events.push(`intent ${m.symbol}`),
      win,
    });
    move(10, 10);
    vi.advanceTimersByTime(16);
    expect(events).toEqual(['intent SPY']);
    move(10, 10);
    vi.advanceTimersByTime(16 + 150);
    expect(events).toEqual(['intent SPY', 'enter SPY']);
  });

  it("counts the open delay from the pointer's arrival, not from the frame that hit-tests it", () => {
    controller.abort();
    controller = new AbortController();
    events = [];
    let arrival = 0;
    watchHover({
      engine: engineOf(pageDocument()),
      signal: controller.signal,
      isTrusted: () => true,
      onEnter: (m) => events.push(`enter ${m.symbol}`),
      onLeave: () => events.push('leave'),
      // The frame that hit-tests the pointer runs 40 ms after it arrived (a busy page).
      now: () => arrival + 40,
      win,
    });
    const e = new PointerEvent('pointermove', { clientX: 10, clientY: 10, bubbles: true });
    Object.defineProperty(e, 'timeStamp', { value: 1000 });
    arrival = 1000;
    document.body.dispatchEvent(e);
    vi.advanceTimersByTime(16 + 109);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['enter SPY']);
  });

  it('an untrusted Escape does not close the card', () => {
    controller.abort();
    controller = new AbortController();
    events = [];
    const t = watchHover({
      engine: engineOf(pageDocument()),
      signal: controller.signal,
      // The reader moves the pointer; a page script sends the Escape.
      isTrusted: (e) => e.type !== 'keydown',
      onEnter: (m) => events.push(`enter ${m.symbol}`),
      onLeave: () => events.push('leave'),
      win,
    });
    move(10, 10);
    vi.advanceTimersByTime(200);
    expect(events).toEqual(['enter SPY']);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(t.current).toBe(spy);
    expect(events).toEqual(['enter SPY']);
  });

  it('places the card in the top document for a mention in a frame', () => {
    controller.abort();
    controller = new AbortController();
    events = [];
    const frame = document.createElement('iframe');
    watchHover({
      engine: engineOf(pageDocument(frame)),
      signal: controller.signal,
      isTrusted: () => true,
      onEnter: (m, rect) => events.push(`enter ${m.symbol} @${rect.left},${rect.top}`),
      onLeave: () => events.push('leave'),
      win,
    });
    move(10, 10);
    vi.advanceTimersByTime(200);
    expect(events).toEqual(['enter SPY @110,110']);
  });

  it('does not open a mention withdrawn while the delay ran', () => {
    controller.abort();
    controller = new AbortController();
    events = [];
    const d = pageDocument();
    let indexed = true;
    (d.scanner as unknown as { has: () => boolean }).has = () => indexed;
    watchHover({
      engine: engineOf(d),
      signal: controller.signal,
      isTrusted: () => true,
      onEnter: (m) => events.push(`enter ${m.symbol}`),
      onLeave: () => events.push('leave'),
      win,
    });
    move(10, 10);
    vi.advanceTimersByTime(50);
    indexed = false;
    vi.advanceTimersByTime(200);
    expect(events).toEqual([]);
  });

  it('treats re-created records of the same text as the same mention', () => {
    expect(sameMention(spy, { ...spy })).toBe(true);
    expect(sameMention(spy, qqq)).toBe(false);
    expect(sameMention(spy, null)).toBe(false);
  });
});
