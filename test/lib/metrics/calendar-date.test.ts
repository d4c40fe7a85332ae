import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDaysBetween,
  epochDay,
  isIsoDate,
  previousYearEnd,
  subtractMonths,
} from '../../../lib/metrics/calendar-date';

describe('subtractMonths clamps to the end of the target month (UTC calendar)', () => {
  it.each([
    ['2024-03-31', 1, '2024-02-29'],
    ['2023-03-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2023-02-28'],
    ['2024-05-31', 3, '2024-02-29'],
    ['2024-01-15', 1, '2023-12-15'],
    ['2026-02-20', 60, '2021-02-20'],
    ['2024-12-31', 6, '2024-06-30'],
    ['2000-03-31', 1, '2000-02-29'],
    ['1900-03-31', 1, '1900-02-28'],
  ])('%s minus %i months is %s', (date, months, expected) => {
    expect(subtractMonths(date, months)).toBe(expected);
  });

  it('throws on a malformed date rather than inventing one', () => {
    expect(() => subtractMonths('2024-3-31', 1)).toThrow(RangeError);
  });
});

describe('calendar helpers', () => {
  it('previousYearEnd is December 31 of the previous year', () => {
    expect(previousYearEnd('2026-02-20')).toBe('2025-12-31');
    expect(previousYearEnd('2026-01-01')).toBe('2025-12-31');
  });

  it('isIsoDate rejects impossible days and other formats', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('20240101')).toBe(false);
  });

  it('counts calendar days across a DST change and a leap day without drift', () => {
    expect(calendarDaysBetween('2024-03-09', '2024-03-11')).toBe(2);
    expect(calendarDaysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(calendarDaysBetween('2009-03-09', '2008-03-09')).toBe(-365);
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addCalendarDays('2024-01-01', -1)).toBe('2023-12-31');
  });
});

describe('epochDay (integer days-from-civil, no Date object)', () => {
  it('agrees with Date.parse on every day from 1899 to 2101', () => {
    let mismatches = 0;
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (epochDay(iso) !== t / 86_400_000) mismatches += 1;
    }
    expect(mismatches).toBe(0);
  });

  it('is 0 on 1970-01-01 and counts leap days', () => {
    expect(epochDay('1970-01-01')).toBe(0);
    expect(epochDay('2024-03-01') - epochDay('2024-02-28')).toBe(2);
    expect(epochDay('2100-03-01') - epochDay('2100-02-28')).toBe(1);
  });
});
