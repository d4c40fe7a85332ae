import { acceptInDocument } from './document-evidence';
import { findMentions, type FindMentionsOptions } from './find-mentions';
import type { Mention } from './mention';
import type { SymbolDictionary } from './symbol-dictionary';

/**
 * Runs the detector over JSON lines `{"id","text"}` and returns one output line
 * `{"id","mentions":[{start,end,symbol,kind}]}` per non-blank input line, in order. Each line is
 * one document: `findMentions` with evidence, decided by `acceptInDocument` (what a page shows). A missing
 * `text` is treated as empty; a missing `id` becomes null. Throws on a line that is not JSON,
 * naming its line number.
 */
export function detectJsonLines(
  input: string,
  dictionary: SymbolDictionary,
  options: FindMentionsOptions = {},
): string[] {
  const out: string[] = [];
  input.split(/\r?\n/).forEach((line, n) => {
    if (line.trim() === '') return;
    let item: { id?: unknown; text?: unknown };
    try {
      item = JSON.parse(line) as { id?: unknown; text?: unknown };
    } catch {
      throw new Error(`line ${n + 1}: not valid JSON`);
    }
    const text = typeof item.text === 'string' ? item.text : '';
    const mentions = acceptInDocument(
      findMentions(text, dictionary, { ...options, evidence: true }),
    ).map(({ start, end, symbol, kind }): Mention => ({ start, end, symbol, kind }));
    out.push(JSON.stringify({ id: item.id ?? null, mentions }));
  });
  return out;
}
