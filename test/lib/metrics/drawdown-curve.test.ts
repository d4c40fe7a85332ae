import { describe, expect, it } from 'vitest';
import { currentDrawdown } from '../../../lib/metrics/drawdown';
import { drawdownCurve } from '../../../lib/metrics/drawdown-curve';
import { loadYf2026 } from './fixture-series';

const rut = loadYf2026('IDX_RUT');

function lowest(values: (number | null)[]): number {
  let at = 0;
  values.forEach((v, i) => {
    if ((v ?? 0) < (values[at] ?? 0)) at = i;
  });
  return at;
}

describe('drawdownCurve', () => {
  it('equals currentDrawdown as of each close (^RUT, every 50th close 1987-2026)', () => {
    const curve = drawdownCurve(rut).value!;
    expect(curve.dates).toEqual(rut.dates);
    for (let i = 0; i < rut.dates.length; i += 50) {
      expect(curve.values[i]).toBeCloseTo(currentDrawdown(rut, rut.dates[i]) as number, 14);
    }
  });

  it('bottoms at −59.9% on 2009-03-09 and at −43.1% on 2020-03-18, from the highest close so far', () => {
    const all = drawdownCurve(rut).value!;
    const worst = lowest(all.values);
    expect(all.dates[worst]).toBe('2009-03-09');
    expect(all.values[worst]).toBeCloseTo(-0.59889, 5);
    // 2020 is measured from the 2018-08-31 high, not the January 2020 one, although the range starts in 2020.
    const y2020 = drawdownCurve(rut, '2020-01-01', '2020-12-31').value!;
    const at = lowest(y2020.values);
    expect(y2020.dates[at]).toBe('2020-03-18');
    expect(y2020.values[at]).toBeCloseTo(-0.43061, 5);
    expect(all.values.at(-1)).toBeCloseTo(-0.02023, 5);
  });

  it('says why it has no curve', () => {
    expect(drawdownCurve({ dates: [], closes: [] }).reason).toBe('empty-series');
    expect(drawdownCurve({ dates: ['2020-01-02'], closes: [0] }).reason).toBe('invalid-input');
    expect(drawdownCurve(rut, '2027-01-01').reason).toBe('insufficient-history');
  });
});
