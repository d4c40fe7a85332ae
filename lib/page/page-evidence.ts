/**
 * Evidence from the whole document, on the page: the scanner's runs of text and quote links are
 * the chunks of {@link DocumentEvidence} (lib/detect/document-evidence.ts), keyed by the run's
 * first text node or the link element, so a run read again replaces its chunk and a run that left
 * the page is forgotten. What the evidence accepts is shown, what it withdraws is taken back; a
 * waiting (doubtful) mention is kept aside, out of the index, so no hover finds it.
 */

import { DocumentEvidence, type EvidenceCandidate } from '../detect/document-evidence';
import type { MentionStrength } from '../detect/mention';
import type { MentionRecord } from './mention-index';

/** Most chunks the evidence keeps open (see lib/detect/document-evidence.ts). */
export const MAX_EVIDENCE_CHUNKS = 2000;

/** One candidate of a chunk: its record (null for an `against`, never shown) and strength. */
export interface ChunkCandidate {
  record: MentionRecord | null;
  symbol: string;
  strength: MentionStrength;
}

/** What the page's evidence does to the index: show a mention, or take it back. */
export interface EvidenceSink {
  show(record: MentionRecord): void;
  hide(record: MentionRecord): void;
  /** Whether the record is shown now. */
  shown(record: MentionRecord): boolean;
}

/** The page side of the document's evidence; see the module comment. */
export interface PageEvidence {
  /** The stable key of the chunk that starts at `node` (a run's first text node, a link). */
  keyFor(node: Node): number;
  /** A fresh key (a later window of an enormous text node is a chunk of its own). */
  freshKey(): number;
  /** Whether `key`'s chunk is open (registered, not forgotten). */
  has(key: number): boolean;
  /** Registers a chunk's candidates, replacing what it held, and shows what is decided. */
  decide(key: number, node: Node, candidates: readonly ChunkCandidate[]): void;
  /** The chunk left the page, or was read again under another key: its evidence goes. */
  forget(key: number): void;
  /** Forgets the chunks whose first node has left the page. */
  forgetDetached(): void;
  /** Forgets everything. */
  clear(): void;
}

/** Creates the page's evidence over `sink`; see {@link PageEvidence}. */
export function createPageEvidence(sink: EvidenceSink): PageEvidence {
  const evidence = new DocumentEvidence({ maxChunks: MAX_EVIDENCE_CHUNKS });
  let serial = 0;
  /** Records of the open chunks' candidates, shown or waiting, by candidate id. */
  const recordOf = new Map<number, MentionRecord>();
  /** Candidate ids of each open chunk, oldest chunk first (the evidence seals in this order). */
  const idsOf = new Map<number, number[]>();
  const keyOfNode = new WeakMap<Node, number>();
  const nodeOfKey = new Map<number, Node>();

  /** Shows what the evidence accepts now and takes back what it withdraws. */
  const apply = (accepted: readonly number[], withdrawn: readonly number[]): void => {
    for (const id of withdrawn) {
      const record = recordOf.get(id);
      if (record) sink.hide(record);
    }
    for (const id of accepted) {
      const record = recordOf.get(id);
      if (record && !sink.shown(record) && record.startNode.isConnected) sink.show(record);
    }
  };

  /** Lets go of a chunk's records (hiding the shown ones). */
  const drop = (key: number): void => {
    for (const id of idsOf.get(key) ?? []) {
      const record = recordOf.get(id);
      recordOf.delete(id);
      if (record) sink.hide(record);
    }
    idsOf.delete(key);
    nodeOfKey.delete(key);
  };

  const forget = (key: number): void => {
    if (!idsOf.has(key)) return;
    drop(key);
    const change = evidence.forget(key);
    apply(change.accepted, change.withdrawn);
  };

  return {
    keyFor(node) {
      let key = keyOfNode.get(node);
      if (key === undefined) keyOfNode.set(node, (key = ++serial));
      return key;
    },
    freshKey: () => ++serial,
    has: (key) => idsOf.has(key),
    decide(key, node, candidates) {
      drop(key);
      const ids: number[] = [];
      const list: EvidenceCandidate[] = [];
      for (const c of candidates) {
        const id = ++serial;
        ids.push(id);
        if (c.record) {
          c.record.evidenceKey = key;
          recordOf.set(id, c.record);
        }
        list.push({ id, symbol: c.symbol, strength: c.strength });
      }
      idsOf.set(key, ids);
      nodeOfKey.set(key, node);
      const change = evidence.add(key, list);
      apply(change.accepted, change.withdrawn);
      // Past the bound the evidence seals its oldest chunks: their waiting candidates stay
      // hidden for good, so their records are let go (shown ones stay in the index).
      while (idsOf.size > MAX_EVIDENCE_CHUNKS) {
        const [oldest, sealed] = idsOf.entries().next().value as [number, number[]];
        idsOf.delete(oldest);
        nodeOfKey.delete(oldest);
        for (const id of sealed) recordOf.delete(id);
      }
    },
    forget,
    forgetDetached() {
      for (const [key, node] of nodeOfKey) if (!node.isConnected) forget(key);
    },
    clear() {
      for (const key of idsOf.keys()) forget(key);
    },
  };
}
