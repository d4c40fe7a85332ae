/**
 * The page engine as its own chunk (`page-engine.js`, built by wxt.config.ts and imported by the
 * content script; see page-engine-api.ts for why): scans the page with the shipped detector and
 * dictionary, and tracks the pointer over the mentions it finds.
 */
import { findMentions } from '../../lib/detect/find-mentions';
import { loadSymbolDictionary } from '../../lib/detect/load-dictionary';
import type { Mention } from '../../lib/detect/mention';
import { mayBeQuoteUrl, symbolFromQuoteUrl } from '../../lib/detect/quote-links';
import { watchHover } from '../../lib/page/hover-tracker';
import { watchKeyboard, type MentionNavigator } from '../../lib/page/mention-navigator';
import { startPageEngine } from '../../lib/page/page-engine';
import type { Lens, LensOptions } from './page-engine-api';

/** Starts scanning the page and tracking the pointer; everything stops with `options.signal`. */
export function startLens(options: LensOptions): Lens {
  const dictionary = loadSymbolDictionary();
  const { kinds, companies, signal } = options;
  // Evidence mode: each mention says how strongly it names its symbol, and the page as a whole
  // decides (a doubtful one is shown once the page names the symbol strongly somewhere).
  const detectOptions = companies ? { companies, evidence: true } : { evidence: true };
  const engine = startPageEngine({
    detect: (text: string): Mention[] =>
      findMentions(text, dictionary, detectOptions).filter((m) => kinds.has(m.kind)),
    signal,
    evidence: true,
    // The top document's `::highlight()` rule ships in the content script's manifest CSS.
    injectStyle: false,
    linkToSymbol: (href) => symbolFromQuoteUrl(href, dictionary) ?? null,
    mayBeQuoteLink: mayBeQuoteUrl,
  });
  let navigator: MentionNavigator | null = null;
  const hover = watchHover({
    engine,
    signal,
    onEnter: (mention, rect) => {
      const keyboard = navigator?.isKeyboardMention(mention) ?? false;
      const anchor = navigator
        ? navigator.anchorOf(mention, keyboard ? undefined : rect)
        : () => rect;
      options.onEnter(mention, anchor, keyboard ? 'keyboard' : 'pointer');
    },
    onLeave: options.onLeave,
    onIntent: (mention, rect) =>
      options.onIntent?.(mention, navigator ? navigator.anchorOf(mention, rect) : () => rect),
  });
  navigator = watchKeyboard({
    engine,
    hover,
    signal,
    onActivate: () => options.onActivate?.(),
  });
  return { engine, hover, navigator };
}
