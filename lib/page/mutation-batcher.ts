/**
 * Keeps the scan current on infinite-scroll and single-page-app pages, uBlock Origin style: the
 * MutationObserver callback only queues what was added or changed (no DOM reads, no detection),
 * and the scanner drains the queue later, in idle slices. Under a mutation storm (a live ticker,
 * an animation rewriting text) the drain backs off exponentially, and an overflowing queue
 * collapses into one re-scan of the whole root instead of thousands of small ones.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** What the scanner takes from the queue in one go. */
export interface MutationBatch {
  /** Subtrees to (re-)scan: deduplicated, connected, none inside another. */
  roots: Node[];
  /** Some nodes were removed: mentions on disconnected text must be dropped. */
  removed: boolean;
  /** The queue overflowed: re-scan everything under the observed root instead. */
  overflow: boolean;
}

export interface MutationBatcherOptions {
  root: Node;
  win: { MutationObserver: typeof MutationObserver };
  signal: AbortSignal;
  /** Called (synchronously, from the observer callback) when the queue goes from empty to not. */
  onQueued: () => void;
  /** Queue length beyond which the batch becomes one full re-scan. Default 2000. */
  maxQueue?: number;
  /** Drains per second above which the batcher backs off. Default 4. */
  maxDrainsPerSecond?: number;
  /** Longest back-off between drains, ms. Default 4000. */
  maxDelayMs?: number;
  /** Clock, ms. Default `performance.now`. */
  now?: () => number;
}

export interface MutationBatcher {
  /** Whether anything is queued. */
  readonly pending: boolean;
  /** Takes and clears the queue. */
  take(): MutationBatch;
  /** How long to wait before the next drain, ms (0 unless mutations are storming). */
  readonly delayMs: number;
  /** Counters for diagnostics. */
  readonly stats: { records: number; drains: number; overflows: number };
  /** Processes records the observer has not delivered yet (used before a synchronous drain). */
  flushRecords(): void;
}

/**
 * The smallest subtree to re-scan for a changed node: a text node's paragraph (so a mention
 * split across inline markup is re-read whole), at most a few levels up so a text node added
 * directly to a feed container does not re-scan the feed; an added element is scanned alone.
 */
export function unitForChange(node: Node, root: Node): Node | null {
  if (node.nodeType === ELEMENT_NODE) return node;
  if (node.nodeType !== TEXT_NODE) return null;
  const parent = node.parentElement;
  if (!parent) return null;
  let el: Element | null = parent;
  for (let depth = 0; el && depth < 4; depth++) {
    if (el === root) return el;
    const display = el.localName;
    if (PARAGRAPH_TAGS.has(display)) return el;
    el = el.parentElement;
  }
  return parent;
}

const PARAGRAPH_TAGS: ReadonlySet<string> = new Set([
  'p',
  'li',
  'td',
  'th',
  'dd',
  'dt',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figcaption',
  'caption',
  'div',
  'article',
  'section',
]);

/**
 * Reduces changed nodes to the subtrees to scan: each mapped to its unit, dropping
 * disconnected ones, nodes outside `root`, duplicates and units inside another unit.
 */
export function normalizeRoots(nodes: Iterable<Node>, root: Node): Node[] {
  const units = new Set<Node>();
  for (const n of nodes) {
    if (!n.isConnected) continue;
    const unit = unitForChange(n, root);
    if (unit && unit.isConnected && (unit === root || root.contains(unit))) units.add(unit);
  }
  if (units.has(root)) return [root];
  const out: Node[] = [];
  for (const unit of units) {
    let covered = false;
    for (let p = unit.parentNode; p && p !== root; p = p.parentNode) {
      if (units.has(p)) {
        covered = true;
        break;
      }
    }
    if (!covered) out.push(unit);
  }
  return out;
}

/** Starts observing `root` (childList, characterData, subtree); stops when `signal` aborts. */
export function createMutationBatcher(options: MutationBatcherOptions): MutationBatcher {
  const { root, win, signal, onQueued } = options;
  const maxQueue = options.maxQueue ?? 2000;
  const minInterval = 1000 / (options.maxDrainsPerSecond ?? 4);
  const maxDelayMs = options.maxDelayMs ?? 4000;
  const now = options.now ?? (() => performance.now());

  let queue = new Set<Node>();
  let removed = false;
  let overflow = false;
  let delayMs = 0;
  let lastDrain = -Infinity;
  const stats = { records: 0, drains: 0, overflows: 0 };

  const handle = (records: MutationRecord[]): void => {
    const wasEmpty = !(queue.size > 0 || removed || overflow);
    stats.records += records.length;
    for (const record of records) {
      if (record.type === 'characterData') {
        if (!overflow) queue.add(record.target);
      } else {
        if (record.removedNodes.length > 0) removed = true;
        if (!overflow) {
          const added = record.addedNodes;
          for (let i = 0; i < added.length; i++) {
            const n = added[i]!;
            if (n.nodeType === ELEMENT_NODE || n.nodeType === TEXT_NODE) queue.add(n);
          }
        }
      }
      if (queue.size > maxQueue) {
        overflow = true;
        queue = new Set();
      }
    }
    const isEmpty = !(queue.size > 0 || removed || overflow);
    if (wasEmpty && !isEmpty) onQueued();
  };

  const observer = new win.MutationObserver(handle);
  observer.observe(root, { childList: true, characterData: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      queue.clear();
    },
    { once: true },
  );

  return {
    get pending() {
      return queue.size > 0 || removed || overflow;
    },
    get delayMs() {
      return delayMs;
    },
    stats,
    flushRecords() {
      const records = observer.takeRecords();
      if (records.length > 0) handle(records);
    },
    take() {
      const t = now();
      // Back off while drains come faster than allowed; recover by halves when calm.
      if (t - lastDrain < minInterval) delayMs = Math.min(maxDelayMs, Math.max(50, delayMs * 2));
      else delayMs = delayMs < 100 ? 0 : delayMs / 2;
      lastDrain = t;
      stats.drains++;
      if (overflow) stats.overflows++;
      const batch: MutationBatch = {
        roots: overflow ? [] : normalizeRoots(queue, root),
        removed,
        overflow,
      };
      queue = new Set();
      removed = false;
      overflow = false;
      return batch;
    },
  };
}
