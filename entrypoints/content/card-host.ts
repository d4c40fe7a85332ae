import {
  CARD_CHUNK_FILE,
  type AnchorRect,
  type CardController,
  type CardDeps,
  type CardModule,
  type CardTarget,
} from '../../components/card/card-api';
import type { Theme } from '../../lib/settings/schema';
import { loadChunk } from './load-chunk';

export interface CardHost {
  show(target: CardTarget, anchor: AnchorRect): void;
  hide(): void;
  /** Newer data arrived: refresh the card on screen, if any. */
  reload(): void;
  setTheme(theme: Theme): void;
}

/**
 * Owns the hover card on the page. Nothing is added to the page and no card code is loaded until
 * the first hover: then the card chunk is imported from the extension and adds its host to
 * `<html>` (outside the page's `<body>` tree). Removed when `signal` aborts.
 */
export function createCardHost(signal: AbortSignal, deps: CardDeps, initialTheme: Theme): CardHost {
  let theme = initialTheme;
  let controller: Promise<CardController> | null = null;
  let wanted: { target: CardTarget; anchor: AnchorRect } | null = null;

  async function createController(): Promise<CardController> {
    const module = await loadChunk<CardModule>(CARD_CHUNK_FILE);
    if (signal.aborted) throw new Error('the content script has stopped');
    const card = module.createCard(deps, theme);
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
    show(target, anchor) {
      wanted = { target, anchor };
      ensure()
        .then((card) => {
          if (wanted) card.show(wanted.target, wanted.anchor);
        })
        .catch((error: unknown) => console.warn('R2K Lens: the card could not load', error));
    },
    hide() {
      wanted = null;
      void controller?.then((card) => card.hide()).catch(() => undefined);
    },
    reload() {
      if (wanted) void controller?.then((card) => card.reload()).catch(() => undefined);
    },
    setTheme(next) {
      theme = next;
      void controller?.then((card) => card.setTheme(next)).catch(() => undefined);
    },
  };
}
