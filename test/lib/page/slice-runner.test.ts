// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSliceRunner, type SliceWindow } from '../../../lib/page/slice-runner';

let controller: AbortController;
let clock: number;
const idleCalls: { timeout?: number }[] = [];

const win: SliceWindow = {
  setTimeout: ((fn: () => void, ms?: number) =>
    setTimeout(fn, ms)) as unknown as Window['setTimeout'],
  clearTimeout: ((id: number) => clearTimeout(id)) as Window['clearTimeout'],
  performance: { now: () => clock },
  requestIdleCallback: (cb, options) => {
    idleCalls.push({ timeout: options?.timeout });
    return setTimeout(
      () => cb({ didTimeout: false, timeRemaining: () => 3 }),
      1,
    ) as unknown as number;
  },
  cancelIdleCallback: (id) => clearTimeout(id),
};

beforeEach(() => {
  vi.useFakeTimers();
  controller = new AbortController();
  clock = 0;
  idleCalls.length = 0;
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('createSliceRunner', () => {
  it('gives each slice the smaller of its budget and the idle time left, and records timings', () => {
    const deadlines: number[] = [];
    let left = 3;
    const runner = createSliceRunner({
      win,
      budgetMs: 5,
      idleTimeoutMs: 300,
      signal: controller.signal,
      work: (deadline) => {
        deadlines.push(deadline - clock);
        clock += 2; // each slice takes 2 ms
        return { more: --left > 0 };
      },
    });
    runner.request();
    vi.runAllTimers();
    expect(deadlines).toEqual([3, 3, 3]);
    expect(idleCalls).toEqual([{ timeout: 300 }, { timeout: 300 }, { timeout: 300 }]);
    expect(runner.stats).toEqual({ slices: 3, busyMs: 6, longestMs: 2 });
  });

  it('runs urgent work in the next macrotask with the full budget', () => {
    const deadlines: number[] = [];
    const runner = createSliceRunner({
      win,
      budgetMs: 5,
      idleTimeoutMs: 300,
      signal: controller.signal,
      work: (deadline) => {
        deadlines.push(deadline - clock);
        return { more: false };
      },
    });
    runner.request(true);
    vi.advanceTimersByTime(0);
    expect(deadlines).toEqual([5]);
    expect(idleCalls).toEqual([]);
  });

  it('cancels pending slices when the signal aborts', () => {
    const work = vi.fn(() => ({ more: true }));
    const runner = createSliceRunner({
      win,
      budgetMs: 5,
      idleTimeoutMs: 300,
      signal: controller.signal,
      work,
    });
    runner.request();
    controller.abort();
    vi.runAllTimers();
    expect(work).not.toHaveBeenCalled();
    expect(runner.scheduled).toBe(false);
  });
});
