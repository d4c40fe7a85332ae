import { describe, expect, it } from 'vitest';
import { detectJsonLines } from '../../../lib/detect/detect-jsonl';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';

const dictionary = loadSymbolDictionary();

describe('detectJsonLines (npm run detect)', () => {
  it('writes one {"id","mentions"} line per input line, skipping blank lines', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Added more $BRK.B today' }),
      '',
      JSON.stringify({ id: 7, text: 'nothing here' }),
    ].join('\n');
    expect(detectJsonLines(input, dictionary)).toEqual([
      '{"id":"a","mentions":[{"start":11,"end":17,"symbol":"BRK.B","kind":"cashtag"}]}',
      '{"id":7,"mentions":[]}',
    ]);
  });

  it('decides each line as one document: a cashtag confirms a bare word-like symbol', () => {
    const input = JSON.stringify({ id: 'b', text: 'Buying $NOC again. NOC has a huge backlog.' });
    expect(detectJsonLines(input, dictionary)).toEqual([
      '{"id":"b","mentions":[{"start":7,"end":11,"symbol":"NOC","kind":"cashtag"},{"start":19,"end":22,"symbol":"NOC","kind":"bare"}]}',
    ]);
  });

  it('names the line that is not JSON', () => {
    expect(() => detectJsonLines('{"id":1,"text":"x"}\n{oops', dictionary)).toThrow(/line 2/);
  });
});
