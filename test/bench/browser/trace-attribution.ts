/**
 * Attributes a Chromium trace's main-thread work to an extension's content script: which top-level
 * tasks of the page's renderer main thread ran the script's code, and how much thread CPU time
 * they took.
 *
 * A task counts as the script's when it holds an event tagged with the script's URL (its
 * `EvaluateScript` with compile and first run, `FunctionCall`s of timers, idle callbacks,
 * observers and listeners), or when it delivers a reply to an extension API call ("Receive mojo
 * reply": `storage.get`, `runtime.sendMessage`), whose promise continuations run our code as
 * microtasks without a `FunctionCall` of their own. The whole task's thread time counts, so the
 * browser's own work the script causes inside it (compilation, style and layout for hit-tests,
 * garbage collection) is included; rendering in later frames (painting the underlines) is not.
 */

/** A Chrome trace event (the fields this module reads). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; name?: string }; fileName?: string; name?: string };
}

/** What one page load's trace says about the script. */
export interface ScriptCost {
  /** Thread CPU of the tasks that ran the script's code, ms. */
  cpuMs: number;
  /** Number of such tasks. */
  tasks: number;
  /** The longest such task, thread CPU ms, and wall ms. */
  longestCpuMs: number;
  longestWallMs: number;
  /** The task that injected the script (compile, top-level run, world set-up), thread CPU ms. */
  injectionCpuMs: number;
  /** Trace timestamp (µs) when the script was injected. */
  injectedAt: number;
  /** When the last task running the script's code ended, ms after injection. */
  lastTaskEndMs: number;
  /** Thread CPU of every top-level task on that thread from injection on (the page's too), ms. */
  threadCpuMs: number;
  /**
   * Each task that ran the script's code: when (ms after injection), thread CPU ms, why, and its
   * largest nested events (name and wall ms, for verbose reports).
   */
  list: { atMs: number; cpuMs: number; what: string; inside: string }[];
}

const TOP_LEVEL_TASK = 'ThreadControllerImpl::RunTask';

/** Events that say what a task was for (listed per task in verbose reports). */
const WHY = new Set([
  'EvaluateScript',
  'TimerFire',
  'FireIdleCallback',
  'FireAnimationFrame',
  'Receive mojo reply',
  'EventDispatch',
  'IntersectionObserverController::computeIntersections',
  'UpdateLayoutTree',
  'Layout',
  'MinorGC',
  'MajorGC',
  'HitTest',
]);

function mentions(e: TraceEvent, needle: string): boolean {
  const a = e.args;
  if (!a) return false;
  return (a.data?.url ?? a.fileName ?? '').includes(needle);
}

/**
 * Finds the script's injection (`EvaluateScript` of a URL containing `scriptUrl`) and adds up the
 * tasks that ran its code from then on, within `windowMs` after injection. Returns null when the
 * script never ran in the trace.
 */
export function attributeScript(
  events: readonly TraceEvent[],
  scriptUrl: string,
  windowMs = Infinity,
): ScriptCost | null {
  const injection = events.find(
    (e) => e.name === 'EvaluateScript' && e.ph === 'X' && mentions(e, scriptUrl),
  );
  if (!injection) return null;
  const { pid, tid } = injection;
  const start = injection.ts;
  const stop = start + windowMs * 1000;
  const onThread = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= start - 50_000)
    .toSorted((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Top-level tasks, each with the events nested in it.
  type Task = {
    task: TraceEvent;
    ours: boolean;
    end: number;
    what: Set<string>;
    inside: TraceEvent[];
  };
  const tasks: Task[] = [];
  let current: Task | null = null;
  for (const e of onThread) {
    if (current && e.ts < current.end) {
      if (!current.ours) {
        current.ours = mentions(e, scriptUrl) || e.name === 'Receive mojo reply';
      }
      if (current.what.size < 6 && WHY.has(e.name)) current.what.add(e.name);
      if ((e.dur ?? 0) >= 300) current.inside.push(e);
      continue;
    }
    if (e.name !== TOP_LEVEL_TASK) continue;
    current = { task: e, ours: false, end: e.ts + (e.dur ?? 0), what: new Set(), inside: [] };
    tasks.push(current);
  }
  const cost: ScriptCost = {
    cpuMs: 0,
    tasks: 0,
    longestCpuMs: 0,
    longestWallMs: 0,
    injectionCpuMs: 0,
    injectedAt: start,
    lastTaskEndMs: 0,
    threadCpuMs: 0,
    list: [],
  };
  for (const { task, ours, what, inside } of tasks) {
    const end = task.ts + (task.dur ?? 0);
    if (end < start || task.ts > stop) continue;
    const cpu = (task.tdur ?? task.dur ?? 0) / 1000;
    cost.threadCpuMs += cpu;
    const injecting = task.ts <= start && end >= start;
    if (!ours && !injecting) continue;
    cost.cpuMs += cpu;
    cost.tasks++;
    if (injecting) cost.injectionCpuMs = cpu;
    cost.longestCpuMs = Math.max(cost.longestCpuMs, cpu);
    cost.longestWallMs = Math.max(cost.longestWallMs, (task.dur ?? 0) / 1000);
    cost.lastTaskEndMs = Math.max(cost.lastTaskEndMs, (end - start) / 1000);
    cost.list.push({
      atMs: (task.ts - start) / 1000,
      cpuMs: cpu,
      what: [...what].join(','),
      inside: inside
        .slice(0, 12)
        .map((n) => {
          const where = n.args?.data?.url ?? n.args?.fileName ?? n.args?.data?.name ?? '';
          return `${n.name}${where ? ` ${where.split('/').pop()}` : ''} ${((n.dur ?? 0) / 1000).toFixed(1)}`;
        })
        .join('; '),
    });
  }
  return cost;
}

/** The first `blink.user_timing` mark called `name` (trace µs), or null. */
export function markTime(events: readonly TraceEvent[], name: string): number | null {
  const mark = events.find(
    (e) => e.name === name && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n'),
  );
  return mark ? mark.ts : null;
}
