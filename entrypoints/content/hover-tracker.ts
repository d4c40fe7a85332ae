/**
 * Turns pointer movement (and keyboard focus) into "open the card for this mention" and "close
 * it", with the timing a hover card needs: a short open delay so sweeping the pointer across a
 * paragraph opens nothing, and a leave grace period so the pointer can travel from the mention
 * into the card. Hit-testing runs at most once per animation frame from a passive listener.
 */

import type { MentionHit, PageScanner } from './page-scanner';
import type { PageMention } from './mention-index';

/** The globals the tracker uses (the page's `window` by default). */
export type HoverWindow = Pick<
  Window,
  | 'addEventListener'
  | 'requestAnimationFrame'
  | 'cancelAnimationFrame'
  | 'setTimeout'
  | 'clearTimeout'
> & { document: Pick<Document, 'addEventListener'> };

export interface HoverTrackerOptions {
  scanner: Pick<PageScanner, 'hitAt' | 'mentionForElement'>;
  /** Aborting removes every listener and timer (no `onLeave` is called). */
  signal: AbortSignal;
  /**
   * Open (or move) the card for `mention`; `anchorRect` is the line fragment under the pointer
   * (or the focused link's box), in viewport CSS pixels. May be called again while open, for
   * another mention, without an `onLeave` in between.
   */
  onEnter: (mention: PageMention, anchorRect: DOMRect) => void;
  /** Close the card. */
  onLeave: () => void;
  /** Pointer rest time before opening, ms. Default 150. */
  delayMs?: number;
  /** Time the pointer may spend off the mention and off the card before closing, ms. Default 300. */
  leaveDelayMs?: number;
  win?: HoverWindow;
}

export interface HoverTracker {
  /**
   * Tell the tracker the pointer is over the card, or focus is inside it (true): the card stays
   * open. False starts the leave grace period.
   */
  setOverCard(over: boolean): void;
  /** The mention whose card is open, or null. */
  readonly current: PageMention | null;
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
  const doc = win.document;
  const { scanner, signal, onEnter, onLeave } = options;
  const delayMs = options.delayMs ?? 150;
  const leaveDelayMs = options.leaveDelayMs ?? 300;

  let open: PageMention | null = null;
  let candidate: MentionHit | null = null;
  let overCard = false;
  let openTimer: number | null = null;
  let leaveTimer: number | null = null;
  let frame: number | null = null;
  let pointer: { x: number; y: number } | null = null;

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
    const hit = scanner.hitAt(pointer.x, pointer.y);
    if (hit && sameMention(hit.mention, open)) {
      clearLeaveTimer();
      clearOpenTimer();
      candidate = null;
      return;
    }
    if (hit) {
      if (!candidate || !sameMention(candidate.mention, hit.mention)) {
        clearOpenTimer();
        candidate = hit;
        openTimer = win.setTimeout(() => {
          openTimer = null;
          const c = candidate;
          if (c && !signal.aborted) show(c.mention, c.rect);
        }, delayMs);
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
  doc.addEventListener(
    'pointermove',
    (e: PointerEvent) => {
      if (e.pointerType === 'touch') return; // no hover on touch; taps are the page's
      pointer = { x: e.clientX, y: e.clientY };
      schedule();
    },
    listen,
  );
  doc.addEventListener(
    'pointerout',
    (e: PointerEvent) => {
      if (e.relatedTarget === null) {
        // Left the window.
        pointer = null;
        candidate = null;
        clearOpenTimer();
        startLeave();
      }
    },
    listen,
  );
  // Scrolling moves text under a still pointer.
  win.addEventListener(
    'scroll',
    () => {
      if (pointer) schedule();
    },
    listen,
  );
  doc.addEventListener(
    'focusin',
    (e: FocusEvent) => {
      const target = e.target;
      if (!isElement(target)) return;
      const mention = scanner.mentionForElement(target);
      if (!mention) return;
      const rect = mention.rects()[0] ?? target.getBoundingClientRect();
      show(mention, rect);
    },
    listen,
  );
  doc.addEventListener(
    'focusout',
    (e: FocusEvent) => {
      const target = e.target;
      if (open && isElement(target) && scanner.mentionForElement(target) === open) {
        startLeave();
      }
    },
    listen,
  );
  doc.addEventListener(
    'keydown',
    (e: KeyboardEvent) => {
      if (e.key === 'Escape' && open) close();
    },
    listen,
  );
  signal.addEventListener(
    'abort',
    () => {
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
    close,
  };
}

/** `instanceof Element` fails across realms (content-script worlds, test windows). */
function isElement(target: EventTarget | null): target is Element {
  return (target as Node | null)?.nodeType === 1;
}
