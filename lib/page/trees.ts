/**
 * The trees of one document that the scanner reads, each on its own: the document's body, and
 * every open shadow root met inside it (web components, declarative shadow DOM), each with its
 * own MutationObserver. A shadow root is registered when the walk meets its host, when a hit-test
 * or probe lands in it, or, for custom elements that attach their root a little after they are
 * inserted, when a later look at the elements met without one finds it.
 */

import { isInsideSkipped } from './element-rules';
import { createMutationBatcher, type MutationBatcher } from './mutation-batcher';

/** A tree scanned on its own: the document's body, or an open shadow root. */
export interface Tree {
  root: Node;
  batcher: MutationBatcher;
  shadow: boolean;
}

/** Most custom elements watched for a shadow root attached after they were met. */
const MAX_LATE_HOSTS = 2000;

const DOCUMENT_NODE = 9;

export interface TreesOptions {
  bodyRoot: Node;
  win: { MutationObserver: typeof MutationObserver };
  signal: AbortSignal;
  /** A tree's observer queued changes (from the MutationObserver callback). */
  onQueued(tree: Tree): void;
  /** A shadow root was met for the first time: read it whole, soon. */
  onNewTree(tree: Tree): void;
}

export interface Trees {
  /** The document's body. */
  readonly light: Tree;
  /** Every tree, the body's first. */
  values(): IterableIterator<Tree>;
  readonly size: number;
  /** Registers an open shadow root met for the first time. */
  add(root: ShadowRoot): void;
  /**
   * The tree of a root node (the document, or a shadow root), registering an open shadow root
   * met for the first time when its host lies in a scanned, not skipped, part of the page.
   */
  forRoot(root: Node): Tree | null;
  /** The tree a node belongs to (see {@link Trees.forRoot}), or null outside the scanned part. */
  of(node: Node): Tree | null;
  /** A custom element met without a shadow root: looked at again later. */
  noteCustomElement(el: Element): void;
  /** Whether some custom elements are still looked at for a late shadow root. */
  readonly watchingLateHosts: boolean;
  /** Registers the shadow roots custom elements attached after the walk passed them. */
  recheckLateHosts(): void;
  clear(): void;
}

/** The trees of one document; see the module comment. */
export function createTrees(options: TreesOptions): Trees {
  const { bodyRoot, win, signal } = options;
  const trees = new Map<Node, Tree>();
  const lateHosts = new Set<Element>();

  const make = (root: Node, shadow: boolean): Tree => {
    const tree: Tree = {
      root,
      shadow,
      batcher: createMutationBatcher({ root, win, signal, onQueued: () => options.onQueued(tree) }),
    };
    trees.set(root, tree);
    return tree;
  };
  const light = make(bodyRoot, false);

  const add = (root: ShadowRoot): void => {
    if (trees.has(root) || signal.aborted) return;
    lateHosts.delete(root.host);
    options.onNewTree(make(root, true));
  };

  const forRoot = (root: Node): Tree | null => {
    const known = trees.get(root);
    if (known) return known;
    if (root.nodeType === DOCUMENT_NODE) return light;
    const host = (root as Partial<ShadowRoot>).host;
    if (!host) return null;
    const hostTree = forRoot(host.getRootNode());
    if (!hostTree || !hostTree.root.contains(host) || isInsideSkipped(host, hostTree.root)) {
      return null;
    }
    add(root as ShadowRoot);
    return trees.get(root) ?? null;
  };

  return {
    light,
    values: () => trees.values(),
    get size() {
      return trees.size;
    },
    add,
    forRoot,
    of(node) {
      const tree = forRoot(node.getRootNode());
      return tree === light && !bodyRoot.contains(node) ? null : tree;
    },
    noteCustomElement(el) {
      if (lateHosts.size < MAX_LATE_HOSTS) lateHosts.add(el);
    },
    get watchingLateHosts() {
      return lateHosts.size > 0;
    },
    recheckLateHosts() {
      for (const host of lateHosts) {
        if (!host.isConnected) lateHosts.delete(host);
        else if (host.shadowRoot) add(host.shadowRoot);
      }
    },
    clear() {
      lateHosts.clear();
      trees.clear();
    },
  };
}
