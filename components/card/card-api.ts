/**
 * The contract between the content script (always loaded, small) and the hover card's UI chunk
 * (`card-ui.js`, loaded on the first hover). Types only, plus the chunk's file name, so the
 * content script bundle pulls in none of the card's code.
 */
import type { Reply } from '../../lib/messaging/envelope';
import type { CardPayload } from '../../lib/messaging/protocol';
import type { Theme } from '../../lib/settings/schema';

/** File name of the card chunk in the built extension (a web-accessible ES module). */
export const CARD_CHUNK_FILE = 'card-ui.js';

/** Host element name of the card's shadow root; the page scanner skips it. */
export const CARD_HOST_TAG = 'r2k-lens-card';

/** What the card is about: a symbol as detected on the page. */
export interface CardTarget {
  symbol: string;
  kind: string;
}

/** A rectangle in viewport coordinates (a DOMRect is one). */
export interface AnchorRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface CardDeps {
  /** Fetches what the card shows for `target` (through the background). */
  load(target: CardTarget): Promise<Reply<CardPayload>>;
  /** Tells the hover tracker whether the pointer is over the card, so it stays open. */
  onPointerInside(inside: boolean): void;
  /** The user closed the card (Escape or the close button). */
  onDismiss(): void;
}

export interface CardController {
  show(target: CardTarget, anchor: AnchorRect): void;
  hide(): void;
  /** Newer data arrived: fetch the shown card's data again (the old stays on screen meanwhile). */
  reload(): void;
  setTheme(theme: Theme): void;
  destroy(): void;
}

/** The card chunk's module shape. */
export interface CardModule {
  /** Adds the card's host to the page and returns its controller. */
  createCard(deps: CardDeps, theme: Theme): CardController;
}
