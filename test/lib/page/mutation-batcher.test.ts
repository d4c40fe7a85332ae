// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createMutationBatcher,
  normalizeRoots,
  unitForChange,
} from '../../../lib/page/mutation-batcher';

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = '';
});
afterEach(() => controller.abort());

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('unitForChange', () => {
  it('maps a text node to its paragraph, an element to itself', () => {
    document.body.innerHTML = `<div id="feed"><p id="p">Shares of <a><b id="b">KTOS</b></a></p></div>`;
    const b = document.getElementById('b')!;
    expect(unitForChange(b.firstChild!, document.body)).toBe(document.getElementById('p'));
    expect(unitForChange(b, document.body)).toBe(b);
  });

  it('stops a few levels up rather than re-scanning a whole feed', () => {
    document.body.innerHTML = `<main id="feed"><span><span><span><span><span id="deep">x</span></span></span></span></span></main>`;
    const deep = document.getElementById('deep')!;
    expect(unitForChange(deep.firstChild!, document.body)).toBe(deep);
  });
});

describe('normalizeRoots', () => {
  it('drops disconnected nodes, duplicates and units inside other units', () => {
    document.body.innerHTML = `<section id="s"><p id="a">a</p><p id="b">b</p></section><p id="c">c</p>`;
    const s = document.getElementById('s')!;
    const a = document.getElementById('a')!;
    const c = document.getElementById('c')!;
    const detached = document.createElement('p');
    const roots = normalizeRoots([a, s, a.firstChild!, c.firstChild!, c, detached], document.body);
    expect(roots).toEqual([s, c]);
  });
});

describe('createMutationBatcher', () => {
  it('queues added and changed nodes, flags removals, and calls onQueued once per batch', async () => {
    document.body.innerHTML = `<div id="feed"><p id="old">old</p><p id="t">text</p></div>`;
    let queued = 0;
    const batcher = createMutationBatcher({
      root: document.body,
      win: window,
      signal: controller.signal,
      onQueued: () => queued++,
    });
    const feed = document.getElementById('feed')!;
    const added = document.createElement('p');
    added.textContent = 'new $KTOS';
    feed.append(added);
    (document.getElementById('t')!.firstChild as Text).data = 'changed';
    document.getElementById('old')!.remove();
    await tick();
    expect(queued).toBe(1);
    expect(batcher.pending).toBe(true);
    const batch = batcher.take();
    expect(batch.roots).toEqual([added, document.getElementById('t')]);
    expect(batch.removed).toBe(true);
    expect(batch.overflow).toBe(false);
    expect(batcher.pending).toBe(false);
  });

  it('collapses an overflowing queue into one full re-scan', async () => {
    document.body.innerHTML = `<div id="feed"></div>`;
    const batcher = createMutationBatcher({
      root: document.body,
      win: window,
      signal: controller.signal,
      onQueued: () => {},
      maxQueue: 10,
    });
    const feed = document.getElementById('feed')!;
    for (let i = 0; i < 30; i++) feed.append(document.createElement('p'));
    await tick();
    const batch = batcher.take();
    expect(batch.overflow).toBe(true);
    expect(batch.roots).toEqual([]);
    expect(batcher.stats.overflows).toBe(1);
  });

  it('backs off while drains come too fast, and recovers when calm', () => {
    let t = 0;
    const batcher = createMutationBatcher({
      root: document.body,
      win: window,
      signal: controller.signal,
      onQueued: () => {},
      maxDrainsPerSecond: 4,
      maxDelayMs: 1000,
      now: () => t,
    });
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      t += 50; // 20 drains per second: a storm
      batcher.take();
      delays.push(batcher.delayMs);
    }
    expect(delays).toEqual([0, 50, 100, 200, 400, 800]);
    const calm: number[] = [];
    for (let i = 0; i < 5; i++) {
      t += 5000;
      batcher.take();
      calm.push(batcher.delayMs);
    }
    expect(calm).toEqual([400, 200, 100, 50, 0]);
  });

  it('stops observing when the signal aborts', async () => {
    let queued = 0;
    createMutationBatcher({
      root: document.body,
      win: window,
      signal: controller.signal,
      onQueued: () => queued++,
    });
    controller.abort();
    document.body.append(document.createElement('p'));
    await tick();
    expect(queued).toBe(0);
  });
});
