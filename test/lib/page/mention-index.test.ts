// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { MentionIndex, MentionRecord } from '../../../lib/page/mention-index';

let a: Text;
let b: Text;
let index: MentionIndex;

function record(
  symbol: string,
  startNode: Text,
  startOffset: number,
  endNode: Text,
  endOffset: number,
  pass = 1,
  kind = 'bare',
): MentionRecord {
  const nodes = startNode === endNode ? [startNode] : [startNode, endNode];
  return new MentionRecord(
    symbol,
    kind,
    startNode,
    startOffset,
    endNode,
    endOffset,
    null,
    nodes,
    pass,
  );
}

beforeEach(() => {
  document.body.innerHTML = `<p>Shares of KTOS and SPY rose; $<b>AAPL</b> fell</p>`;
  const p = document.body.firstElementChild!;
  a = p.firstChild as Text; // "Shares of KTOS and SPY rose; $"
  b = p.querySelector('b')!.firstChild as Text; // "AAPL"
  index = new MentionIndex();
});

describe('MentionIndex', () => {
  it('finds the mention containing a caret offset by binary search, both ends inclusive', () => {
    const ktos = record('KTOS', a, 10, a, 14);
    const spy = record('SPY', a, 19, a, 22);
    index.add(spy); // out of order on purpose
    index.add(ktos);
    expect(index.at(a, 9)).toEqual([]);
    expect(index.at(a, 10)).toEqual([ktos]);
    expect(index.at(a, 12)).toEqual([ktos]);
    expect(index.at(a, 14)).toEqual([ktos]);
    expect(index.at(a, 16)).toEqual([]);
    expect(index.at(a, 20)).toEqual([spy]);
    expect(index.onNode(a)).toEqual([ktos, spy]);
  });

  it('indexes a mention spanning two text nodes on both', () => {
    const aapl = record('AAPL', a, a.length - 1, b, 4, 1, 'cashtag');
    index.add(aapl);
    expect(index.at(a, a.length)).toEqual([aapl]);
    expect(index.at(b, 2)).toEqual([aapl]);
    expect(aapl.range().toString()).toBe('$AAPL');
  });

  it('returns the innermost of overlapping mentions first', () => {
    const link = record('KTOS', a, 0, a, 22, 1, 'link');
    const ktos = record('KTOS', a, 10, a, 14);
    index.add(link);
    index.add(ktos);
    expect(index.at(a, 12)).toEqual([ktos, link]);
    expect(index.at(a, 2)).toEqual([link]);
  });

  it('counts symbols and forgets removed mentions everywhere', () => {
    const m1 = record('SPY', a, 19, a, 22);
    const m2 = record('SPY', a, 10, a, 14);
    const m3 = record('AAPL', a, a.length - 1, b, 4);
    for (const m of [m1, m2, m3]) index.add(m);
    expect(index.symbols()).toEqual([
      { symbol: 'SPY', count: 2 },
      { symbol: 'AAPL', count: 1 },
    ]);
    expect(index.remove(m3)).toBe(true);
    expect(index.remove(m3)).toBe(false);
    expect(index.hasNode(b)).toBe(false);
    expect(index.symbols()).toEqual([{ symbol: 'SPY', count: 2 }]);
    expect(index.size).toBe(2);
  });

  it('lists stale mentions of other passes and mentions on detached nodes', () => {
    const old = record('KTOS', a, 10, a, 14, 1);
    const fresh = record('SPY', a, 19, a, 22, 2);
    const onB = record('AAPL', b, 0, b, 4, 2);
    for (const m of [old, fresh, onB]) index.add(m);
    expect(index.staleOn(a, 2)).toEqual([old]);
    expect(index.disconnected()).toEqual([]);
    b.parentNode!.removeChild(b);
    expect(index.disconnected()).toEqual([onB]);
  });

  it('between returns the mentions of a node that fall in a range, with one reaching into it', () => {
    const ktos = record('KTOS', a, 10, a, 14);
    const spy = record('SPY', a, 19, a, 22);
    const aapl = record('AAPL', a, 29, b, 4);
    for (const m of [ktos, spy, aapl]) index.add(m);
    expect(index.between(a, 0, 15)).toEqual([ktos]);
    expect(index.between(a, 12, 20)).toEqual([ktos, spy]);
    expect(index.between(a, 23, 100)).toEqual([aapl]);
    expect(index.between(a, 23, 25)).toEqual([]);
    expect(index.between(b, 0, 2)).toEqual([aapl]);
  });
});
