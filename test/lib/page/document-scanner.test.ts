// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  startDocumentScanner,
  type DetectedMention,
  type DocumentScanner,
  type DocumentScannerOptions,
  type ScannerWindow,
} from '../../../lib/page/document-scanner';

/** A small stand-in for lib/detect: cashtags and a few bare symbols. */
const BARE = ['KTOS', 'SPY', 'IWM', 'QQQ', 'SFM'];
function detect(text: string): DetectedMention[] {
  const out: DetectedMention[] = [];
  const re = new RegExp(`\\$([A-Z]{1,5})\\b|\\b(${BARE.join('|')})\\b`, 'g');
  for (const m of text.matchAll(re)) {
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      symbol: m[1] ?? m[2]!,
      kind: m[1] ? 'cashtag' : 'bare',
    });
  }
  return out;
}

const linkToSymbol = (href: string): string | null => /\/quote\/([A-Z.]+)/.exec(href)?.[1] ?? null;

let controller: AbortController;
let scanner: DocumentScanner | null = null;

function start(extra: Partial<DocumentScannerOptions> = {}): DocumentScanner {
  scanner = startDocumentScanner({
    root: document.body,
    detect,
    signal: controller.signal,
    linkToSymbol,
    ...extra,
  });
  return scanner;
}

/** Lets the MutationObserver deliver, then waits until the scanner has drained everything. */
async function settle(s: DocumentScanner): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await s.whenIdle();
  }
}

const texts = (s: DocumentScanner): string[] => s.mentions().map((m) => m.range().toString());

beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = '';
});
afterEach(() => {
  controller.abort();
  scanner = null;
  vi.restoreAllMocks();
});

describe('startDocumentScanner', () => {
  it('finds mentions across inline markup and reports node offsets', async () => {
    document.body.innerHTML = `<p id="p">Sprouts (NASDAQ: <b>SFM</b>) and $<i>AAPL</i> rose; IWM fell</p>`;
    const s = start();
    await s.whenIdle();
    expect(texts(s)).toEqual(['SFM', '$AAPL', 'IWM']);
    const [, cashtag] = s.mentions();
    expect(cashtag!.symbol).toBe('AAPL');
    expect(cashtag!.kind).toBe('cashtag');
    expect(cashtag!.startNode.data).toBe(') and $');
    expect(cashtag!.startOffset).toBe(6);
    expect(cashtag!.endNode.data).toBe('AAPL');
    expect(cashtag!.endOffset).toBe(4);
  });

  it('does not change the DOM it scans', async () => {
    document.body.innerHTML = `<article><h1>$KTOS jumps</h1><p>SPY and QQQ</p><p><a href="/quote/IWM">IWM</a></p></article>`;
    const before = document.body.innerHTML;
    const count = document.getElementsByTagName('*').length;
    const s = start();
    await s.whenIdle();
    expect(s.mentions()).toHaveLength(4);
    expect(document.body.innerHTML).toBe(before);
    expect(document.getElementsByTagName('*').length).toBe(count);
  });

  it('counts symbols, most mentioned first', async () => {
    document.body.innerHTML = `<p>SPY, SPY and $SPY; QQQ and QQQ; KTOS</p>`;
    const s = start();
    await s.whenIdle();
    expect(s.symbols()).toEqual([
      { symbol: 'SPY', count: 3 },
      { symbol: 'QQQ', count: 2 },
      { symbol: 'KTOS', count: 1 },
    ]);
  });

  it('never matches across two blocks', async () => {
    document.body.innerHTML = `<div>Buy $</div><div>KTOS</div>`;
    const seen: string[] = [];
    const s = start({
      detect: (text) => {
        seen.push(text);
        return detect(text);
      },
    });
    await s.whenIdle();
    expect(seen).toEqual(['Buy $\nKTOS']);
    // "KTOS" alone is still a bare mention; "$\nKTOS" is not a cashtag.
    expect(s.mentions().map((m) => `${m.kind}:${m.symbol}`)).toEqual(['bare:KTOS']);
  });

  it('drops a detector result that crosses the join between runs', async () => {
    document.body.innerHTML = `<p>alpha</p><p>beta</p>`;
    const s = start({
      detect: (text) =>
        [{ start: 3, end: 8, symbol: 'X', kind: 'bare' }].filter(() => text.includes('\n')),
    });
    await s.whenIdle();
    expect(s.mentions()).toEqual([]);
  });

  it('makes a link mention over a quote link and drops the same-symbol text mention inside it', async () => {
    document.body.innerHTML = `<p>Shares of <a id="a" href="/quote/KTOS"> KTOS </a> and <a href="/news">QQQ news</a></p>`;
    const s = start();
    await s.whenIdle();
    const list = s.mentions();
    expect(list.map((m) => `${m.kind}:${m.symbol}:${m.range().toString()}`)).toEqual([
      'link:KTOS:KTOS',
      'bare:QQQ:QQQ',
    ]);
    const a = document.getElementById('a')!;
    expect(s.mentionForElement(a)?.symbol).toBe('KTOS');
    expect(s.mentionForElement(document.body)).toBeNull();
  });

  it('resolves only the links that pass the pre-test of the href as written', async () => {
    document.body.innerHTML = `<p><a href="/quote/KTOS">KTOS</a> <a href="/story/IWM">IWM</a> <a href="/news">a</a></p>`;
    const resolved: string[] = [];
    const s = start({
      linkToSymbol: (href) => {
        resolved.push(new URL(href).pathname);
        return linkToSymbol(href) ?? /\/story\/([A-Z]+)/.exec(href)?.[1] ?? null;
      },
      mayBeQuoteLink: (raw) => raw.includes('quote'),
    });
    await s.whenIdle();
    expect(resolved).toEqual(['/quote/KTOS']);
    expect(s.mentions().map((m) => `${m.kind}:${m.symbol}`)).toEqual(['link:KTOS', 'bare:IWM']);
  });

  it('scans one enormous text node in bounded detector calls and places every mention', async () => {
    const sentences = Array.from({ length: 4000 }, (_, i) =>
      i % 9 === 0 ? `Shares of KTOS rose ${i}.` : `Line ${i} has no symbol.`,
    );
    document.body.innerHTML = `<div id="dump"></div>`;
    document.getElementById('dump')!.textContent = sentences.join(' ');
    const big = document.getElementById('dump')!.firstChild as Text;
    let longest = 0;
    const s = start({
      chunkChars: 500,
      detect: (text) => {
        longest = Math.max(longest, text.length);
        return detect(text);
      },
    });
    await s.complete();
    const list = s.mentions();
    expect(list).toHaveLength(Math.ceil(4000 / 9));
    expect(list.every((m) => m.startNode === big && m.range().toString() === 'KTOS')).toBe(true);
    expect(longest).toBeLessThanOrEqual(2500);
    // A rescan replaces them, window by window, without duplicates.
    s.rescan();
    await s.complete();
    expect(s.mentions()).toHaveLength(Math.ceil(4000 / 9));
  });

  it('ignores long link text (story links that merely point at a quote page)', async () => {
    const long =
      'A very long headline about small caps that links to a quote page but is not a ticker mention';
    document.body.innerHTML = `<p><a href="/quote/KTOS">${long}</a></p>`;
    const s = start();
    await s.whenIdle();
    expect(s.mentions()).toEqual([]);
  });

  it('skips code, editable regions and its own UI', async () => {
    document.body.innerHTML = `<pre>$AAPL</pre><div contenteditable>$MSFT</div><r2k-lens-card>$KTOS</r2k-lens-card><p>$SPY</p>`;
    const s = start();
    await s.whenIdle();
    expect(texts(s)).toEqual(['$SPY']);
  });

  it('scans nodes added later, in a later slice, not in the observer callback', async () => {
    document.body.innerHTML = `<div id="feed"><p>$SPY</p></div>`;
    const calls: string[] = [];
    const s = start({
      detect: (text) => {
        calls.push(text);
        return detect(text);
      },
    });
    await settle(s);
    const p = document.createElement('p');
    p.textContent = 'Then $KTOS';
    document.getElementById('feed')!.append(p);
    await Promise.resolve(); // observer callback has run (microtask); detection has not
    expect(calls).toEqual(['$SPY']);
    await settle(s);
    expect(texts(s)).toEqual(['$SPY', '$KTOS']);
    expect(calls).toEqual(['$SPY', 'Then $KTOS']);
  });

  it('drops the mentions of removed nodes', async () => {
    document.body.innerHTML = `<p id="a">$SPY</p><p id="b">$QQQ and $IWM</p>`;
    const s = start();
    await settle(s);
    document.getElementById('b')!.remove();
    await settle(s);
    expect(texts(s)).toEqual(['$SPY']);
    expect(s.symbols()).toEqual([{ symbol: 'SPY', count: 1 }]);
  });

  it('re-reads a paragraph whose text changed', async () => {
    document.body.innerHTML = `<p>Watch <b id="t">$SPY</b> today</p>`;
    const s = start();
    await settle(s);
    (document.getElementById('t')!.firstChild as Text).data = '$QQQ';
    await settle(s);
    expect(s.mentions().map((m) => m.symbol)).toEqual(['QQQ']);
  });

  it('rescan() replaces mentions found with the old detector', async () => {
    document.body.innerHTML = `<p>$SPY and KTOS</p>`;
    let onlyCashtags = true;
    const s = start({
      detect: (text) => detect(text).filter((m) => !onlyCashtags || m.kind === 'cashtag'),
    });
    await s.whenIdle();
    expect(texts(s)).toEqual(['$SPY']);
    onlyCashtags = false;
    s.rescan();
    await s.whenIdle();
    expect(texts(s)).toEqual(['$SPY', 'KTOS']);
    expect(s.symbols()).toHaveLength(2);
  });

  it('tears everything down when the signal aborts', async () => {
    document.body.innerHTML = `<p>$SPY</p>`;
    const s = start();
    await s.whenIdle();
    expect(s.mentions()).toHaveLength(1);
    controller.abort();
    expect(s.mentions()).toEqual([]);
    document.body.insertAdjacentHTML('beforeend', '<p>$QQQ</p>');
    await new Promise((r) => setTimeout(r, 20));
    expect(s.mentions()).toEqual([]);
    await expect(s.whenIdle()).resolves.toBeUndefined();
  });

  it('splits a large page into many detector calls across slices', async () => {
    document.body.innerHTML = Array.from(
      { length: 400 },
      (_, i) => `<p>Story ${i}: $SPY rose</p>`,
    ).join('');
    let calls = 0;
    const s = start({
      chunkChars: 500,
      detect: (text) => {
        calls++;
        return detect(text);
      },
    });
    await s.whenIdle();
    expect(s.mentions()).toHaveLength(400);
    expect(calls).toBeGreaterThan(10);
    expect(s.stats().textNodes).toBe(400);
  });
});

class FakeHighlight extends Set<AbstractRange> {}
class FakeStaticRange {
  constructor(readonly init: StaticRangeInit) {}
}

function fakeWin(extra: Record<string, unknown>): ScannerWindow {
  return new Proxy(window, {
    get(target, key) {
      if (key in extra) return extra[key as string];
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as ScannerWindow;
}

function fakeDocument(extra: Record<string, unknown>): Document {
  return new Proxy(document, {
    get(target, key) {
      if (key in extra) return extra[key as string];
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A window with fake highlights whose caret API always answers `caret()`. */
function highlightWindow(
  caret: () => { offsetNode: Node; offset: number },
  extra: Record<string, unknown> = {},
): { win: ScannerWindow; highlights: Map<string, FakeHighlight> } {
  const highlights = new Map<string, FakeHighlight>();
  const win = fakeWin({
    CSS: { highlights },
    Highlight: FakeHighlight,
    StaticRange: FakeStaticRange,
    document: fakeDocument({ caretPositionFromPoint: caret }),
    ...extra,
  });
  return { win, highlights };
}

describe('highlights and hit-testing with fakes', () => {
  it('draws only the mentions near the viewport, in one highlight, and removes it on stop', async () => {
    document.body.innerHTML =
      `<p id="top">$SPY and $QQQ</p>` +
      Array.from(
        { length: 300 },
        (_, i) => `<p>Filler paragraph number ${i} about nothing in particular at all.</p>`,
      ).join('') +
      `<p id="far">$KTOS far below</p>`;
    const top = document.getElementById('top')!.firstChild as Text;
    const { win, highlights } = highlightWindow(() => ({ offsetNode: top, offset: 0 }), {
      innerHeight: 100,
    });
    // Two mentions at most drawn: the page has three, so only those near the viewport are.
    const s = start({ win, highlightName: 'test-hl', maxDrawn: 2, eagerChars: Infinity });
    await s.whenIdle();
    const hl = highlights.get('test-hl')!;
    expect(s.mentions()).toHaveLength(3);
    expect(hl.size).toBe(2);
    expect([...hl].every((r) => r instanceof FakeStaticRange)).toBe(true);
    expect(
      [...hl].map((r) => ((r as unknown as FakeStaticRange).init.startContainer as Text).data),
    ).toEqual(['$SPY and $QQQ', '$SPY and $QQQ']);
    expect(s.stats().highlighted).toBe(2);
    expect(s.stats().highlightSupported).toBe(true);
    s.stop();
    expect(highlights.has('test-hl')).toBe(false);
  });

  it('draws only the mentions around the caret in one enormous text node', async () => {
    document.body.innerHTML = `<div id="dump"></div>`;
    const dump = document.getElementById('dump')!;
    dump.textContent = Array.from({ length: 20000 }, (_, i) => `$KTOS line ${i}.`).join(' ');
    const big = dump.firstChild as Text;
    const caret = big.data.indexOf('line 10000.');
    const { win, highlights } = highlightWindow(() => ({ offsetNode: big, offset: caret }), {
      innerHeight: 100,
    });
    const s = start({ win, highlightName: 'test-hl', eagerChars: Infinity });
    await s.whenIdle();
    await new Promise((r) => setTimeout(r, 0));
    expect(s.mentions()).toHaveLength(20000);
    const offsets = [...highlights.get('test-hl')!].map(
      (r) => (r as unknown as FakeStaticRange).init.startOffset,
    );
    expect(offsets.length).toBeGreaterThan(50);
    expect(offsets.length).toBeLessThanOrEqual(400);
    // Within the window around the caret: 2,000 characters before, 3,000 after.
    expect(offsets.every((o) => o >= caret - 2000 && o < caret + 3000)).toBe(true);
  });

  it('erases the underline of a removed mention', async () => {
    document.body.innerHTML = `<p id="a">$SPY</p><p id="b">$QQQ</p>`;
    const a = document.getElementById('a')!.firstChild as Text;
    const { win, highlights } = highlightWindow(() => ({ offsetNode: a, offset: 0 }));
    const s = start({ win, highlightName: 'test-hl' });
    await settle(s);
    expect(highlights.get('test-hl')!.size).toBe(2);
    document.getElementById('b')!.remove();
    await settle(s);
    expect(highlights.get('test-hl')!.size).toBe(1);
  });

  it('draws what changed near the viewport from an IntersectionObserver, without probing again', async () => {
    // More mentions than may be drawn, the others far below: only those near the viewport are.
    const filler = Array.from(
      { length: 150 },
      (_, i) => `<p>Filler paragraph ${i} about nothing.</p>`,
    );
    document.body.innerHTML = `<main><p id="a">$SPY</p></main>${filler.join('')}<p>$MSFT $NVDA $AMD</p>`;
    const a = document.getElementById('a')!.firstChild as Text;
    const highlights = new Map<string, FakeHighlight>();
    let probes = 0;
    /** Stands in for the browser: reports every observed element, near when it has `near`. */
    class FakeIntersectionObserver {
      static live: FakeIntersectionObserver[] = [];
      targets = new Set<Element>();
      constructor(readonly callback: IntersectionObserverCallback) {
        FakeIntersectionObserver.live.push(this);
      }
      observe(el: Element) {
        this.targets.add(el);
        queueMicrotask(() => {
          if (!this.targets.has(el)) return;
          const entry = { target: el, isIntersecting: el.classList.contains('near') };
          this.callback(
            [entry as unknown as IntersectionObserverEntry],
            this as unknown as IntersectionObserver,
          );
        });
      }
      unobserve(el: Element) {
        this.targets.delete(el);
      }
      disconnect() {
        this.targets.clear();
      }
    }
    const win = fakeWin({
      innerHeight: 100,
      CSS: { highlights },
      Highlight: FakeHighlight,
      StaticRange: FakeStaticRange,
      IntersectionObserver: FakeIntersectionObserver,
      document: fakeDocument({
        caretPositionFromPoint: () => {
          probes++;
          return { offsetNode: a, offset: 0 };
        },
      }),
    });
    const s = start({ win, highlightName: 'test-hl', maxDrawn: 3 });
    await settle(s);
    await new Promise((r) => setTimeout(r, 0));
    const hl = highlights.get('test-hl')!;
    expect(hl.size).toBe(1);
    const probesAfterScan = probes;

    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', '<p class="near">$QQQ and $IWM</p><p>$KTOS far away</p>');
    await settle(s);
    await new Promise((r) => setTimeout(r, 0));
    expect(s.mentions().map((m) => m.symbol)).toEqual([
      'SPY',
      'QQQ',
      'IWM',
      'KTOS',
      'MSFT',
      'NVDA',
      'AMD',
    ]);
    const drawnText = [...hl].map(
      (r) => ((r as unknown as FakeStaticRange).init.startContainer as Text).data,
    );
    expect(drawnText).toEqual(['$SPY', '$QQQ and $IWM', '$QQQ and $IWM']);
    expect(probes).toBe(probesAfterScan);
    s.stop();
    expect(FakeIntersectionObserver.live.every((o) => o.targets.size === 0)).toBe(true);
  });

  it('looks for editable regions once for the visible and the full pass together', async () => {
    document.body.innerHTML = `<p>intro</p><p id="v">$SPY in view</p><div contenteditable>$MSFT</div><p>$QQQ</p>`;
    const v = document.getElementById('v')!.firstChild as Text;
    const query = vi.spyOn(document.body, 'querySelectorAll');
    const win = fakeWin({
      CSS: { highlights: new Map() },
      Highlight: FakeHighlight,
      StaticRange: FakeStaticRange,
      document: fakeDocument({ caretPositionFromPoint: () => ({ offsetNode: v, offset: 0 }) }),
    });
    const s = start({ win });
    await s.whenIdle();
    expect(s.mentions().map((m) => m.symbol)).toEqual(['SPY', 'QQQ']);
    const markedQueries = query.mock.calls.filter(([sel]) =>
      String(sel).includes('contenteditable'),
    );
    expect(markedQueries).toHaveLength(1);
    query.mockRestore();
  });

  it('finds mentions without the Highlight API (no underline fallback)', async () => {
    document.body.innerHTML = `<p>$SPY</p>`;
    const s = start({ win: fakeWin({ CSS: {}, Highlight: undefined }) });
    await s.whenIdle();
    expect(s.mentions()).toHaveLength(1);
    expect(s.stats().highlightSupported).toBe(false);
    expect(s.stats().styleMode).toBe('none');
  });

  it('mentionAt checks the neighbouring text when the caret snaps to a node edge', async () => {
    document.body.innerHTML = `<p>Shares of <b id="b">KTOS</b>) rose</p>`;
    const b = document.getElementById('b')!;
    const after = b.nextSibling as Text; // ") rose"
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      const onKtos = this.startContainer === b.firstChild;
      return (onKtos ? [new DOMRect(100, 0, 40, 20)] : []) as unknown as DOMRectList;
    });
    const win = fakeWin({
      document: fakeDocument({
        caretPositionFromPoint: () => ({ offsetNode: after, offset: 0 }),
        elementFromPoint: () => b,
      }),
    });
    const s = start({ win });
    await s.whenIdle();
    expect(s.mentionAt(138, 10)?.symbol).toBe('KTOS');
    expect(s.mentionAt(200, 10)).toBeNull();
  });

  it('mentionAt finds the mention at the caret and confirms with its rectangles', async () => {
    document.body.innerHTML = `<p id="p">Buy $SPY now</p>`;
    const text = document.getElementById('p')!.firstChild as Text;
    // Characters are 10px wide on one 20px line starting at x=0: "$SPY" spans x 40..80.
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      const left = this.startOffset * 10;
      const right = this.endOffset * 10;
      return [new DOMRect(left, 0, right - left, 20)] as unknown as DOMRectList;
    });
    const caretPositionFromPoint = (x: number, y: number) =>
      y < 100 ? { offsetNode: text, offset: Math.min(text.length, Math.round(x / 10)) } : null;
    const win = fakeWin({ document: fakeDocument({ caretPositionFromPoint }) });
    const s = start({ win });
    await s.whenIdle();
    expect(s.mentionAt(55, 10)?.symbol).toBe('SPY');
    expect(s.hitAt(55, 10)?.rect.left).toBe(40);
    expect(s.mentionAt(15, 10)).toBeNull(); // on "Buy"
    // The caret snaps to offset 12 (end of text) for a point far right of the line; the
    // rectangles reject it even though "now" ends there.
    expect(s.mentionAt(300, 10)).toBeNull();
    // Beside the line (below it) with the caret still in the text: rejected by the rectangles.
    expect(s.mentionAt(55, 60)).toBeNull();
  });
});

/** The underline rule in a shadow root: an adopted sheet, or a <style> of ours where refused. */
const styled = (root: ShadowRoot): number =>
  root.adoptedStyleSheets.length + root.querySelectorAll('style[data-r2k-lens-ui]').length;

describe('shadow trees', () => {
  it('reads open shadow roots, nested ones too, each as a tree of its own, in reading order', async () => {
    document.body.innerHTML = `<p>Before $SPY</p><x-post id="post"><p>Slotted $QQQ</p></x-post><p>After $IWM</p>`;
    const post = document.getElementById('post')!;
    const outer = post.attachShadow({ mode: 'open' });
    outer.innerHTML = `<h1>Title $KTOS</h1><slot></slot><x-comment></x-comment>`;
    const inner = outer.querySelector('x-comment')!.attachShadow({ mode: 'open' });
    inner.innerHTML = `<p>Nested $SFM</p>`;
    // A closed root is out of reach: its text is not read.
    document.body.insertAdjacentHTML('beforeend', '<x-secret id="secret"></x-secret>');
    document.getElementById('secret')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>$MSFT</p>';
    const s = start();
    await s.complete();
    expect(texts(s)).toEqual(['$SPY', '$KTOS', '$SFM', '$QQQ', '$IWM']);
    expect(s.stats().trees).toBe(3);
  });

  it('finds a shadow root attached after its host was read, and text added inside it later', async () => {
    document.body.innerHTML = `<p>$SPY</p><late-widget id="w"></late-widget>`;
    const s = start();
    await s.complete();
    expect(texts(s)).toEqual(['$SPY']);
    const root = document.getElementById('w')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Now $QQQ</p>';
    // A click is what usually precedes it; the custom element is looked at again.
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 350));
    await settle(s);
    expect(texts(s)).toEqual(['$SPY', '$QQQ']);
    // Each shadow root has its own observer.
    // (happy-dom hangs on insertAdjacentHTML next to a shadow root's child; append instead.)
    const then = document.createElement('p');
    then.textContent = 'Then $IWM';
    root.append(then);
    await settle(s);
    expect(texts(s)).toEqual(['$SPY', '$QQQ', '$IWM']);
  });

  it('adopts the underline sheet into a shadow root once it has a mention, and only then', async () => {
    document.body.innerHTML = `<x-a id="a"></x-a><x-b id="b"></x-b>`;
    const a = document.getElementById('a')!.attachShadow({ mode: 'open' });
    a.innerHTML = '<p>$SPY here</p>';
    const b = document.getElementById('b')!.attachShadow({ mode: 'open' });
    b.innerHTML = '<p>nothing to see</p>';
    const highlights = new Map<string, FakeHighlight>();
    const s = start({
      win: fakeWin({ CSS: { highlights }, Highlight: FakeHighlight, StaticRange: FakeStaticRange }),
    });
    await s.complete();
    expect(highlights.get('r2k-lens-mention')!.size).toBe(1);
    expect(styled(a)).toBe(1);
    expect(styled(b)).toBe(0);
    s.stop();
    expect(styled(a)).toBe(0);
  });
});

/** `n` paragraphs, each with one $SPY. */
const paragraphs = (n: number, from = 0): string =>
  Array.from({ length: n }, (_, i) => `<p>Story ${from + i}: $SPY rose on the day.</p>`).join('');

describe('reading what the reader can see', () => {
  /** Stands in for the browser: delivers entries on demand. */
  class ManualIntersectionObserver {
    static last: ManualIntersectionObserver | null = null;
    targets = new Set<Element>();
    constructor(readonly callback: IntersectionObserverCallback) {
      ManualIntersectionObserver.last = this;
    }
    observe(el: Element) {
      this.targets.add(el);
    }
    unobserve(el: Element) {
      this.targets.delete(el);
    }
    disconnect() {
      this.targets.clear();
    }
    /** The reader scrolled near every observed element. */
    near() {
      const entries = [...this.targets].map((target) => ({ target, isIntersecting: true }));
      this.callback(
        entries as unknown as IntersectionObserverEntry[],
        this as unknown as IntersectionObserver,
      );
    }
  }

  it('pauses after the eager budget and resumes when the reader scrolls near', async () => {
    document.body.innerHTML = paragraphs(300);
    const s = start({
      win: fakeWin({ IntersectionObserver: ManualIntersectionObserver }),
      eagerChars: 3000,
      resumeChars: 3000,
      chunkChars: 500,
    });
    await s.whenIdle();
    const first = s.mentions().length;
    expect(first).toBeGreaterThan(50);
    expect(first).toBeLessThan(300);
    expect(s.stats().frontier).toBe('paused');
    ManualIntersectionObserver.last!.near();
    await s.whenIdle();
    expect(s.mentions().length).toBeGreaterThan(first);
    // The popup's list: everything, now.
    await s.complete();
    expect(s.mentions()).toHaveLength(300);
    expect(s.stats().frontier).toBe('done');
  });

  it('reads the text on screen first when the page opens scrolled down, and does not read it twice', async () => {
    document.body.innerHTML =
      paragraphs(200) + '<p id="here">Here: $KTOS and $SFM</p>' + paragraphs(200, 200);
    const here = document.getElementById('here')!.firstChild as Text;
    const calls: string[] = [];
    const s = start({
      win: fakeWin({
        scrollY: 4000,
        IntersectionObserver: ManualIntersectionObserver,
        document: fakeDocument({ caretPositionFromPoint: () => ({ offsetNode: here, offset: 0 }) }),
      }),
      eagerChars: 2000,
      chunkChars: 500,
      regionChars: 2000,
      detect: (text) => {
        calls.push(text);
        return detect(text);
      },
    });
    await s.whenIdle();
    expect(s.mentions().map((m) => m.symbol)).toContain('KTOS');
    expect(s.stats().regions).toBe(1);
    await s.complete();
    expect(s.mentions()).toHaveLength(402);
    // The region was skipped by the frontier: "Here:" went to the detector once.
    expect(calls.filter((t) => t.includes('Here: $KTOS')).length).toBe(1);
  });
});
