/**
 * What the page scanner does with each element: scan its text as part of the current run
 * (inline), end the run before it (block), or leave its subtree alone (skipped), decided from the
 * tag name, editability, our own UI marker and, for the containers sites hide and show, whether
 * it is rendered. One table per fact: the walker, the mutation queue and the hit-test all ask here.
 */

/** Subtrees never scanned: code, form controls, non-text content, metadata, frames. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'canvas',
  'template',
  'iframe',
  'frame',
  'object',
  'embed',
  'video',
  'audio',
  'head',
  'title',
]);

/**
 * Our own UI: any element whose tag starts with this prefix or that carries
 * {@link OWN_UI_ATTRIBUTE} is skipped with its subtree.
 */
export const OWN_UI_TAG_PREFIX = 'r2k-lens';
/** Attribute that marks an element (and its subtree) as the extension's own UI. */
export const OWN_UI_ATTRIBUTE = 'data-r2k-lens-ui';

/**
 * Tags laid out as blocks by default (plus `br`, `hr`, `img`): text on either side of one is never
 * joined into one run. Custom elements (a `-` in the tag) count as blocks too: most are layout
 * containers, and a wrong "block" only costs a mention that straddles it, while a wrong "inline"
 * could glue two words into a false symbol.
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'img',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'picture',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/**
 * Blocks whose visibility is checked: the containers that sites hide and show (tabs, menus,
 * accordions, dialogs). Paragraphs, list items and cells are rarely hidden one by one, and
 * checking every block costs a style lookup each.
 */
const CONTAINER_TAGS: ReadonlySet<string> = new Set([
  'article',
  'aside',
  'details',
  'dialog',
  'div',
  'footer',
  'form',
  'header',
  'main',
  'menu',
  'nav',
  'ol',
  'section',
  'table',
  'ul',
]);

/**
 * Standard elements that may host a shadow root (`attachShadow` refuses the others); custom
 * elements may too.
 */
const SHADOW_HOST_TAGS: ReadonlySet<string> = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

const ELEMENT_NODE = 1;

/** What the walker does with an element. */
export const ElementRule = {
  /** Inline element: descend, keep the current run going. */
  Inline: 0,
  /** Block-level element: descend, but end the current run before it. */
  Block: 1,
  /** Skipped element: do not descend; ends the current run. */
  Skip: 2,
} as const;
export type ElementRule = (typeof ElementRule)[keyof typeof ElementRule];

/** Options shared by the walker and the ancestor check. */
export interface WalkRules {
  /**
   * Returns true for an element that is not rendered (e.g. `display: none`). Only asked about
   * container elements (div, section, nav, ul, table, custom elements…), where one check hides a
   * whole section. Defaults to `!el.checkVisibility()` where the browser has it (a style check,
   * no layout), else never.
   */
  isHidden?: (el: Element) => boolean;
  /** Called with every hidden element skipped, so the scanner can look again later. */
  onHidden?: (el: Element) => void;
  /**
   * Editable and own-UI elements found up front with one `querySelectorAll` (see
   * {@link findMarkedElements}), so the walk does a set lookup instead of two attribute reads
   * per element. Without it, attributes are read per element.
   */
  marked?: ReadonlySet<Element>;
  /** Called with each open shadow root met (its host is not skipped), in document order. */
  onShadowRoot?: (root: ShadowRoot, host: Element) => void;
  /** Called with each custom element met that has no shadow root yet (one may come later). */
  onCustomElement?: (el: Element) => void;
  /** Called with each `<iframe>` met outside skipped regions. */
  onFrame?: (frame: HTMLIFrameElement) => void;
  /**
   * The computed `display` of an element, to tell whether two pieces of text glued together in
   * the source lay out as separate boxes (flex and grid items, inline blocks). Without it, text
   * is joined across inline elements as written.
   */
  displayOf?: (el: Element) => string;
}

/** Selector of the elements skipped for their attributes: editable regions and our own UI. */
export const MARKED_SELECTOR = `[contenteditable]:not([contenteditable="false"]), [${OWN_UI_ATTRIBUTE}]`;

/** The editable and own-UI elements under `root` (one selector query, C++ speed). */
export function findMarkedElements(root: Node): Set<Element> {
  const scope = root as Partial<ParentNode>;
  return new Set(
    typeof scope.querySelectorAll === 'function' ? scope.querySelectorAll(MARKED_SELECTOR) : [],
  );
}

function defaultIsHidden(el: Element): boolean {
  return typeof el.checkVisibility === 'function' ? !el.checkVisibility() : false;
}

/** Whether an element is editable by the user (its subtree is someone's draft, not content). */
function isEditable(el: Element): boolean {
  if (!el.hasAttribute('contenteditable')) return false;
  return el.getAttribute('contenteditable') !== 'false';
}

/** Whether an element is the extension's own UI. */
export function isOwnUi(el: Element): boolean {
  return el.localName.startsWith(OWN_UI_TAG_PREFIX) || el.hasAttribute(OWN_UI_ATTRIBUTE);
}

/** What a tag name alone says about an element. */
export const TagKind = { Inline: 0, Block: 1, Container: 2, Skip: 3, OwnUi: 4 } as const;
export type TagKind = (typeof TagKind)[keyof typeof TagKind];

/** Tag name to kind, filled as tags are met (a page uses a few dozen). */
const tagKinds = new Map<string, TagKind>();

/** The kind of a tag name (lower case, as `localName`). */
export function tagKind(tag: string): TagKind {
  let kind = tagKinds.get(tag);
  if (kind === undefined) {
    const custom = tag.includes('-');
    kind = SKIPPED_TAGS.has(tag)
      ? TagKind.Skip
      : tag.startsWith(OWN_UI_TAG_PREFIX)
        ? TagKind.OwnUi
        : custom || CONTAINER_TAGS.has(tag)
          ? TagKind.Container
          : BLOCK_TAGS.has(tag)
            ? TagKind.Block
            : TagKind.Inline;
    tagKinds.set(tag, kind);
  }
  return kind;
}

/**
 * Classifies one element by tag, editability, own-UI marker and (for containers) visibility.
 * Returns {@link ElementRule.Skip} for anything whose text must not be scanned.
 */
export function classifyElement(el: Element, rules: WalkRules = {}): ElementRule {
  const kind = tagKind(el.localName);
  if (kind === TagKind.Skip) return ElementRule.Skip;
  const marked = rules.marked;
  if (marked ? marked.size > 0 && marked.has(el) : isEditable(el) || isOwnUi(el)) {
    return ElementRule.Skip;
  }
  if (kind === TagKind.OwnUi) return ElementRule.Skip;
  if (kind === TagKind.Inline) return ElementRule.Inline;
  if (kind !== TagKind.Block && (rules.isHidden ?? defaultIsHidden)(el)) {
    rules.onHidden?.(el);
    return ElementRule.Skip;
  }
  return ElementRule.Block;
}

const NEVER_HIDDEN: WalkRules = { isHidden: () => false };

/** The parent element, or the host when `node` is at the top of a shadow tree. */
export function composedParent(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === ELEMENT_NODE) return parent as Element;
  return (parent as Partial<ShadowRoot>).host ?? null;
}

/**
 * Whether a node lies inside a skipped region of the tree rooted at `root` (a document body, or a
 * shadow root): checks the node, if an element, and every ancestor up to `root`. Used for nodes
 * reported by mutations and caret hits, which arrive without the walk's context. Visibility is not
 * checked here. Nodes outside `root`'s tree count as skipped.
 */
export function isInsideSkipped(node: Node, root: Node): boolean {
  let el: Element | null = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el) {
    if (classifyElement(el, NEVER_HIDDEN) === ElementRule.Skip) return true;
    if (el === root) return false;
    const parent = el.parentNode;
    if (parent === root) return false;
    el = parent && parent.nodeType === ELEMENT_NODE ? (parent as Element) : null;
  }
  // Walked off the top without meeting root: detached, or in another tree.
  return !root.contains(node);
}

/** Nearest ancestor (or self) that is block-level by tag, or `root`. */
export function closestBlock(node: Node | null, root: Node): Node | null {
  let n = node;
  while (n && n !== root) {
    if (n.nodeType === ELEMENT_NODE) {
      const kind = tagKind((n as Element).localName);
      if (kind === TagKind.Block || kind === TagKind.Container) return n;
    }
    n = n.parentNode;
  }
  return n;
}

/** The element's open shadow root, when it may host one and has one. */
export function openShadowRoot(el: Element): ShadowRoot | null {
  const tag = el.localName;
  if (!tag.includes('-') && !SHADOW_HOST_TAGS.has(tag)) return null;
  return el.shadowRoot ?? null;
}
