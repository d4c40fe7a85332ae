/**
 * Turns pointer movement (and keyboard focus) into "open the card for this mention" and "close
 * it", with the timing a hover card needs: a short open delay so sweeping the pointer across a
 * paragraph opens nothing, and a leave grace period so the pointer can travel from the mention
 * into the card. Hit-testing runs at most once per animation frame from passive listeners, in
 * every document of the page (frames included).
 *
 * Only the reader's own input counts: events a page script dispatches (`isTrusted` false) are
 * ignored, so a page cannot open cards or make the extension request prices.
 */

import type { MentionHit } from './document-scanner';
import type { PageMention } from './mention-index';
import type { PageDocument, PageEngine } from './page-engine';

/** The timers the tracker uses (the top window by default). */
export type HoverWindow = Pick<
  Window,
  'requestAnimationFrame' | 'cancelAnimationFrame' | 'setTimeout' | 'clearTimeout'
>;

export interface HoverTrackerOptions {
  engine: Pick<PageEngine, 'onDocument' | 'toTop'>;
  /** Aborting removes every listener and timer (no `onLeave` is called). */
  signal: AbortSignal;
  /**
   * Open (or move) the card for `mention`; `anchorRect` is the line fragment under the pointer
   * (or the focused link's box), in the top document's viewport CSS pixels. May be called again
   * while open, for another mention, without an `onLeave` in between.
   */
  onEnter: (mention: PageMention, anchorRect: DOMRect) => void;
  /** Close the card. */
  onLeave: () => void;
  /**
   * Called when the pointer first rests on a mention, before the open delay ends (prefetch);
   * `anchorRect` as for `onEnter`.
   */
  onIntent?: (mention: PageMention, anchorRect: DOMRect) => void;
  /**
   * Whether an event is the reader's own. Default `event.isTrusted`; tests pass their own, since
   * events they dispatch are never trusted.
   */
  isTrusted?: (event: Event) => boolean;
  /**
   * Pointer rest time before opening, ms, counted from the pointer's arrival (the event's
   * timestamp), not from the animation frame that hit-tests it. Default 150.
   */
  delayMs?: number;
  /** Time the pointer may spend off the mention and off the card before closing, ms. Default 300. */
  leaveDelayMs?: number;
  win?: HoverWindow;
  /** The clock of event timestamps (`performance.now` by default). */
  now?: () => number;
}

export interface HoverTracker {
  /**
   * Tell the tracker the pointer is over the card, or focus is inside it (true): the card stays
   * open. False starts the leave grace period.
   */
  setOverCard(over: boolean): void;
  /** The mention whose card is open, or null. */
  readonly current: PageMention | null;
  /** Opens the card for a mention now (keyboard navigation). */
  open(mention: PageMention, anchorRect: DOMRect): void;
  /** Closes the card now (calls `onLeave` if open). */
  close(): void;
}

/** Whether two mention objects denote the same mention (records are replaced on re-scans). */
export function sameMention(a: PageMention | null, b: PageMention | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.startNode === b.startNode &&
    a.startOffset === b.startOffset &&
    a.endNode === b.endNode &&
    a.endOffset === b.endOffset &&
    a.symbol === b.symbol
  );
}

/** Starts tracking; see {@link HoverTrackerOptions}. */
export function watchHover(options: HoverTrackerOptions): HoverTracker {
  const win = options.win ?? (globalThis.window as HoverWindow);
  const { engine, signal, onEnter, onLeave } = options;
  const trusted = options.isTrusted ?? ((e: Event) => e.isTrusted);
  const delayMs = options.delayMs ?? 150;
  const leaveDelayMs = options.leaveDelayMs ?? 300;

  let open: PageMention | null = null;
  let candidate: { hit: MentionHit; d: PageDocument } | null = null;
  let overCard = false;
  let openTimer: number | null = null;
  let leaveTimer: number | null = null;
  let frame: number | null = null;
  let pointer: { d: PageDocument; x: number; y: number; at: number } | null = null;
  const now = options.now ?? (() => performance.now());

  const clearOpenTimer = (): void => {
    if (openTimer !== null) win.clearTimeout(openTimer);
    openTimer = null;
  };
  const clearLeaveTimer = (): void => {
    if (leaveTimer !== null) win.clearTimeout(leaveTimer);
    leaveTimer = null;
  };

  const show = (mention: PageMention, rect: DOMRect): void => {
    clearOpenTimer();
    clearLeaveTimer();
    candidate = null;
    open = mention;
    onEnter(mention, rect);
  };

  const close = (): void => {
    clearOpenTimer();
    clearLeaveTimer();
    candidate = null;
    if (!open) return;
    open = null;
    onLeave();
  };

  const startLeave = (): void => {
    if (!open || overCard || leaveTimer !== null) return;
    leaveTimer = win.setTimeout(() => {
      leaveTimer = null;
      if (!overCard) close();
    }, leaveDelayMs);
  };

  const evaluate = (): void => {
    frame = null;
    if (signal.aborted || !pointer) return;
    const { d, x, y } = pointer;
    const hit = d.scanner.hitAt(x, y);
    if (hit && sameMention(hit.mention, open)) {
      clearLeaveTimer();
      clearOpenTimer();
      candidate = null;
      return;
    }
    if (hit) {
      if (!candidate || !sameMention(candidate.hit.mention, hit.mention)) {
        clearOpenTimer();
        candidate = { hit, d };
        options.onIntent?.(hit.mention, engine.toTop(d, hit.rect));
        // The delay runs from the pointer's arrival: the frame that hit-tested it came later.
        const waited = Math.min(delayMs, Math.max(0, now() - pointer.at));
        openTimer = win.setTimeout(() => {
          openTimer = null;
          const c = candidate;
          // Still on the page's index: not replaced or withdrawn while the delay ran.
          if (c && !signal.aborted && c.d.scanner.has(c.hit.mention)) {
            show(c.hit.mention, engine.toTop(c.d, c.hit.rect));
          }
        }, delayMs - waited);
      }
      startLeave();
      return;
    }
    candidate = null;
    clearOpenTimer();
    startLeave();
  };

  const schedule = (): void => {
    if (frame === null) frame = win.requestAnimationFrame(evaluate);
  };

  const listen = { passive: true, capture: true, signal } as const;
  const watch = (d: PageDocument): void => {
    const doc = d.scanner.document;
    doc.addEventListener(
      'pointermove',
      (e: PointerEvent) => {
        // A page script's synthetic event, or a touch (taps are the page's): ignored.
        if (!trusted(e) || e.pointerType === 'touch') return;
        // A moving pointer's arrival on a mention is the last move's time.
        const at = Number.isFinite(e.timeStamp) && e.timeStamp > 0 ? e.timeStamp : now();
        pointer = { d, x: e.clientX, y: e.clientY, at };
        schedule();
      },
      listen,
    );
    doc.addEventListener(
      'pointerout',
      (e: PointerEvent) => {
        if (!trusted(e) || e.relatedTarget !== null || pointer?.d !== d) return;
        // Left this document (the window, or the frame into its parent).
        pointer = null;
        candidate = null;
        clearOpenTimer();
        startLeave();
      },
      listen,
    );
    // Scrolling moves text under a still pointer.
    d.win.addEventListener?.(
      'scroll',
      (e: Event) => {
        if (!trusted(e) || pointer?.d !== d) return;
        // Text arriving under a still pointer has just arrived: its delay starts now.
        pointer.at = now();
        schedule();
      },
      listen,
    );
    doc.addEventListener(
      'focusin',
      (e: FocusEvent) => {
        const target = e.target;
        if (!trusted(e) || !isElement(target)) return;
        const mention = d.scanner.mentionForElement(target);
        if (!mention) return;
        const rect = mention.rects()[0] ?? target.getBoundingClientRect();
        show(mention, engine.toTop(d, rect));
      },
      listen,
    );
    doc.addEventListener(
      'focusout',
      (e: FocusEvent) => {
        const target = e.target;
        if (!trusted(e) || !open || !isElement(target)) return;
        if (d.scanner.mentionForElement(target) === open) startLeave();
      },
      listen,
    );
    doc.addEventListener(
      'keydown',
      (e: KeyboardEvent) => {
        if (trusted(e) && e.key === 'Escape' && open) close();
      },
      listen,
    );
  };
  const unwatch = engine.onDocument(watch);

  signal.addEventListener(
    'abort',
    () => {
      unwatch();
      clearOpenTimer();
      clearLeaveTimer();
      if (frame !== null) win.cancelAnimationFrame(frame);
      frame = null;
      open = null;
      candidate = null;
    },
    { once: true },
  );

  return {
    setOverCard(over) {
      overCard = over;
      if (over) clearLeaveTimer();
      else startLeave();
    },
    get current() {
      return open;
    },
    open: show,
    close,
  };
}

/** `instanceof Element` fails across realms (content-script worlds, frames, test windows). */
function isElement(target: EventTarget | null): target is Element {
  return (target as Node | null)?.nodeType === 1;
}
