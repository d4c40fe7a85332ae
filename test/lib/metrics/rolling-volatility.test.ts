import { describe, expect, it } from 'vitest';
import { realizedVolatility } from '../../../lib/metrics/realized-volatility';
import { rollingVolatility } from '../../../lib/metrics/rolling-volatility';
import { loadFixture, loadYf2026 } from './fixture-series';

const rut = loadYf2026('IDX_RUT');

describe('rollingVolatility', () => {
  it('equals realizedVolatility on every close of ^RUT 1987-2026 (63 trading days)', () => {
    const result = rollingVolatility(rut, 63);
    const curve = result.value!;
    expect(curve.dates).toEqual(rut.dates);
    let checked = 0;
    curve.dates.forEach((date, i) => {
      const expected = realizedVolatility(rut, 63, date);
      if (expected === null) expect(curve.values[i]).toBeNull();
      else {
        expect(curve.values[i]).toBeCloseTo(expected, 12);
        checked += 1;
      }
    });
    expect(checked).toBe(rut.dates.length - 63);
  });

  it('peaks at 80.2% on 2008-12-16 and reads 48.1% once the first window fills (1987-12-09)', () => {
    const curve = rollingVolatility(rut, 63).value!;
    let peak = 0;
    curve.values.forEach((v, i) => {
      if ((v ?? 0) > (curve.values[peak] ?? 0)) peak = i;
    });
    expect(curve.dates[peak]).toBe('2008-12-16');
    expect(curve.values[peak]).toBeCloseTo(0.80191, 5);
    expect(curve.values.slice(0, 63).every((v) => v === null)).toBe(true);
    expect(curve.dates[63]).toBe('1987-12-09');
    expect(curve.values[63]).toBeCloseTo(0.48081, 5);
  });

  it('limits the output to a range, with the window reaching back before it', () => {
    const curve = rollingVolatility(rut, 63, '2026-02-17', '2026-02-20').value!;
    expect(curve.dates).toEqual(['2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(curve.values[3]).toBeCloseTo(realizedVolatility(rut, 63, '2026-02-20') as number, 12);
  });

  it('gives null across a hole in the data (^TNX has no closes 2021-01 to 2025-09)', () => {
    const old = loadFixture('rates/IDX_TNX_yahoo_1962_2020.csv');
    const recent = loadFixture('rates/IDX_TNX_yf_multiheader_2025_2026.csv');
    const tnx = {
      dates: [...old.dates, ...recent.dates],
      closes: [...old.closes, ...recent.closes],
    };
    const curve = rollingVolatility(tnx, 5, '2020-12-30', '2025-09-16').value!;
    expect(curve.dates.slice(0, 3)).toEqual(['2020-12-30', '2020-12-31', '2025-09-08']);
    expect(curve.values[1]).not.toBeNull();
    // Five returns after the hole are needed before a value comes back.
    expect(curve.values.slice(2, 7)).toEqual([null, null, null, null, null]);
    expect(curve.values[7]).toBeCloseTo(realizedVolatility(tnx, 5, curve.dates[7]) as number, 12);
  });

  it('refuses windows below 2 and empty ranges', () => {
    expect(rollingVolatility(rut, 1).reason).toBe('invalid-input');
    expect(rollingVolatility({ dates: [], closes: [] }, 63).reason).toBe('empty-series');
    expect(rollingVolatility(rut, 63, '2030-01-01').reason).toBe('insufficient-history');
    expect(rollingVolatility(rut, 63, '2024-13-01').reason).toBe('invalid-input');
  });
});
