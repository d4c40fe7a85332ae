import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addDays, easterSunday, weekday } from '../../../lib/market-hours/civil-date';
import { newYorkOffsetMs } from '../../../lib/market-hours/new-york-time';
import {
  NYSE_UNSCHEDULED_CLOSURES,
  isEarlyClose,
  isMarketOpen,
  isTradingDay,
  lastClosedSession,
  nextSessionOpening,
  nyseHolidays,
  nyseSession,
  tradingDaysAfter,
} from '../../../lib/market-hours/nyse-calendar';

const FIXTURES = fileURLToPath(new URL('../../fixtures/market-hours/', import.meta.url));

function readLines(name: string): string[] {
  return readFileSync(FIXTURES + name, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
}

describe('NYSE holidays against the copied holiday list (us_market_holidays.csv, 1990-2022)', () => {
  const rows = readLines('us_market_holidays.csv')
    .slice(1)
    .map((l) => l.split(','))
    .map(([date, , name]) => ({ date: date as string, name: name as string }));
  // Errors of the list, each checked against real trading days (see PROVENANCE.txt).
  const tradedAnyway = new Set([
    '1993-12-31',
    '1999-12-31',
    '2004-12-31',
    '2010-12-31',
    '2021-12-31',
  ]);
  const missingFromList = ['2022-06-20'];

  it('matches every year once the list’s known errors are set aside', () => {
    const listed = rows
      .filter((r) => !r.name.includes('1-minute pause') && !tradedAnyway.has(r.date))
      .map((r) => r.date);
    const computed: string[] = [];
    for (let y = 1990; y <= 2022; y += 1) computed.push(...nyseHolidays(y).map((h) => h.date));
    expect(computed.toSorted()).toEqual([...listed, ...missingFromList].toSorted());
  });

  it('does not observe a Saturday New Year on the Friday before, and moves a Sunday one to Monday', () => {
    expect(nyseHolidays(2022).map((h) => h.date)).not.toContain('2021-12-31');
    expect(nyseHolidays(2023)[0]).toEqual({ date: '2023-01-02', name: "New Year's Day" });
  });
});

describe('NYSE calendar against real trading days (SPY 1993-01-29..2026-02-23)', () => {
  const days = readLines('spy-trading-days-1993-2026.txt');
  const traded = new Set(days);

  it('calls exactly the days SPY traded trading days', () => {
    const wrong: string[] = [];
    for (let d = days[0] as string; d <= (days.at(-1) as string); d = addDays(d, 1)) {
      if (isTradingDay(d) !== traded.has(d)) wrong.push(d);
    }
    expect(wrong).toEqual([]);
  });

  it('needs its unscheduled closures for that (rules alone miss them)', () => {
    for (const closure of NYSE_UNSCHEDULED_CLOSURES.filter((c) => c.date >= '1993-01-29')) {
      expect(traded.has(closure.date)).toBe(false);
      expect(weekday(closure.date)).not.toBe(0);
    }
  });
});

describe('rule details', () => {
  it('computes Easter by computus (Good Friday two days before)', () => {
    expect(
      ['2000', '2008', '2019', '2024', '2025', '2026', '2038'].map((y) => easterSunday(Number(y))),
    ).toEqual([
      '2000-04-23',
      '2008-03-23',
      '2019-04-21',
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2038-04-25',
    ]);
    expect(nyseHolidays(2026).find((h) => h.name === 'Good Friday')?.date).toBe('2026-04-03');
  });

  it('lists the 2026 and 2027 holidays the NYSE has published', () => {
    expect(nyseHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-04-03',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-11-26',
      '2026-12-25',
    ]);
    expect(nyseHolidays(2027).map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-03-26',
      '2027-05-31',
      '2027-06-18',
      '2027-07-05',
      '2027-09-06',
      '2027-11-25',
      '2027-12-24',
    ]);
  });

  it('closes at 13:00 the day before Independence Day, after Thanksgiving and on Christmas Eve', () => {
    expect(['2025-07-03', '2025-11-28', '2025-12-24'].map(isEarlyClose)).toEqual([
      true,
      true,
      true,
    ]);
    // 2026: July 3 is the observed holiday itself, so no early close that week.
    expect(isEarlyClose('2026-07-02')).toBe(false);
    expect(isEarlyClose('2026-07-03')).toBe(false);
    // 2021: Christmas Eve was the observed Christmas holiday.
    expect(isEarlyClose('2021-12-24')).toBe(false);
    const s = nyseSession('2025-11-28');
    expect([new Date(s!.openMs).toISOString(), new Date(s!.closeMs).toISOString()]).toEqual([
      '2025-11-28T14:30:00.000Z',
      '2025-11-28T18:00:00.000Z',
    ]);
  });

  it('follows daylight saving time: 09:30 New York is 13:30Z in summer, 14:30Z in winter', () => {
    expect(new Date(nyseSession('2026-03-06')!.openMs).toISOString()).toBe(
      '2026-03-06T14:30:00.000Z',
    );
    expect(new Date(nyseSession('2026-03-09')!.openMs).toISOString()).toBe(
      '2026-03-09T13:30:00.000Z',
    );
    expect(new Date(nyseSession('2026-11-02')!.closeMs).toISOString()).toBe(
      '2026-11-02T21:00:00.000Z',
    );
    expect(new Date(nyseSession('2006-04-03')!.openMs).toISOString()).toBe(
      '2006-04-03T13:30:00.000Z',
    );
  });

  it('agrees with Intl on New York’s UTC offset every 7 hours 1990-2030', () => {
    const intl = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      timeZoneName: 'shortOffset',
    });
    const start = Date.UTC(1990, 0, 1);
    const end = Date.UTC(2030, 11, 31);
    const wrong: string[] = [];
    for (let t = start; t < end; t += 7 * 3_600_000) {
      const name = intl.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value;
      const expected = name === 'GMT-4' ? -4 : -5;
      if (newYorkOffsetMs(t) / 3_600_000 !== expected) wrong.push(new Date(t).toISOString());
    }
    expect(wrong).toEqual([]);
  });

  it('knows when the market is open, the last closed session and the next opening', () => {
    const fri1559 = Date.parse('2026-02-20T20:59:00Z');
    expect(isMarketOpen(fri1559)).toBe(true);
    expect(isMarketOpen(Date.parse('2026-02-20T21:00:00Z'))).toBe(false);
    expect(isMarketOpen(Date.parse('2026-02-21T15:00:00Z'))).toBe(false); // Saturday
    expect(isMarketOpen(Date.parse('2026-02-16T15:00:00Z'))).toBe(false); // Washington's Birthday
    expect(lastClosedSession(fri1559).date).toBe('2026-02-19');
    expect(lastClosedSession(Date.parse('2026-02-21T15:00:00Z')).date).toBe('2026-02-20');
    // Saturday 2026-02-14: Monday the 16th is Washington's Birthday, so Tuesday opens next.
    expect(nextSessionOpening(Date.parse('2026-02-14T15:00:00Z')).date).toBe('2026-02-17');
    expect(tradingDaysAfter('2026-02-12', '2026-02-20')).toBe(5);
    expect(tradingDaysAfter('2026-02-20', '2026-02-20')).toBe(0);
  });
});
