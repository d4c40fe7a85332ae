/**
 * Runs the scanner's work in short slices so no task the page sees gets long: urgent work
 * (the visible part of the page) in the next macrotask, the rest in idle callbacks with a timeout
 * (so it still progresses on a busy page), `setTimeout` where `requestIdleCallback` is missing
 * (Safari).
 */

/** What one slice of work reports back. */
export interface SliceResult {
  /** More work is waiting. */
  more: boolean;
  /** The waiting work should run soon (next macrotask) rather than when idle. */
  urgent?: boolean;
}

/** Main-thread time spent by the runner, for benchmarks and diagnostics. */
export interface SliceStats {
  slices: number;
  /** Total time inside slices, ms. */
  busyMs: number;
  /** Longest single slice, ms. */
  longestMs: number;
}

/** The timer functions the runner uses (a Window, or a fake in tests). */
export type SliceWindow = Pick<Window, 'setTimeout' | 'clearTimeout'> & {
  performance: Pick<Performance, 'now'>;
  requestIdleCallback?: (cb: IdleRequestCallback, options?: IdleRequestOptions) => number;
  cancelIdleCallback?: (handle: number) => void;
};

export interface SliceRunnerOptions {
  win: SliceWindow;
  /** Time budget of one slice, ms. */
  budgetMs: number;
  /** Longest wait for an idle period before running anyway, ms. */
  idleTimeoutMs: number;
  /** Does work until `performance.now()` reaches `deadline`. */
  work: (deadline: number) => SliceResult;
  signal: AbortSignal;
}

export interface SliceRunner {
  /** Schedules a slice (no-op if one is already scheduled sooner). `delayMs` defers idle work. */
  request(urgent?: boolean, delayMs?: number): void;
  readonly stats: SliceStats;
  /** True while a slice is scheduled. */
  readonly scheduled: boolean;
}

/** Creates a slice runner; everything pending is cancelled when `signal` aborts. */
export function createSliceRunner(options: SliceRunnerOptions): SliceRunner {
  const { win, budgetMs, idleTimeoutMs, work, signal } = options;
  const stats: SliceStats = { slices: 0, busyMs: 0, longestMs: 0 };
  let timeoutId: number | null = null;
  let idleId: number | null = null;
  let scheduledUrgent = false;

  const cancel = (): void => {
    if (timeoutId !== null) win.clearTimeout(timeoutId);
    if (idleId !== null) win.cancelIdleCallback?.(idleId);
    timeoutId = null;
    idleId = null;
  };
  signal.addEventListener('abort', cancel, { once: true });

  const run = (idle?: IdleDeadline): void => {
    timeoutId = null;
    idleId = null;
    scheduledUrgent = false;
    if (signal.aborted) return;
    const start = win.performance.now();
    // An idle deadline shorter than our budget is respected; a timed-out idle callback
    // (timeRemaining() == 0) still gets the normal budget so work progresses on busy pages.
    const remaining = idle && !idle.didTimeout ? idle.timeRemaining() : budgetMs;
    const deadline = start + Math.max(1, Math.min(budgetMs, remaining));
    let result: SliceResult;
    try {
      result = work(deadline);
    } finally {
      const spent = win.performance.now() - start;
      stats.slices++;
      stats.busyMs += spent;
      if (spent > stats.longestMs) stats.longestMs = spent;
    }
    if (result.more) request(result.urgent ?? false);
  };

  const request = (urgent = false, delayMs = 0): void => {
    if (signal.aborted) return;
    if (urgent) {
      if (scheduledUrgent) return;
      cancel();
      scheduledUrgent = true;
      timeoutId = win.setTimeout(() => run(), 0);
      return;
    }
    if (timeoutId !== null || idleId !== null) return;
    const ric = win.requestIdleCallback;
    const scheduleIdle = (): void => {
      timeoutId = null;
      if (ric) idleId = ric.call(win, run, { timeout: idleTimeoutMs });
      else timeoutId = win.setTimeout(() => run(), 0);
    };
    if (delayMs > 0) timeoutId = win.setTimeout(scheduleIdle, delayMs);
    else scheduleIdle();
  };

  return {
    request,
    stats,
    get scheduled() {
      return timeoutId !== null || idleId !== null;
    },
  };
}
