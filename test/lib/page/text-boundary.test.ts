// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { TextCursor } from '../../../lib/page/text-cursor';
import { endsInWord, laidOutApart, startsWithWord } from '../../../lib/page/text-boundary';

/** Displays set by a `data-display` attribute (happy-dom has no layout). */
const displayOf = (el: Element): string =>
  el.getAttribute('data-display') ?? (el.localName === 'div' ? 'block' : 'inline');

function runs(displayOfFn?: (el: Element) => string): string[] {
  const cursor = new TextCursor(document.body, document, { displayOf: displayOfFn });
  const out: string[] = [];
  for (
    let c = cursor.nextChunk({ maxChars: 10_000 });
    c;
    c = cursor.nextChunk({ maxChars: 10_000 })
  ) {
    for (const run of c.runs) out.push(run.text);
  }
  return out;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('laidOutApart', () => {
  it('keeps flex and grid items apart', () => {
    document.body.innerHTML = `<a data-display="flex"><span id="a">S&amp;P 500</span><span id="b">6,032.38</span></a>`;
    const a = document.getElementById('a')!.firstChild as Text;
    const b = document.getElementById('b')!.firstChild as Text;
    expect(laidOutApart(a, b, displayOf)).toBe(true);
    document.querySelector('a')!.setAttribute('data-display', 'inline-grid');
    expect(laidOutApart(a, b, displayOf)).toBe(true);
  });

  it('keeps inline blocks apart, from each other and from the text around them', () => {
    document.body.innerHTML = `<p><span data-display="inline-block" id="a">$IWM</span><span data-display="inline-block" id="b">+1.1%</span>tail</p>`;
    const a = document.getElementById('a')!.firstChild as Text;
    const b = document.getElementById('b')!.firstChild as Text;
    expect(laidOutApart(a, b, displayOf)).toBe(true);
    expect(laidOutApart(b, document.querySelector('p')!.lastChild as Text, displayOf)).toBe(true);
  });

  it('joins ordinary inline markup, however deep', () => {
    document.body.innerHTML = `<p>Buy $<b><i id="k">KTOS</i></b> and <a><span id="s">SFM</span></a>) calls</p>`;
    const p = document.querySelector('p')!;
    const k = document.getElementById('k')!.firstChild as Text;
    const s = document.getElementById('s')!.firstChild as Text;
    expect(laidOutApart(p.firstChild as Text, k, displayOf)).toBe(false);
    expect(laidOutApart(s, p.lastChild as Text, displayOf)).toBe(false);
  });

  it('tells where text starts and ends in a word', () => {
    expect(endsInWord('S&P 500')).toBe(true);
    expect(endsInWord('500 ')).toBe(false);
    expect(endsInWord('')).toBe(false);
    expect(startsWithWord('6,032')).toBe(true);
    expect(startsWithWord('\u00a0x')).toBe(false);
    expect(startsWithWord('ab', 2)).toBe(false);
  });
});

describe('the walk with layout-aware boundaries', () => {
  it('reads a glued market strip as separate runs, and ordinary prose as one', () => {
    document.body.innerHTML =
      `<div><a data-display="flex"><span>S&amp;P 500</span><span>6,032.38</span><span>+0.42%</span></a></div>` +
      `<p>Traders bought $<b>KTOS</b> and <a>SFM</a>) calls.</p>`;
    expect(runs(displayOf)).toEqual([
      'S&P 500',
      '6,032.38',
      '+0.42%',
      'Traders bought $KTOS and SFM) calls.',
    ]);
    // Without layout information the source order is all there is.
    expect(runs()).toEqual(['S&P 5006,032.38+0.42%', 'Traders bought $KTOS and SFM) calls.']);
  });

  it('asks for styles only where text touches across elements without whitespace', () => {
    document.body.innerHTML = `<p>One <b>two</b> three <i>four</i>. Five<span>six</span></p>`;
    const asked: string[] = [];
    runs((el) => {
      asked.push(el.localName);
      return displayOf(el);
    });
    // "four" + "." and "Five" + "six" touch (their common parent, then the elements between);
    // "One " / "two", "two" / " three" and " three " / "four" are separated by spaces.
    expect(asked).toEqual(['p', 'i', 'p', 'span']);
  });
});
