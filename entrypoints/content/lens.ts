import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findMentions } from '../../lib/detect/find-mentions';
import { loadSymbolDictionary } from '../../lib/detect/load-dictionary';
import type { Mention } from '../../lib/detect/mention';
import { sendToBackground } from '../../lib/messaging/client';
import { dispatchMessage, type Handlers } from '../../lib/messaging/dispatch';
import { isBackgroundEvent, type ContentProtocolMap } from '../../lib/messaging/protocol';
import { contentRequestValidators } from '../../lib/messaging/validators';
import {
  isDetectionDisabled,
  type DetectionSettings,
  type Settings,
} from '../../lib/settings/schema';
import { loadSettings, watchSettings } from '../../lib/settings/store';
import { createCardHost } from './card-host';
import { watchHover, type HoverTracker } from './hover-tracker';
import { startPageScanner, type PageScanner } from './page-scanner';

/** Kinds each sensitivity level keeps (the detector reports all it finds). */
const KINDS_BY_SENSITIVITY: Record<DetectionSettings['sensitivity'], ReadonlySet<string>> = {
  strict: new Set(['cashtag', 'exchange', 'ric', 'index', 'link']),
  balanced: new Set(['cashtag', 'exchange', 'ric', 'index', 'link', 'bare', 'company']),
  broad: new Set(['cashtag', 'exchange', 'ric', 'index', 'link', 'bare', 'company']),
};

interface Running {
  scanner: PageScanner;
  hover: HoverTracker;
  controller: AbortController;
  detection: DetectionSettings;
}

/**
 * The content script's life: scan the page when detection is on for this site, open the card on
 * hover, follow settings changes (pause, per-site switch, sensitivity) without a reload, and tell
 * the popup which symbols the page mentions.
 */
export async function runLens(ctx: ContentScriptContext): Promise<void> {
  const hostname = location.hostname;
  let settings: Settings = await loadSettings();
  let running: Running | null = null;

  const card = createCardHost(
    ctx,
    {
      load: (target) => sendToBackground('getCard', target),
      onPointerInside: (inside) => running?.hover.setOverCard(inside),
      onDismiss: () => running?.hover.close(),
    },
    settings.theme,
  );

  function start(): void {
    const controller = new AbortController();
    ctx.signal.addEventListener('abort', () => controller.abort(), { once: true });
    const dictionary = loadSymbolDictionary();
    const kinds = KINDS_BY_SENSITIVITY[settings.detection.sensitivity];
    const detect = (text: string): Mention[] =>
      findMentions(text, dictionary).filter((m) => kinds.has(m.kind));
    const scanner = startPageScanner({ root: document.body, detect, signal: controller.signal });
    const hover = watchHover({
      scanner,
      signal: controller.signal,
      onEnter: (mention, rect) => card.show({ symbol: mention.symbol, kind: mention.kind }, rect),
      onLeave: () => card.hide(),
    });
    running = { scanner, hover, controller, detection: settings.detection };
  }

  function stop(): void {
    running?.controller.abort();
    running = null;
    card.hide();
  }

  function apply(next: Settings): void {
    const before = settings;
    settings = next;
    if (before.theme !== next.theme) card.setTheme(next.theme);
    const off = isDetectionDisabled(next.detection, hostname);
    if (off) return stop();
    if (!running) return start();
    if (before.detection.sensitivity !== next.detection.sensitivity) {
      stop();
      start();
    }
  }

  const handlers: Handlers<ContentProtocolMap, unknown> = {
    async getPageSymbols() {
      const scanner = running?.scanner;
      if (!scanner) return { symbols: [] };
      const kinds = new Map<string, string>();
      for (const m of scanner.mentions()) if (!kinds.has(m.symbol)) kinds.set(m.symbol, m.kind);
      return {
        symbols: scanner.symbols().map((s) => ({ ...s, kind: kinds.get(s.symbol) ?? 'bare' })),
      };
    },
  };
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id || ctx.isInvalid) return undefined;
    if (isBackgroundEvent(message)) {
      card.reload();
      return undefined;
    }
    return dispatchMessage(message, sender, handlers, contentRequestValidators);
  });

  const unwatch = watchSettings(apply);
  ctx.onInvalidated(() => {
    unwatch();
    stop();
  });
  if (!isDetectionDisabled(settings.detection, hostname)) start();
}
