import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import {
  CARD_CHUNK_FILE,
  CARD_HOST_TAG,
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
 * the first hover: then one shadow-root host is attached to `<html>` (outside the page's `<body>`
 * tree) and the card chunk is imported from the extension. Removed with the content script.
 */
export function createCardHost(
  ctx: ContentScriptContext,
  deps: CardDeps,
  initialTheme: Theme,
): CardHost {
  let theme = initialTheme;
  let controller: Promise<CardController> | null = null;
  let wanted: { target: CardTarget; anchor: AnchorRect } | null = null;

  async function createController(): Promise<CardController> {
    const module = await loadChunk<CardModule>(CARD_CHUNK_FILE);
    const ui = await createShadowRootUi(ctx, {
      name: CARD_HOST_TAG,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      isolateEvents: true,
      onMount(container, _shadow, host) {
        // A zero-size fixed host: the card positions itself in viewport coordinates.
        host.style.cssText =
          'position:fixed;left:0;top:0;width:0;height:0;z-index:2147483647;overflow:visible;';
        return module.mountCard(container, deps, theme);
      },
      onRemove(mounted) {
        mounted?.destroy();
      },
    });
    ui.mount();
    ctx.onInvalidated(() => ui.remove());
    if (!ui.mounted) throw new Error('card UI did not mount');
    return ui.mounted;
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
