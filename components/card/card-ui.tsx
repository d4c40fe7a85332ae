/**
 * The hover card's UI chunk (`card-ui.js`): built separately (see wxt.config.ts) and imported by
 * the content script on the first hover. Creates its own host on the page (outside `<body>`) and
 * renders into a shadow root there, so the content script that runs on every page carries no UI
 * code at all.
 */
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Reply } from '../../lib/messaging/envelope';
import type { CardPayload } from '../../lib/messaging/protocol';
import type { Theme } from '../../lib/settings/schema';
import {
  CARD_HOST_TAG,
  type AnchorRect,
  type CardController,
  type CardDeps,
  type CardTarget,
} from './card-api';
import { CARD_CSS } from './card-styles';
import { CardBody } from './CardBody';
import { placeCard } from './position';

interface Shown {
  target: CardTarget;
  anchor: AnchorRect;
  /** Increments on every show of another mention, so a late reply for an older hover is ignored. */
  seq: number;
  /** Increments when newer data arrived for the mention on screen: fetch again, keep showing the old. */
  version: number;
}

type Load = { seq: number; reply: Reply<CardPayload> } | null;

function Card({ shown, deps, theme }: { shown: Shown | null; deps: CardDeps; theme: Theme }) {
  const [load, setLoad] = useState<Load>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!shown) return;
    let current = true;
    void deps.load(shown.target).then((reply) => current && setLoad({ seq: shown.seq, reply }));
    return () => {
      current = false;
    };
  }, [shown?.seq, shown?.version]);

  // Position after every render that can change the card's size.
  useLayoutEffect(() => {
    if (!shown || !box.current) return;
    const rect = box.current.getBoundingClientRect();
    const next = placeCard(shown.anchor, rect, { width: innerWidth, height: innerHeight });
    if (!pos || pos.left !== next.left || pos.top !== next.top) setPos(next);
  });

  useEffect(() => {
    if (!shown) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && deps.onDismiss();
    addEventListener('keydown', onKey, true);
    return () => removeEventListener('keydown', onKey, true);
  }, [shown?.seq]);

  if (!shown) return null;
  const reply = load?.seq === shown.seq ? load.reply : null;
  return (
    <div
      ref={box}
      class="card"
      data-theme={theme}
      role="dialog"
      aria-label={`R2K Lens: ${shown.target.symbol}`}
      style={pos ? { left: `${pos.left}px`, top: `${pos.top}px` } : { visibility: 'hidden' }}
      onPointerEnter={() => deps.onPointerInside(true)}
      onPointerLeave={() => deps.onPointerInside(false)}
    >
      <button class="close" type="button" aria-label="Close" onClick={() => deps.onDismiss()}>
        ×
      </button>
      {reply === null ? (
        <div class="state" aria-busy="true">
          <h2 class="symbol">{shown.target.symbol}</h2>
          <p class="muted">Loading Russell 2000 context…</p>
        </div>
      ) : reply.ok ? (
        <CardBody payload={reply.data} />
      ) : (
        <div class="state" role="alert">
          <h2 class="symbol">{shown.target.symbol}</h2>
          <p class="error">{reply.error}</p>
        </div>
      )}
    </div>
  );
}

/**
 * Creates the card's host (a zero-size fixed element appended to `<html>`, outside the page's
 * `<body>` tree, with a shadow root holding the card's styles and UI) and returns the controller
 * the content script drives it with. Nothing is added to the page until this is called, on the
 * first hover.
 */
export function createCard(deps: CardDeps, initialTheme: Theme): CardController {
  const host = document.createElement(CARD_HOST_TAG);
  // The card positions itself in viewport coordinates; the page's styles must not move it.
  host.setAttribute(
    'style',
    'all:initial!important;position:fixed!important;left:0!important;top:0!important;' +
      'width:0!important;height:0!important;z-index:2147483647!important;overflow:visible!important;' +
      'display:block!important;',
  );
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CARD_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  // Events inside the card stay inside: the page sees none of them.
  for (const type of ['keydown', 'keyup', 'keypress', 'pointerdown', 'click', 'wheel']) {
    host.addEventListener(type, (e) => e.stopPropagation());
  }
  document.documentElement.append(host);
  let shown: Shown | null = null;
  let theme = initialTheme;
  let seq = 0;
  let version = 0;
  const draw = () => render(<Card shown={shown} deps={deps} theme={theme} />, container);
  draw();
  return {
    show(target, anchor) {
      const same =
        shown && shown.target.symbol === target.symbol && shown.target.kind === target.kind;
      shown = { target, anchor, seq: same && shown ? shown.seq : ++seq, version };
      draw();
    },
    reload() {
      version++;
      if (shown) {
        shown = { ...shown, version };
        draw();
      }
    },
    hide() {
      shown = null;
      draw();
    },
    setTheme(next) {
      theme = next;
      draw();
    },
    destroy() {
      render(null, container);
      host.remove();
    },
  };
}
