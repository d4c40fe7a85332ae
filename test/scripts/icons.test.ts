import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('icons (rendered from store/icon/r2k-lens.svg by npm run icons)', () => {
  it.each([16, 32, 48, 96, 128])('public/icon/%i.png is %i pixels square', (size) => {
    expect(pngSize(`public/icon/${size}.png`)).toEqual([size, size]);
  });

  it('the store icon is 128 pixels square and the SVG source is there', () => {
    expect(pngSize('store/icon/r2k-lens-128.png')).toEqual([128, 128]);
    expect(readFileSync('store/icon/r2k-lens.svg', 'utf8')).toContain('viewBox="0 0 128 128"');
  });
});
