/**
 * The contract between the content script (always loaded, small) and the hover card's UI chunk
 * (`card-ui.js`, loaded on the first hover or the first prefetch). Types only, plus the chunk's
 * file name, so the content script bundle pulls in none of the card's code.
 */
import type { Reply } from '../../lib/messaging/envelope';
import type { CardPayload } from '../../lib/messaging/protocol';
import type { Theme } from '../../lib/settings/schema';
import type { ChartChunk } from '../chart/LazyRebasedChart';

/** File name of the card chunk in the built extension (a web-accessible ES module). */
export const CARD_CHUNK_FILE = 'card-ui.js';

/** File name of the chart chunk (Chart.js), loaded when the card's details first open. */
export const CARD_CHART_CHUNK_FILE = 'card-chart.js';

/** What the card is about: a symbol as detected on the page. */
export interface CardTarget {
  symbol: string;
  kind: string;
}

/** A rectangle in the top document's viewport coordinates (a DOMRect is one). */
export interface AnchorRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where the mention is now: called again as the page scrolls, so the card and the focus ring
 * follow it. `null` when the mention is gone from the page (the last place is kept).
 */
export type AnchorSource = () => AnchorRect | null;

/** How the card was opened: by the pointer resting on a mention, or by the keyboard shortcut. */
export type OpenedBy = 'pointer' | 'keyboard';

/** The user's choices the card follows (from the settings and the card's remembered prefs). */
export interface CardOptions {
  theme: Theme;
  /** Quote site id for the "Open on ..." link (see lib/links/quote-sites.ts). */
  quoteSite: string;
  /** The details ("More") are open. */
  detailsOpen: boolean;
}

export interface CardDeps {
  /** Fetches what the card shows for `target` (through the background; shared with the prefetch). */
  load(target: CardTarget): Promise<Reply<CardPayload>>;
  /** The reply for `target` if it has already arrived (a warm prefetch), so the card paints at once. */
  peek(target: CardTarget): Reply<CardPayload> | undefined;
  /** Tells the hover tracker whether the pointer (or focus) is in the card, so it stays open. */
  onPointerInside(inside: boolean): void;
  /** The user closed the card (Escape or the close button). */
  onDismiss(): void;
  /** The user opened or closed "More": remember it for every card after this one. */
  onDetailsToggle(open: boolean): void;
  /** Imports the chart chunk ({@link CARD_CHART_CHUNK_FILE}) for the details' chart. */
  loadChart(): Promise<ChartChunk>;
}

export interface CardController {
  /**
   * The pointer rests on `target` and its data has arrived: draw the card now, hidden, at
   * `anchor`, so that `show` only has to make it visible (within one frame of the open delay's
   * end). Ignored while a card is shown.
   */
  prepare(target: CardTarget, anchor: AnchorSource): void;
  show(target: CardTarget, anchor: AnchorSource, openedBy: OpenedBy): void;
  hide(): void;
  /** Moves keyboard focus into the open card (Enter after the shortcut). */
  focus(): void;
  /** Newer data arrived: fetch the shown card's data again (the old stays on screen meanwhile). */
  reload(): void;
  setOptions(options: Partial<CardOptions>): void;
  destroy(): void;
}

/** The card chunk's module shape. */
export interface CardModule {
  /** Adds the card's host to the page and returns its controller. */
  createCard(deps: CardDeps, options: CardOptions): CardController;
}
