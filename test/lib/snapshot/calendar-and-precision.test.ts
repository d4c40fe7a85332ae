import { describe, expect, it } from 'vitest';
import { chooseDecimals, sourceDecimals } from '../../../lib/snapshot/decimals';
import { findGaps } from '../../../lib/snapshot/gaps';
import { dayNumber, isIsoDate, isoDate, tryDayNumber } from '../../../lib/snapshot/iso-day';

describe('iso-day', () => {
  it('numbers days from 1970-01-01 and back, across leap years and before 1970', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2); // 2000 is a leap year
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1); // 1900 is not
    expect(isoDate(dayNumber('1927-12-30'))).toBe('1927-12-30');
    for (let day = -20000; day < 30000; day += 7) expect(dayNumber(isoDate(day))).toBe(day);
  });

  it('rejects dates that do not exist or are not YYYY-MM-DD', () => {
    expect(tryDayNumber('2026-02-29')).toBeUndefined();
    expect(tryDayNumber('2026-2-3')).toBeUndefined();
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate(20240229)).toBe(false);
    expect(() => dayNumber('May 05, 2026')).toThrow('not a valid YYYY-MM-DD date: "May 05, 2026"');
  });
});

describe('decimals', () => {
  it('sees through float32 noise to the decimals a source really has', () => {
    expect(sourceDecimals([168.97, 522.48, 7674.37].map(Math.fround))).toBe(2);
    expect(sourceDecimals([Math.fround(4.046), 0.917, 15.84])).toBe(3);
    expect(sourceDecimals([96.6688003540039, 24.313045501708984]) /* adjusted */).toBe(6);
  });

  it('keeps 5 significant digits at the smallest value, never more than the source has', () => {
    expect(chooseDecimals([168.97, 2665.09].map(Math.fround))).toBe(2);
    expect(chooseDecimals([24.313045501708984, Math.fround(765.72)])).toBe(3);
    expect(chooseDecimals([0.198346, 170.729996])).toBe(5);
    expect(chooseDecimals([0.499, 15.84])).toBe(3); // yields: source has 3, significance would want 5
  });
});

describe('findGaps', () => {
  it('reports stretches longer than 7 calendar days by the closes on either side', () => {
    const dates = [
      '2001-09-07',
      '2001-09-10',
      '2001-09-17',
      '2020-12-31',
      '2025-09-08',
      '2025-09-09',
    ];
    expect(findGaps(dates)).toEqual([
      { from: '2001-09-17', to: '2020-12-31' },
      { from: '2020-12-31', to: '2025-09-08' },
    ]);
    expect(findGaps(['2020-01-02'])).toEqual([]);
  });
});
