// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PageMention } from '../../../lib/page/mention-index';
import { inReadingOrder, sortInReadingOrder } from '../../../lib/page/reading-order';

function mention(node: Text, offset: number, symbol = 'SPY'): PageMention {
  return { startNode: node, startOffset: offset, symbol } as unknown as PageMention;
}

/** A page of `n` paragraphs, every fifth a shadow host whose shadow tree holds text too. */
function page(n: number): Text[] {
  document.body.innerHTML = '';
  const texts: Text[] = [];
  for (let i = 0; i < n; i++) {
    const p = document.createElement('p');
    if (i % 5 === 0) {
      const root = p.attachShadow({ mode: 'open' });
      const inner = document.createElement('span');
      inner.textContent = `shadow ${i}`;
      root.append(inner);
      texts.push(inner.firstChild as Text);
    }
    p.textContent = `light ${i}`;
    texts.push(p.firstChild as Text);
    document.body.append(p);
  }
  return texts;
}

/** A shuffle that does not depend on Math.random (repeatable). */
function shuffled<T>(list: T[]): T[] {
  const out = [...list];
  let seed = 7;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 48271) % 2147483647;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('sortInReadingOrder', () => {
  it('orders a long page as the pairwise comparison does, shadow trees where their hosts stand', () => {
    const texts = page(300);
    const mentions = shuffled(texts.flatMap((t) => [mention(t, 3), mention(t, 0)]));
    expect(mentions.length).toBeGreaterThan(200);
    const byWalk = sortInReadingOrder(mentions);
    const pairwise = mentions.toSorted(inReadingOrder);
    expect(byWalk).toEqual(pairwise);
    // A shadow tree's text comes before its host's own children.
    expect((byWalk[0]!.startNode as Text).data).toBe('shadow 0');
    expect((byWalk[2]!.startNode as Text).data).toBe('light 0');
  });

  it('puts mentions whose node left the document after the others', () => {
    const texts = page(250);
    const gone = document.createTextNode('gone');
    const mentions = shuffled([...texts.map((t) => mention(t, 0)), mention(gone, 0)]);
    const sorted = sortInReadingOrder(mentions);
    expect(sorted.at(-1)!.startNode).toBe(gone);
    expect(sorted.slice(0, -1)).toEqual(
      mentions.filter((m) => m.startNode !== gone).toSorted(inReadingOrder),
    );
  });

  it('sorts short lists pairwise', () => {
    const texts = page(10);
    const mentions = shuffled(texts.map((t) => mention(t, 0)));
    expect(sortInReadingOrder(mentions)).toEqual(mentions.toSorted(inReadingOrder));
  });
});
