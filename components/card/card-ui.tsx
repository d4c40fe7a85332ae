/**
 * The hover card's UI chunk (`card-ui.js`): built separately (see wxt.config.ts) and imported by
 * the content script on the first hover (or the first pointer rest, to prefetch). It adds one host
 * element to the page and renders into a closed shadow root there; the content script that runs
 * on every page carries no UI code.
 *
 * The page is not on our side: the host is a plain `<div>` (a page can pre-define a custom
 * element name, never `div`), its shadow root is closed (the page cannot read or write the card),
 * and its inline style resets everything the page could inherit or impose (`all: initial`,
 * `direction`, `zoom`) with `!important`, re-applied on every show. It sits in the top layer where
 * the browser has one (a manual popover), so the page's stacking contexts cannot cover it.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Reply } from '../../lib/messaging/envelope';
import type { CardPayload } from '../../lib/messaging/protocol';
import type {
  AnchorRect,
  AnchorSource,
  CardController,
  CardDeps,
  CardOptions,
  CardTarget,
  OpenedBy,
} from './card-api';
import { CARD_CSS } from './card-styles';
import { CardView, type CardState, symbolSummary } from './CardView';
import { ChartLoader } from '../chart/LazyRebasedChart';

/** Gap between the mention and the card, and the card's distance from the viewport edges, px. */
const GAP = 6;
const EDGE = 8;
/** The card's tallest (details open; it scrolls inside) and smallest allowed height, px. */
const MAX_HEIGHT = 560;
const MIN_HEIGHT = 160;

interface Shown {
  target: CardTarget;
  anchor: AnchorSource;
  openedBy: OpenedBy;
  /** Increments on every show of another mention, so a late reply for an older one is ignored. */
  seq: number;
  /** Drawn ahead of the open delay's end, still hidden (see `prepare`). */
  hidden: boolean;
}

/** The host's inline style: every property reset, so nothing of the page reaches the card. */
function hostStyle(zoom: number): string {
  return [
    'all:initial',
    'position:fixed',
    'inset:0 auto auto 0',
    'width:0',
    'height:0',
    'margin:0',
    'padding:0',
    'border:0',
    'overflow:visible',
    'display:block',
    'visibility:visible',
    'opacity:1',
    'transform:none',
    'filter:none',
    'contain:none',
    'pointer-events:none',
    'z-index:2147483647',
    'direction:ltr',
    'unicode-bidi:isolate',
    'writing-mode:horizontal-tb',
    'color-scheme:normal',
    'background:transparent',
    `zoom:${zoom}`,
  ]
    .map((d) => `${d}!important`)
    .join(';');
}

/**
 * The zoom the page applies to the host's parent (`html { zoom: 1.5 }`), which the host undoes
 * so the card keeps its px size. 1 where the browser has no CSS zoom.
 */
function pageZoom(): number {
  const z = Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue('zoom'));
  return Number.isFinite(z) && z > 0 ? z : 1;
}

/** Whether the page reads right to left (the card then opens towards the mention's start, on its right). */
function pageIsRtl(): boolean {
  const dir = getComputedStyle(document.body ?? document.documentElement).direction;
  return dir === 'rtl';
}

function toRect(a: AnchorRect): DOMRect {
  return new DOMRect(a.left, a.top, Math.max(0, a.right - a.left), Math.max(0, a.bottom - a.top));
}

interface CardProps {
  shown: Shown | null;
  state: CardState;
  options: CardOptions;
  deps: CardDeps;
  /** Set when the card should take keyboard focus (after Enter). */
  focusRequest: number;
  onDetailsToggle(open: boolean): void;
  announce: string;
}

function Card({ shown, state, options, deps, focusRequest, onDetailsToggle, announce }: CardProps) {
  const box = useRef<HTMLDivElement>(null);
  const ring = useRef<HTMLDivElement>(null);
  const lastAnchor = useRef<AnchorRect | null>(null);

  // Place the card at its mention and keep it there as the page scrolls or resizes, inside the
  // viewport (flip to the other side, shift along, and cap the height so a tall card scrolls).
  useLayoutEffect(() => {
    const floating = box.current;
    if (!shown || !floating) return;
    const rtl = pageIsRtl();
    const reference = {
      getBoundingClientRect: (): DOMRect => {
        const now = shown.anchor();
        if (now) lastAnchor.current = now;
        return toRect(lastAnchor.current ?? { left: 0, top: 0, right: 0, bottom: 0 });
      },
    };
    const place = async () => {
      const { x, y } = await computePosition(reference, floating, {
        strategy: 'fixed',
        placement: rtl ? 'bottom-end' : 'bottom-start',
        middleware: [
          offset(GAP),
          flip({ padding: EDGE, fallbackPlacements: [rtl ? 'top-end' : 'top-start'] }),
          shift({ padding: EDGE }),
          size({
            padding: EDGE,
            apply({ availableHeight }) {
              // A tall card (details open) scrolls inside itself rather than leave the viewport.
              const cap = Math.min(MAX_HEIGHT, Math.floor(availableHeight));
              floating.style.maxHeight = `${Math.max(MIN_HEIGHT, cap)}px`;
            },
          }),
        ],
      });
      floating.style.left = `${Math.round(x)}px`;
      floating.style.top = `${Math.round(y)}px`;
      floating.style.visibility = floating.dataset.hidden === 'true' ? 'hidden' : 'visible';
      const r = ring.current;
      const a = lastAnchor.current;
      if (r && a) {
        r.style.left = `${a.left - 3}px`;
        r.style.top = `${a.top - 2}px`;
        r.style.width = `${a.right - a.left + 6}px`;
        r.style.height = `${a.bottom - a.top + 4}px`;
      }
    };
    // First placement at once (so the card paints in place in this frame), then on every change.
    void place();
    const stop = autoUpdate(reference, floating, () => void place(), {
      ancestorScroll: false,
      ancestorResize: true,
      elementResize: true,
      layoutShift: false,
      animationFrame: false,
    });
    // Scrolling anywhere in the page (the window or any scroller in it) moves the mention: follow
    // it, once per frame. A virtual reference has no ancestors for autoUpdate to watch.
    let frame = 0;
    const onScroll = () => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        void place();
      });
    };
    addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => {
      stop();
      removeEventListener('scroll', onScroll, { capture: true });
      if (frame) cancelAnimationFrame(frame);
    };
  }, [shown?.seq, shown?.anchor]);

  // Keyboard: Escape closes and gives focus back; Tab stays inside the card while it has focus.
  // A card drawn ahead (still hidden) leaves the page's keys alone.
  useEffect(() => {
    if (!shown || shown.hidden) return;
    const onKey = (e: KeyboardEvent) => {
      if (!e.isTrusted) return;
      if (e.key === 'Escape') {
        e.stopPropagation();
        deps.onDismiss();
      }
    };
    addEventListener('keydown', onKey, true);
    return () => removeEventListener('keydown', onKey, true);
  }, [shown?.seq, shown?.hidden]);

  // Enter after the shortcut: focus moves into the card (the controller gives it back on close).
  useLayoutEffect(() => {
    if (focusRequest) box.current?.focus({ preventScroll: true });
  }, [focusRequest]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || !box.current) return;
    const focusables = [
      ...box.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled])'),
    ].filter((el) => !el.closest('[hidden]'));
    if (focusables.length === 0) return;
    const root = box.current.getRootNode() as ShadowRoot;
    const at = focusables.indexOf(root.activeElement as HTMLElement);
    const next = e.shiftKey
      ? at <= 0
        ? focusables.length - 1
        : at - 1
      : at === focusables.length - 1
        ? 0
        : at + 1;
    e.preventDefault();
    focusables[next]?.focus();
  };

  return (
    <>
      <div class="live sr" role="status" aria-live="polite" aria-atomic="true">
        {announce}
      </div>
      {shown && shown.openedBy === 'keyboard' && (
        <div class="focus-ring" ref={ring} aria-hidden="true" />
      )}
      {shown && (
        <div
          ref={box}
          class="card"
          data-theme={options.theme}
          data-state={
            state.kind === 'loading' ? 'loading' : state.reply.ok ? state.reply.data.kind : 'error'
          }
          role="dialog"
          aria-modal="false"
          aria-labelledby="r2k-card-title"
          aria-describedby="r2k-card-summary"
          tabIndex={-1}
          data-hidden={shown.hidden ? 'true' : 'false'}
          style={{ visibility: 'hidden' }}
          onPointerEnter={(e) => e.isTrusted && deps.onPointerInside(true)}
          onPointerLeave={(e) => e.isTrusted && deps.onPointerInside(false)}
          onFocusIn={() => deps.onPointerInside(true)}
          onFocusOut={(e) => {
            const to = e.relatedTarget as Node | null;
            if (!to || !box.current?.contains(to)) deps.onPointerInside(false);
          }}
          onKeyDown={onKeyDown}
        >
          <button
            class="close"
            type="button"
            aria-label="Close card"
            onClick={(e) => e.isTrusted && deps.onDismiss()}
          >
            ×
          </button>
          <div class="body">
            <CardView
              target={shown.target}
              state={state}
              quoteSiteId={options.quoteSite}
              detailsOpen={options.detailsOpen}
              onToggleDetails={onDetailsToggle}
              onClose={() => deps.onDismiss()}
              titleId="r2k-card-title"
              summaryId="r2k-card-summary"
            />
          </div>
        </div>
      )}
    </>
  );
}

/** What a screen reader hears when the card's content arrives or changes (a polite announcement). */
function announcement(target: CardTarget, reply: Reply<CardPayload>): string {
  if (!reply.ok) return `${target.symbol}: the card could not load.`;
  const p = reply.data;
  if (p.kind === 'unavailable') return `${p.symbol}: ${p.reason}`;
  if (p.kind === 'symbol') return symbolSummary(p.context, p.instrument);
  return `${p.name}: the indexes side by side.`;
}

/**
 * Creates the card's host (an empty `<div>` appended to `<html>`, outside the page's `<body>`
 * tree, with a closed shadow root holding the card's styles and UI) and returns the controller
 * the content script drives it with. Nothing is added to the page until this is called.
 */
export function createCard(deps: CardDeps, initial: CardOptions): CardController {
  const host = document.createElement('div');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CARD_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  // Events inside the card stay inside: the page sees none of them.
  for (const type of [
    'keydown',
    'keyup',
    'keypress',
    'pointerdown',
    'pointerup',
    'mousedown',
    'mouseup',
    'click',
    'dblclick',
    'wheel',
    'focusin',
    'focusout',
    'input',
  ]) {
    host.addEventListener(type, (e) => e.stopPropagation());
  }
  const usePopover = typeof host.showPopover === 'function';
  if (usePopover) host.setAttribute('popover', 'manual');

  let shown: Shown | null = null;
  let state: CardState = { kind: 'loading' };
  let options: CardOptions = { ...initial };
  let seq = 0;
  let focusRequest = 0;
  /** Where focus was when it moved into the card: it goes back there when the card closes. */
  let returnFocus: HTMLElement | null = null;
  let announce = '';

  /** Puts the host back as we made it: the page may have moved, restyled or removed it. */
  const attach = () => {
    host.setAttribute('style', hostStyle(1 / pageZoom()));
    // Whatever the page wrote into the host is dropped (it would not show: nothing is slotted).
    if (host.firstChild) host.replaceChildren();
    if (
      host.parentNode !== document.documentElement ||
      host !== document.documentElement.lastElementChild
    ) {
      document.documentElement.append(host);
    }
    if (usePopover && !host.matches(':popover-open')) {
      try {
        host.showPopover();
      } catch {
        // Not in the document yet, or the page's own top layer refuses: stays a fixed element.
      }
    }
  };

  const draw = () =>
    render(
      <ChartLoader.Provider value={deps.loadChart}>
        <Card
          shown={shown}
          state={state}
          options={options}
          deps={deps}
          focusRequest={focusRequest}
          onDetailsToggle={(open) => {
            options = { ...options, detailsOpen: open };
            deps.onDetailsToggle(open);
            draw();
          }}
          announce={announce}
        />
      </ChartLoader.Provider>,
      container,
    );

  const settle = (target: CardTarget, mySeq: number, reply: Reply<CardPayload>) => {
    if (!shown || shown.seq !== mySeq) return;
    state = { kind: 'reply', reply, updating: false };
    announce = announcement(target, reply);
    draw();
  };

  const fetchFor = (target: CardTarget, mySeq: number) => {
    deps
      .load(target)
      .then((reply) => settle(target, mySeq, reply))
      .catch((error: unknown) =>
        settle(target, mySeq, {
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
  };

  /** The card element, when drawn. */
  const cardElement = () => container.querySelector<HTMLElement>('.card');

  attach();
  draw();
  return {
    prepare(target, anchor) {
      if (shown && !shown.hidden) return;
      const ready = deps.peek(target);
      if (!ready) return;
      attach();
      shown = { target, anchor, openedBy: 'pointer', seq: ++seq, hidden: true };
      state = { kind: 'reply', reply: ready, updating: false };
      draw();
    },
    show(target, anchor, openedBy) {
      const same =
        shown && shown.target.symbol === target.symbol && shown.target.kind === target.kind;
      attach();
      if (same && shown) {
        const wasHidden = shown.hidden;
        shown = { ...shown, anchor, openedBy, hidden: false };
        if (wasHidden && state.kind === 'reply') announce = announcement(target, state.reply);
        // Drawn ahead and placed already: shown in this frame, the rest updated right after.
        const el = cardElement();
        if (wasHidden && el) {
          el.dataset.hidden = 'false';
          el.style.visibility = 'visible';
          // After this frame is painted: re-rendering first would delay it.
          requestAnimationFrame(() => setTimeout(draw, 0));
        } else {
          draw();
        }
        return;
      }
      const mySeq = ++seq;
      shown = { target, anchor, openedBy, seq: mySeq, hidden: false };
      // A prefetched reply paints in this very frame; otherwise the skeleton, then the data.
      const ready = deps.peek(target);
      if (ready) {
        state = { kind: 'reply', reply: ready, updating: false };
        announce = announcement(target, ready);
      } else {
        state = { kind: 'loading' };
        fetchFor(target, mySeq);
      }
      draw();
    },
    reload() {
      if (!shown) return;
      if (state.kind === 'reply') state = { ...state, updating: true };
      draw();
      fetchFor(shown.target, shown.seq);
    },
    hide() {
      const back = returnFocus;
      returnFocus = null;
      shown = null;
      state = { kind: 'loading' };
      draw();
      if (back?.isConnected) back.focus({ preventScroll: true });
    },
    focus() {
      if (!shown || shown.hidden) return;
      const active = document.activeElement;
      if (active !== host && active !== document.body && active instanceof HTMLElement) {
        returnFocus = active;
      }
      focusRequest++;
      draw();
    },
    setOptions(next) {
      options = { ...options, ...next };
      draw();
    },
    destroy() {
      render(null, container);
      host.remove();
    },
  };
}
