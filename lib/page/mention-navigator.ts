/**
 * Keyboard access to the page's mentions: the extension's shortcut (a `commands` entry the user
 * can rebind, delivered by the background, which a page cannot fake) steps to the next or
 * previous mention in reading order across documents, scrolls it into view and opens its card;
 * Enter then moves focus into the card. Only the reader's own key presses count
 * (`isTrusted`): a page script's synthetic Enter does nothing.
 */

import { sameMention, type HoverTracker } from './hover-tracker';
import type { PageMention } from './mention-index';
import type { PageDocument, PageEngine } from './page-engine';

export type Step = 'next' | 'previous';

export interface MentionNavigatorOptions {
  engine: Pick<PageEngine, 'mentions' | 'has' | 'toTop' | 'documentOf' | 'onDocument' | 'top'>;
  hover: Pick<HoverTracker, 'open' | 'current'>;
  signal: AbortSignal;
  /** Enter on an open keyboard card: move focus into it. */
  onActivate(): void;
  /** Default `event.isTrusted`; tests pass their own, since events they dispatch are not trusted. */
  isTrusted?: (event: Event) => boolean;
}

export interface MentionNavigator {
  /** Moves to the next or previous mention and opens its card; the mention, or null when the page has none. */
  step(step: Step): PageMention | null;
  /**
   * Scrolls to `mention` and opens its card as the keyboard does (the popup's "On this page"
   * uses it); false when the mention is gone or has no box.
   */
  open(mention: PageMention): boolean;
  /** The mention the keyboard last moved to (kept after its card closes, so the next step goes on from it). */
  readonly position: PageMention | null;
  /** Whether `mention` is the keyboard's (its card was opened by the shortcut). */
  isKeyboardMention(mention: PageMention): boolean;
  /** A live anchor for a mention's card: where its first line box is now, in the top viewport. */
  anchorOf(mention: PageMention, at?: DOMRectReadOnly): () => DOMRect | null;
}

/** Editable targets keep their Enter (a search box, a comment field). */
function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || el.nodeType !== 1) return false;
  const tag = el.localName;
  return tag === 'input' || tag === 'textarea' || tag === 'select' || el.isContentEditable === true;
}

/** Where a mention's document is, and its rectangles there. */
function documentOf(
  engine: MentionNavigatorOptions['engine'],
  mention: PageMention,
): PageDocument | null {
  const doc = mention.startNode.ownerDocument;
  return doc ? engine.documentOf(doc) : null;
}

/**
 * Scrolls `mention` into view in its own document and in every frame holding it, without
 * changing the page's DOM: the frames and the mention's element are scrolled to the nearest
 * edge, then the window so the mention sits in the upper third when it is still out of view.
 */
export function scrollMentionIntoView(d: PageDocument, mention: PageMention): void {
  for (let at: PageDocument | null = d; at?.frame; at = at.parent) {
    at.frame.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  const el = mention.startNode.parentElement;
  el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const rect = mention.rects()[0];
  const win = d.win as unknown as Window;
  if (!rect || typeof win.scrollBy !== 'function') return;
  const height = win.innerHeight;
  if (rect.top < 0 || rect.bottom > height) {
    win.scrollBy({ top: rect.top - height / 3, behavior: 'instant' as ScrollBehavior });
  }
}

/** Starts listening for Enter on the keyboard's card; see {@link MentionNavigatorOptions}. */
export function watchKeyboard(options: MentionNavigatorOptions): MentionNavigator {
  const { engine, hover, signal } = options;
  const trusted = options.isTrusted ?? ((e: Event) => e.isTrusted);
  let position: PageMention | null = null;
  let opened: PageMention | null = null;

  const anchorOf = (mention: PageMention, at?: DOMRectReadOnly): (() => DOMRect | null) => {
    const d = documentOf(engine, mention);
    const first = mention.rects()[0];
    const start = first ? { x: first.left, y: first.top } : null;
    return () => {
      if (!d || !engine.has(mention)) return null;
      const now = mention.rects()[0];
      if (!now) return null;
      // The line box the card opened at (under the pointer), moved as the mention moved.
      const base = at && start ? at : now;
      const dx = at && start ? now.left - start.x : 0;
      const dy = at && start ? now.top - start.y : 0;
      return engine.toTop(d, new DOMRect(base.left + dx, base.top + dy, base.width, base.height));
    };
  };

  /** The first mention at or below the top of the viewport (or the last above its bottom). */
  const fromViewport = (list: PageMention[], step: Step): number => {
    const top = engine.top.win as unknown as Window;
    const height = top.innerHeight;
    const tops = list.map((m) => {
      const d = documentOf(engine, m);
      const r = m.rects()[0];
      return d && r ? engine.toTop(d, r).top : Number.NaN;
    });
    if (step === 'next') {
      const i = tops.findIndex((t) => t >= 0);
      return i >= 0 ? i : 0;
    }
    for (let i = tops.length - 1; i >= 0; i -= 1) if ((tops[i] as number) < height) return i;
    return list.length - 1;
  };

  const step = (direction: Step): PageMention | null => {
    const list = engine.mentions();
    if (list.length === 0) return null;
    const at =
      position && engine.has(position) ? list.findIndex((m) => sameMention(m, position)) : -1;
    const index =
      at < 0
        ? fromViewport(list, direction)
        : (at + (direction === 'next' ? 1 : -1) + list.length) % list.length;
    const mention = list[index] as PageMention;
    return open(mention) ? mention : null;
  };

  const open = (mention: PageMention): boolean => {
    const d = documentOf(engine, mention);
    if (!d || !engine.has(mention)) return false;
    scrollMentionIntoView(d, mention);
    const rect = mention.rects()[0];
    if (!rect) return false;
    position = mention;
    opened = mention;
    hover.open(mention, engine.toTop(d, rect));
    return true;
  };

  const watch = (d: PageDocument): void => {
    d.scanner.document.addEventListener(
      'keydown',
      (e: KeyboardEvent) => {
        if (!trusted(e) || e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey) return;
        if (!opened || !sameMention(hover.current, opened) || isEditable(e.target)) return;
        e.preventDefault();
        options.onActivate();
      },
      // Bubbling, not capturing: the card's host keeps the key presses made inside the card to
      // itself, so Enter on its buttons stays theirs.
      { signal },
    );
  };
  const unwatch = engine.onDocument(watch);
  signal.addEventListener('abort', () => unwatch(), { once: true });

  return {
    step,
    open,
    get position() {
      return position;
    },
    isKeyboardMention(mention) {
      const yes = opened !== null && sameMention(mention, opened);
      // The pointer opened another card: the keyboard's card is gone.
      if (!yes) opened = null;
      return yes;
    },
    anchorOf,
  };
}
