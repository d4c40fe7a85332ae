import { browser } from 'wxt/browser';
import type { CompanyMatcher } from '../../lib/detect/company-matcher';
import { sendToBackground } from '../../lib/messaging/client';
import { dispatchMessage, type Handlers } from '../../lib/messaging/dispatch';
import { loadPageSettings, watchPageSettings } from '../../lib/messaging/page-settings-client';
import { isBackgroundEvent, type ContentProtocolMap } from '../../lib/messaging/protocol';
import { contentRequestValidators } from '../../lib/messaging/validators';
import { handledByParent } from '../../lib/page/frames';
import type { PageSettings } from '../../lib/settings/page-settings';
import type { DetectionSettings } from '../../lib/settings/schema';
import {
  PAGE_ENGINE_CHUNK_FILE,
  type Lens,
  type PageEngineModule,
} from '../../components/page/page-engine-api';
import { createCardHost } from './card-host';
import { loadChunk } from './load-chunk';
// The underline's `::highlight()` rule ships in the manifest, so no stylesheet is adopted at run
// time (that forces a full style recalc on large pages).
import './highlight.css';

/** Kinds each sensitivity level keeps (the detector reports all it finds). */
const KINDS_BY_SENSITIVITY: Record<DetectionSettings['sensitivity'], ReadonlySet<string>> = {
  strict: new Set(['cashtag', 'exchange', 'ric', 'index', 'link']),
  balanced: new Set(['cashtag', 'exchange', 'ric', 'index', 'link', 'bare', 'company']),
};

/** The company-name chunk (see wxt.config.ts), loaded only when company names are on. */
const COMPANY_NAMES_CHUNK = 'company-names.js';
type CompanyNamesModule = { loadCompanyMatcher(): CompanyMatcher };

/** Whether this content script's extension is still there (false once updated or removed). */
function extensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

/**
 * The content script's life: scan the page when R2K Lens is on for it, open the card on hover,
 * follow settings changes (pause, per-site switch, sensitivity) without a reload, and tell the
 * popup which symbols the page mentions.
 *
 * Whether to run comes from the background (content scripts cannot read the settings: the
 * background restricts storage to trusted contexts), decided from the page's URL. Its lifetime
 * is its own: it ends when the extension is updated or removed (seen the next time it talks to
 * the extension or the tab becomes visible), never because of an event the page can dispatch
 * (WXT's content-script context listens to one).
 */
export async function runLens(): Promise<void> {
  // A same-origin frame is scanned by the content script of the document that holds it.
  if (handledByParent(window)) return;
  // XML, SVG and other documents without a <body> have no prose to scan.
  if (!document.body) return;
  const lifetime = new AbortController();
  // The engine streams in and is compiled off the main thread while the settings are asked for.
  const engineModule = loadChunk<PageEngineModule>(PAGE_ENGINE_CHUNK_FILE);
  engineModule.catch(() => undefined);
  let settings: PageSettings = await loadPageSettings();
  let running: { lens: Lens | null; controller: AbortController } | null = null;

  const endIfOrphaned = (): boolean => {
    if (extensionAlive()) return false;
    lifetime.abort();
    return true;
  };

  // The card's options: the theme and quote site from the settings, and whether "More" is open
  // (remembered by the background).
  const card = createCardHost(
    lifetime.signal,
    {
      fetch: async (target) => {
        const reply = await sendToBackground('getCard', target);
        if (!reply.ok) endIfOrphaned();
        return reply;
      },
      onPointerInside: (inside) => running?.lens?.hover.setOverCard(inside),
      onDismiss: () => running?.lens?.hover.close(),
      onDetailsToggle: (open) => void sendToBackground('setCardDetailsOpen', { open }),
    },
    { theme: settings.theme, quoteSite: settings.quoteSite, detailsOpen: false },
  );
  void sendToBackground('getCardPrefs', {}).then((reply) => {
    if (reply.ok) card.setOptions({ detailsOpen: reply.data.detailsOpen });
  });

  async function start(): Promise<void> {
    const controller = new AbortController();
    // Ends with this run (settings changed) or with the content script (extension updated).
    const signal = AbortSignal.any([lifetime.signal, controller.signal]);
    const run: { lens: Lens | null; controller: AbortController } = { lens: null, controller };
    running = run;
    const kinds = KINDS_BY_SENSITIVITY[settings.sensitivity];
    let companies: CompanyMatcher | undefined;
    if (settings.companyNames) {
      try {
        companies = (await loadChunk<CompanyNamesModule>(COMPANY_NAMES_CHUNK)).loadCompanyMatcher();
      } catch (error) {
        console.warn('R2K Lens: company names could not load; symbols only', error);
      }
    }
    const { startLens } = await engineModule;
    if (signal.aborted) return;
    run.lens = startLens({
      kinds,
      ...(companies ? { companies } : {}),
      signal,
      onEnter: (mention, anchor, openedBy) =>
        card.show({ symbol: mention.symbol, kind: mention.kind }, anchor, openedBy),
      onLeave: () => card.hide(),
      onIntent: (mention, anchor) =>
        card.prefetch({ symbol: mention.symbol, kind: mention.kind }, anchor),
      onActivate: () => card.focus(),
    });
  }

  function stop(): void {
    running?.controller.abort();
    running = null;
    card.hide();
  }

  function restart(): void {
    stop();
    void start();
  }

  function apply(next: PageSettings): void {
    const before = settings;
    settings = next;
    // Benchmarks, periods and number format shape the card's figures: replies fetched before are
    // out of date.
    card.reload();
    if (before.theme !== next.theme || before.quoteSite !== next.quoteSite) {
      card.setOptions({ theme: next.theme, quoteSite: next.quoteSite });
    }
    if (!next.active) return stop();
    if (
      !running ||
      before.sensitivity !== next.sensitivity ||
      before.companyNames !== next.companyNames
    ) {
      restart();
    }
  }

  const handlers: Handlers<ContentProtocolMap, unknown> = {
    async stepMention({ step }) {
      const mention = running?.lens?.navigator.step(step) ?? null;
      return { symbol: mention?.symbol ?? null };
    },
    async getPageSymbols() {
      const engine = running?.lens?.engine;
      if (!engine) return { symbols: [] };
      // The popup lists the whole page: read what the reader has not scrolled to yet.
      await engine.complete();
      const kinds = new Map<string, string>();
      for (const m of engine.mentions()) if (!kinds.has(m.symbol)) kinds.set(m.symbol, m.kind);
      return {
        symbols: engine.symbols().map((s) => ({ ...s, kind: kinds.get(s.symbol) ?? 'bare' })),
      };
    },
    // The popup's "On this page": scroll to the symbol's first mention and open its card there,
    // as the keyboard shortcut does (focus ring on the mention, Enter moves into the card).
    async revealSymbol({ symbol }) {
      const lens = running?.lens;
      if (!lens) return { revealed: false };
      const firstOf = () => lens.engine.mentions().find((m) => m.symbol === symbol);
      let first = firstOf();
      if (!first) {
        // Perhaps further down than the reader has been: read the rest of the page.
        await lens.engine.complete();
        first = firstOf();
      }
      return { revealed: first ? lens.navigator.open(first) : false };
    },
  };
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (endIfOrphaned() || sender.id !== browser.runtime.id) return undefined;
    if (isBackgroundEvent(message)) {
      if (message.type === 'dataUpdated') card.reload();
      return undefined;
    }
    return dispatchMessage(message, sender, handlers, contentRequestValidators);
  };
  browser.runtime.onMessage.addListener(onMessage);
  watchPageSettings(apply, lifetime.signal);
  document.addEventListener('visibilitychange', endIfOrphaned, { signal: lifetime.signal });
  lifetime.signal.addEventListener(
    'abort',
    () => {
      stop();
      try {
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {
        // The extension is gone: nothing to remove from.
      }
    },
    { once: true },
  );
  if (settings.active) await start();
}
