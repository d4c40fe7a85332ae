import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findMentions } from '../../lib/detect/find-mentions';
import { loadSymbolDictionary } from '../../lib/detect/load-dictionary';
import type { CompanyMatcher } from '../../lib/detect/company-matcher';
import type { Mention } from '../../lib/detect/mention';
import { mayBeQuoteUrl, symbolFromQuoteUrl } from '../../lib/detect/quote-links';
import { sendToBackground } from '../../lib/messaging/client';
import { dispatchMessage, type Handlers } from '../../lib/messaging/dispatch';
import { loadPageSettings, watchPageSettings } from '../../lib/messaging/page-settings-client';
import { isBackgroundEvent, type ContentProtocolMap } from '../../lib/messaging/protocol';
import { contentRequestValidators } from '../../lib/messaging/validators';
import type { PageSettings } from '../../lib/settings/page-settings';
import type { DetectionSettings } from '../../lib/settings/schema';
import { createCardHost } from './card-host';
import { loadChunk } from './load-chunk';
import { watchHover, type HoverTracker } from './hover-tracker';
import { startPageScanner, type PageScanner } from './page-scanner';
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

interface Running {
  /** Null while the company-name chunk loads. */
  scanner: PageScanner | null;
  hover: HoverTracker | null;
  controller: AbortController;
}

/**
 * The content script's life: scan the page when detection is on for this site, open the card on
 * hover, follow settings changes (pause, per-site switch, sensitivity) without a reload, and tell
 * the popup which symbols the page mentions.
 */
export async function runLens(ctx: ContentScriptContext): Promise<void> {
  // XML, SVG and other documents without a <body> have no prose to scan.
  if (!document.body) return;
  // The background decides from the page's URL whether we run here (content scripts cannot read
  // the settings themselves).
  let settings: PageSettings = await loadPageSettings();
  let running: Running | null = null;

  const card = createCardHost(
    ctx,
    {
      load: (target) => sendToBackground('getCard', target),
      onPointerInside: (inside) => running?.hover?.setOverCard(inside),
      onDismiss: () => running?.hover?.close(),
    },
    settings.theme,
  );

  async function start(): Promise<void> {
    const controller = new AbortController();
    // Ends with this run (settings changed) or with the content script (extension updated).
    const signal = AbortSignal.any([ctx.signal, controller.signal]);
    running = { controller, scanner: null, hover: null };
    const dictionary = loadSymbolDictionary();
    const kinds = KINDS_BY_SENSITIVITY[settings.sensitivity];
    let companies: CompanyMatcher | undefined;
    if (settings.companyNames) {
      try {
        companies = (await loadChunk<CompanyNamesModule>(COMPANY_NAMES_CHUNK)).loadCompanyMatcher();
      } catch (error) {
        console.warn('R2K Lens: company names could not load; symbols only', error);
      }
      if (signal.aborted) return;
    }
    const options = companies ? { companies } : {};
    const detect = (text: string): Mention[] =>
      findMentions(text, dictionary, options).filter((m) => kinds.has(m.kind));
    const scanner = startPageScanner({
      root: document.body,
      detect,
      signal,
      injectStyle: false,
      linkToSymbol: (href) => symbolFromQuoteUrl(href, dictionary) ?? null,
      mayBeQuoteLink: mayBeQuoteUrl,
    });
    const hover = watchHover({
      scanner,
      signal,
      onEnter: (mention, rect) => card.show({ symbol: mention.symbol, kind: mention.kind }, rect),
      onLeave: () => card.hide(),
    });
    running = { scanner, hover, controller };
  }

  function restart(): void {
    stop();
    void start();
  }

  function stop(): void {
    running?.controller.abort();
    running = null;
    card.hide();
  }

  function apply(next: PageSettings): void {
    const before = settings;
    settings = next;
    if (before.theme !== next.theme) card.setTheme(next.theme);
    if (!next.active) return stop();
    if (!running) return restart();
    if (before.sensitivity !== next.sensitivity || before.companyNames !== next.companyNames) {
      restart();
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

  const unwatch = watchPageSettings(apply, ctx.signal);
  ctx.onInvalidated(() => {
    unwatch();
    stop();
  });
  if (settings.active) await start();
}
