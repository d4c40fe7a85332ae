/**
 * From a chunk of text runs to mentions on the page's nodes: the runs are joined into one string
 * for the detector (with a newline between runs, so a mention never crosses from one block into
 * the next), and each mention it reports is placed back on the text nodes it covers.
 */

import type { ChunkCandidate } from './page-evidence';
import { MentionRecord } from './mention-index';
import type { Detector } from './scanner-types';
import type { TextRun } from './text-cursor';

/** Index of the last start at or before `offset` (`starts` ascending). */
function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/**
 * Runs the detector once over `runs` and returns, per run, its mentions as records found by
 * `pass` with their strength (`strong` when the detector gives none; an `against` has no record,
 * it is never shown). A mention that would cross the newline between two runs is dropped.
 */
export function readChunk(
  runs: readonly TextRun[],
  detect: Detector,
  pass: number,
): ChunkCandidate[][] {
  const perRun: ChunkCandidate[][] = runs.map(() => []);
  if (runs.length === 0) return perRun;
  const runStarts: number[] = [];
  let text: string;
  if (runs.length === 1) {
    runStarts.push(0);
    text = runs[0]!.text;
  } else {
    let at = 0;
    const parts: string[] = [];
    for (const run of runs) {
      runStarts.push(at);
      parts.push(run.text);
      at += run.text.length + 1;
    }
    text = parts.join('\n');
  }
  for (const d of detect(text)) {
    if (!(d.end > d.start)) continue;
    const r = lastAtOrBefore(runStarts, d.start);
    const run = runs[r]!;
    const start = d.start - runStarts[r]!;
    const end = d.end - runStarts[r]!;
    if (end > run.text.length) continue;
    const strength = d.strength ?? 'strong';
    const i = lastAtOrBefore(run.starts, start);
    const j = lastAtOrBefore(run.starts, end - 1);
    const record =
      strength === 'against'
        ? null
        : new MentionRecord(
            d.symbol,
            d.kind,
            run.nodes[i]!,
            start - run.starts[i]!,
            run.nodes[j]!,
            end - run.starts[j]!,
            null,
            i === j ? null : run.nodes.slice(i, j + 1),
            pass,
          );
    perRun[r]!.push({ record, symbol: d.symbol, strength });
  }
  return perRun;
}
