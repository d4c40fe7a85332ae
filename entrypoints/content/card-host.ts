import type { ChartChunk } from '../../components/chart/LazyRebasedChart';
import {
  CARD_CHART_CHUNK_FILE,
  CARD_CHUNK_FILE,
  type AnchorSource,
  type CardController,
  type CardModule,
  type CardOptions,
  type CardTarget,
  type OpenedBy,
} from '../../components/card/card-api';
import type { Reply } from '../../lib/messaging/envelope';
import type { CardPayload } from '../../lib/messaging/protocol';
import { loadChunk } from './load-chunk';

/** What the host needs from the content script. */
export interface CardHostDeps {
  /** Asks the background for a card's data. */
  fetch(target: CardTarget): Promise<Reply<CardPayload>>;
  onPointerInside(inside: boolean): void;
  onDismiss(): void;
  onDetailsToggle(open: boolean): void;
}

export interface CardHost {
  /**
   * The pointer came to rest on a mention: load the card's code and start fetching its data now,
   * during the open delay, and draw the card hidden once both are there, so it only has to be
   * shown when the delay ends.
   */
  prefetch(target: CardTarget, anchor: AnchorSource): void;
  show(target: CardTarget, anchor: AnchorSource, openedBy: OpenedBy): void;
  hide(): void;
  /** Moves keyboard focus into the open card. */
  focus(): void;
  /** Newer data arrived: forget fetched replies and refresh the card on screen, if any. */
  reload(): void;
  setOptions(options: Partial<CardOptions>): void;
}

/** How long a fetched reply is reused for another hover of the same mention, ms. */
const REPLY_TTL_MS = 60_000;

const keyOf = (t: CardTarget): string => `${t.kind}\u0000${t.symbol}`;

const warn = (error: unknown) => console.warn('R2K Lens: the card could not load', error);

/**
 * Owns the hover card on the page. Nothing is added to the page and no card code is loaded until
 * the pointer first rests on a mention: then the card chunk is imported from the extension (and
 * the data asked for) while the open delay runs. Replies are kept a minute, so going back to a
 * mention paints its card at once. Removed when `signal` aborts.
 */
export function createCardHost(
  signal: AbortSignal,
  deps: CardHostDeps,
  initial: CardOptions,
): CardHost {
  let options = { ...initial };
  let controller: Promise<CardController> | null = null;
  let wanted: { target: CardTarget; anchor: AnchorSource; openedBy: OpenedBy } | null = null;
  let focusWanted = false;
  let chart: Promise<ChartChunk> | null = null;
  const replies = new Map<
    string,
    { promise: Promise<Reply<CardPayload>>; settled?: Reply<CardPayload>; at: number }
  >();

  const load = (target: CardTarget): Promise<Reply<CardPayload>> => {
    const key = keyOf(target);
    const now = Date.now();
    const cached = replies.get(key);
    if (cached && now - cached.at < REPLY_TTL_MS && (!cached.settled || cached.settled.ok)) {
      return cached.promise;
    }
    const entry: {
      promise: Promise<Reply<CardPayload>>;
      settled?: Reply<CardPayload>;
      at: number;
    } = {
      promise: deps.fetch(target),
      at: now,
    };
    entry.promise = entry.promise.then((reply) => {
      entry.settled = reply;
      return reply;
    });
    replies.set(key, entry);
    // Keep the map small: the oldest entries go first.
    if (replies.size > 32) replies.delete(replies.keys().next().value as string);
    return entry.promise;
  };

  const peek = (target: CardTarget): Reply<CardPayload> | undefined => {
    const cached = replies.get(keyOf(target));
    return cached && Date.now() - cached.at < REPLY_TTL_MS ? cached.settled : undefined;
  };

  async function createController(): Promise<CardController> {
    const module = await loadChunk<CardModule>(CARD_CHUNK_FILE);
    if (signal.aborted) throw new Error('the content script has stopped');
    const card = module.createCard(
      {
        load,
        peek,
        onPointerInside: deps.onPointerInside,
        onDismiss: deps.onDismiss,
        onDetailsToggle: (open) => {
          options = { ...options, detailsOpen: open };
          deps.onDetailsToggle(open);
        },
        loadChart: () => (chart ??= loadChunk<ChartChunk>(CARD_CHART_CHUNK_FILE)),
      },
      options,
    );
    signal.addEventListener('abort', () => card.destroy(), { once: true });
    return card;
  }

  function ensure(): Promise<CardController> {
    controller ??= createController().catch((error: unknown) => {
      controller = null;
      throw error;
    });
    return controller;
  }

  return {
    prefetch(target, anchor) {
      void Promise.all([ensure(), load(target)])
        .then(([card]) => {
          if (!wanted) card.prepare(target, anchor);
        })
        .catch(() => undefined);
    },
    show(target, anchor, openedBy) {
      wanted = { target, anchor, openedBy };
      ensure()
        .then((card) => {
          if (!wanted) return;
          card.show(wanted.target, wanted.anchor, wanted.openedBy);
          if (focusWanted) card.focus();
          focusWanted = false;
        })
        .catch(warn);
    },
    hide() {
      wanted = null;
      focusWanted = false;
      void controller?.then((card) => card.hide()).catch(() => undefined);
    },
    focus() {
      if (!wanted) return;
      focusWanted = true;
      void controller
        ?.then((card) => {
          if (wanted && focusWanted) card.focus();
          focusWanted = false;
        })
        .catch(() => undefined);
    },
    reload() {
      replies.clear();
      if (wanted) void controller?.then((card) => card.reload()).catch(() => undefined);
    },
    setOptions(next) {
      options = { ...options, ...next };
      void controller?.then((card) => card.setOptions(next)).catch(() => undefined);
    },
  };
}
