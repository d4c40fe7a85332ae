// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  classifyElement,
  ElementRule,
  isInsideSkipped,
  OWN_UI_ATTRIBUTE,
  type WalkRules,
} from '../../../lib/page/element-rules';
import { TextCursor, windowEnd, textNodesOf, type TextChunk } from '../../../lib/page/text-cursor';

function runsOf(root: Node, rules: WalkRules = {}, maxChars = 10_000): string[] {
  const cursor = new TextCursor(root, document, rules);
  const out: string[] = [];
  for (let chunk = cursor.nextChunk({ maxChars }); chunk; chunk = cursor.nextChunk({ maxChars })) {
    for (const run of chunk.runs) out.push(run.text);
  }
  return out;
}

function chunksOf(root: Node, maxChars: number): TextChunk[] {
  const cursor = new TextCursor(root, document, {});
  const out: TextChunk[] = [];
  for (let chunk = cursor.nextChunk({ maxChars }); chunk; chunk = cursor.nextChunk({ maxChars })) {
    out.push(chunk);
  }
  return out;
}

function make(html: string): Element {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('skip rules', () => {
  it('skips code, form controls, scripts, styles, svg, canvas and templates with their subtrees', () => {
    document.body.innerHTML = `
      <p>Shares of KTOS rose</p>
      <script>var AAPL = 1;</script><style>.MSFT{}</style><noscript>NOSCRIPT</noscript>
      <textarea>TEXTAREA</textarea><select><option>OPTION</option></select>
      <button>BUTTON <b>INNER</b></button><code>CODE</code><pre>PRE <span>SPAN</span></pre>
      <kbd>KBD</kbd><svg><text>SVGTEXT</text></svg><canvas>CANVAS</canvas>
      <template>TEMPLATE</template>
      <p>IWM fell 2%</p>`;
    const text = runsOf(document.body).join('|');
    expect(text).toContain('Shares of KTOS rose');
    expect(text).toContain('IWM fell 2%');
    for (const hidden of [
      'AAPL',
      'MSFT',
      'NOSCRIPT',
      'TEXTAREA',
      'OPTION',
      'BUTTON',
      'INNER',
      'CODE',
      'PRE',
      'SPAN',
      'KBD',
      'SVGTEXT',
      'CANVAS',
      'TEMPLATE',
    ]) {
      expect(text).not.toContain(hidden);
    }
  });

  it('skips contenteditable regions but not contenteditable="false" islands outside them', () => {
    document.body.innerHTML = `
      <div contenteditable="true"><p>DRAFT about $AAPL</p></div>
      <div contenteditable><p>EMPTYATTR</p></div>
      <div contenteditable="plaintext-only">PLAIN</div>
      <div contenteditable="false"><p>Read-only $MSFT</p></div>`;
    const text = runsOf(document.body).join('|');
    expect(text).not.toContain('DRAFT');
    expect(text).not.toContain('EMPTYATTR');
    expect(text).not.toContain('PLAIN');
    expect(text).toContain('Read-only $MSFT');
  });

  it('skips our own UI: r2k-lens-* hosts and elements with the UI attribute', () => {
    document.body.innerHTML = `
      <r2k-lens-card><p>CARD KTOS</p></r2k-lens-card>
      <div ${OWN_UI_ATTRIBUTE}><p>MARKED</p></div>
      <p>page text</p>`;
    expect(runsOf(document.body)).toEqual(['page text']);
  });

  it('skips hidden blocks reported by isHidden and tells onHidden about them', () => {
    document.body.innerHTML = `<div id="tab1"><p>visible SPY</p></div><div id="tab2"><p>hidden QQQ</p></div>`;
    const hidden: Element[] = [];
    const text = runsOf(document.body, {
      isHidden: (el) => el.id === 'tab2',
      onHidden: (el) => hidden.push(el),
    });
    expect(text).toEqual(['visible SPY']);
    expect(hidden.map((el) => el.id)).toEqual(['tab2']);
  });

  it('classifies elements: inline, block, skip', () => {
    expect(classifyElement(make('<span>x</span>'))).toBe(ElementRule.Inline);
    expect(classifyElement(make('<a href="#">x</a>'))).toBe(ElementRule.Inline);
    expect(classifyElement(make('<p>x</p>'))).toBe(ElementRule.Block);
    expect(classifyElement(make('<news-card>x</news-card>'))).toBe(ElementRule.Block);
    expect(classifyElement(make('<code>x</code>'))).toBe(ElementRule.Skip);
  });

  it('isInsideSkipped looks at every ancestor up to the root', () => {
    document.body.innerHTML = `<pre><span><b id="deep">x</b></span></pre><p><b id="ok">y</b></p>`;
    expect(isInsideSkipped(document.getElementById('deep')!.firstChild!, document.body)).toBe(true);
    expect(isInsideSkipped(document.getElementById('ok')!.firstChild!, document.body)).toBe(false);
  });
});

describe('runs', () => {
  it('joins text split by inline markup into one run, so a mention across tags reads whole', () => {
    document.body.innerHTML = `<p>Sprouts Farmers Market (NASDAQ: <a href="/q/SFM">SFM</a>) and $<b>AAPL</b> rose</p>`;
    expect(runsOf(document.body)).toEqual(['Sprouts Farmers Market (NASDAQ: SFM) and $AAPL rose']);
  });

  it('breaks runs at blocks, <br> and images so two paragraphs never glue into one word', () => {
    document.body.innerHTML = `<div>Tickers: AAPL<br>MSFT<p>IWM</p>fell<img src="x.png">SPY<li>QQQ</li></div>`;
    expect(runsOf(document.body)).toEqual(['Tickers: AAPL', 'MSFT', 'IWM', 'fell', 'SPY', 'QQQ']);
  });

  it('records each node start offset inside the run', () => {
    document.body.innerHTML = `<p>ab<i>cd</i>ef</p>`;
    const [chunk] = chunksOf(document.body, 100);
    const run = chunk!.runs[0]!;
    expect(run.text).toBe('abcdef');
    expect(run.starts).toEqual([0, 2, 4]);
    expect(run.nodes.map((n) => n.data)).toEqual(['ab', 'cd', 'ef']);
  });

  it('collects <a href> elements met in a chunk', () => {
    document.body.innerHTML = `<p><a href="/quote/KTOS">Kratos</a> <a>no href</a> <a href="/x">x</a></p>`;
    const [chunk] = chunksOf(document.body, 100);
    expect(chunk!.links.map((a) => a.getAttribute('href'))).toEqual(['/quote/KTOS', '/x']);
  });
});

describe('batching', () => {
  it('ends chunks on run boundaries once maxChars is reached and loses no text', () => {
    const paragraphs = Array.from({ length: 50 }, (_, i) => `<p>Paragraph ${i} about $T${i}</p>`);
    document.body.innerHTML = paragraphs.join('');
    const chunks = chunksOf(document.body, 100);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      // A chunk may exceed maxChars only by its last run.
      const withoutLast = chunk.chars - chunk.runs.at(-1)!.text.length;
      expect(withoutLast).toBeLessThan(100);
    }
    const all = chunks.flatMap((c) => c.runs.map((r) => r.text));
    expect(all).toEqual(Array.from({ length: 50 }, (_, i) => `Paragraph ${i} about $T${i}`));
  });

  it('cuts a single enormous run at node boundaries', () => {
    const spans = Array.from({ length: 100 }, () => `<span>${'x'.repeat(50)}</span>`).join('');
    document.body.innerHTML = `<p>${spans}</p>`;
    const chunks = chunksOf(document.body, 100);
    const runs = chunks.flatMap((c) => c.runs);
    expect(runs.length).toBeGreaterThan(1);
    expect(Math.max(...runs.map((r) => r.text.length))).toBeLessThanOrEqual(400);
    expect(runs.reduce((n, r) => n + r.text.length, 0)).toBe(5000);
  });

  it('hands out an enormous text node in windows cut between words, one per chunk', () => {
    const words = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? '$KTOS' : 'word')).join(
      ' ',
    );
    document.body.innerHTML = `<p>before</p><p id="big">${words}</p><p>after</p>`;
    const big = document.getElementById('big')!.firstChild as Text;
    const chunks = chunksOf(document.body, 300);
    const windows = chunks.flatMap((c) => c.runs).filter((r) => r.nodes[0] === big);
    expect(windows.length).toBeGreaterThan(10);
    let expectedStart = 0;
    for (const run of windows) {
      const from = -run.starts[0]!;
      expect(from).toBe(expectedStart);
      expect(run.text).toBe(big.data.slice(from, from + run.text.length));
      expect(run.text.length).toBeLessThanOrEqual(1200);
      // Cut between words: no window ends inside one.
      expect(/\S$/.test(run.text) && /^\S/.test(big.data.slice(from + run.text.length))).toBe(
        false,
      );
      expectedStart = from + run.text.length;
    }
    expect(expectedStart).toBe(big.data.length);
    expect(chunks.every((c) => c.runs.filter((r) => r.nodes[0] === big).length <= 1)).toBe(true);
    const texts = chunks.flatMap((c) => c.runs.map((r) => r.text));
    expect(texts[0]).toBe('before');
    expect(texts.at(-1)).toBe('after');
  });

  it('windowEnd prefers a line break, then a sentence end, then a space', () => {
    const a = 'a'.repeat(12);
    expect(windowEnd(`${a}\n. b cccccccccc`, 0, 16)).toBe(13);
    expect(windowEnd(`${a}. b cccccccccc`, 0, 16)).toBe(14);
    expect(windowEnd(`${a}a bbbbbbbbbbbb`, 0, 16)).toBe(14);
    expect(windowEnd('a'.repeat(30), 0, 16)).toBe(16);
    expect(windowEnd('short', 0, 16)).toBe(5);
    expect(windowEnd(`xx${a}a bbbbbbbbbbbb`, 2, 16)).toBe(16);
  });

  it('resumes after the node it would have continued at was removed between chunks', () => {
    document.body.innerHTML = Array.from(
      { length: 6 },
      (_, i) => `<p id="p${i}">para ${i}</p>`,
    ).join('');
    const cursor = new TextCursor(document.body, document, {});
    const first = cursor.nextChunk({ maxChars: 1 })!;
    expect(first.runs.map((r) => r.text)).toEqual(['para 0']);
    // The cursor is parked at <p id="p1">; remove it and the next one.
    cursor.suspend();
    document.getElementById('p1')!.remove();
    document.getElementById('p2')!.remove();
    const rest: string[] = [];
    for (let c = cursor.nextChunk({ maxChars: 1 }); c; c = cursor.nextChunk({ maxChars: 1 })) {
      rest.push(...c.runs.map((r) => r.text));
    }
    expect(rest).toEqual(['para 3', 'para 4', 'para 5']);
  });

  it('jumps over a region already scanned', () => {
    document.body.innerHTML = Array.from(
      { length: 5 },
      (_, i) => `<p id="p${i}">para ${i}</p>`,
    ).join('');
    const cursor = new TextCursor(document.body, document, {});
    cursor.setJump(document.getElementById('p1')!, document.getElementById('p3')!);
    expect(runsOf2(cursor)).toEqual(['para 0', 'para 3', 'para 4']);
  });

  it('starts at a given node and walks to the end of the root', () => {
    document.body.innerHTML = Array.from(
      { length: 4 },
      (_, i) => `<p id="p${i}">para ${i}</p>`,
    ).join('');
    const cursor = new TextCursor(document.body, document, {}, document.getElementById('p2')!);
    expect(runsOf2(cursor)).toEqual(['para 2', 'para 3']);
  });
});

function runsOf2(cursor: TextCursor): string[] {
  const out: string[] = [];
  for (let c = cursor.nextChunk({ maxChars: 5 }); c; c = cursor.nextChunk({ maxChars: 5 })) {
    out.push(...c.runs.map((r) => r.text));
  }
  return out;
}

describe('textNodesOf', () => {
  it('returns the text nodes of an element, skipping skipped regions', () => {
    document.body.innerHTML = `<a href="/q"><b>Kratos</b> <code>x</code>(KTOS)</a>`;
    const nodes = textNodesOf(document.body.firstElementChild!, document, 100);
    expect(nodes.map((n) => n.data)).toEqual(['Kratos', ' ', '(KTOS)']);
  });
});
