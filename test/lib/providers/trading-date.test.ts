import { describe, expect, it } from 'vitest';
import { exchangeDate, isIsoDate } from '../../../lib/providers/trading-date';

describe('exchangeDate', () => {
  it('dates a New York open by the fixed offset, summer or winter', () => {
    // 2020-08-31 09:30 EDT with the February (EST) offset Yahoo reported at recording time.
    expect(exchangeDate(1598880600, 'America/New_York', -18000)).toBe('2020-08-31');
    expect(exchangeDate(1577975400, 'America/New_York', -18000)).toBe('2020-01-02');
  });

  it('asks Intl near local midnight, where a stale offset would pick the wrong day', () => {
    // 2021-07-01 23:30 in New York (EDT) = 03:30Z next day; EST offset alone would say 22:30.
    const t = Date.UTC(2021, 6, 2, 3, 30) / 1000;
    expect(exchangeDate(t, 'America/New_York', -18000)).toBe('2021-07-01');
    // 00:30 EDT on 2021-07-02: a stale EST offset would say 23:30 on the 1st.
    expect(exchangeDate(Date.UTC(2021, 6, 2, 4, 30) / 1000, 'America/New_York', -18000)).toBe(
      '2021-07-02',
    );
  });

  it('falls back to the offset, then UTC, without a usable zone', () => {
    expect(exchangeDate(1577930400, null, 25200)).toBe('2020-01-02');
    expect(exchangeDate(1577836800, 'Not/AZone', null)).toBe('2020-01-01');
    expect(exchangeDate(1577836800, null, null)).toBe('2020-01-01');
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(['2024-02-29', '2023-02-29', '2020-13-01', '20200101'].map(isIsoDate)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
