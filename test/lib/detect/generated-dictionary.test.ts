import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildDictionary } from '../../../lib/detect/build-dictionary';
import { readDictionarySources } from '../../../lib/detect/build-dictionary-cli';
import { renderCompanyModule, renderSymbolModule } from '../../../lib/detect/generated-modules';
import { PACKED_SYMBOLS } from '../../../lib/detect/generated/symbols';

const build = buildDictionary(readDictionarySources());

describe('generated dictionary modules', () => {
  it('lib/detect/generated/symbols.ts is exactly what the builder makes from the committed sources', () => {
    const onDisk = readFileSync(
      new URL('../../../lib/detect/generated/symbols.ts', import.meta.url),
      'utf8',
    );
    expect(onDisk).toBe(renderSymbolModule(build));
    expect(PACKED_SYMBOLS).toBe(build.packed);
  });

  it('lib/detect/generated/company-names.ts is exactly what the builder makes', () => {
    const onDisk = readFileSync(
      new URL('../../../lib/detect/generated/company-names.ts', import.meta.url),
      'utf8',
    );
    expect(onDisk).toBe(renderCompanyModule(build));
  });

  it('keeps the packed symbol dictionary small enough for a content script', () => {
    // Used as shipped (no decode at start-up), so it is stored at a fixed width per length
    // rather than front-coded: 62.7 kB raw, 34 kB gzipped for 12,854 symbols.
    expect(PACKED_SYMBOLS.length).toBeLessThan(70_000);
    expect(gzipSync(Buffer.from(PACKED_SYMBOLS)).length).toBeLessThan(36_000);
  });
});
