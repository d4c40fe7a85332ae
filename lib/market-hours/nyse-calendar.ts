/**
 * The NYSE trading calendar, computed from the exchange's holiday rules (NYSE Rule 7.2) rather
 * than a list: regular session 09:30-16:00 America/New_York, 13:00 closes on the day before
 * Independence Day, the day after Thanksgiving and Christmas Eve. Verified against real trading
 * days 1993-2026 in the tests.
 */
import { addDays, easterSunday, nthWeekdayOfMonth, weekday, ymd } from './civil-date';
import { newYorkDate, newYorkMinuteOfDay, newYorkTimeToUtcMs } from './new-york-time';

/** A full-day closure. */
export interface Holiday {
  date: string;
  name: string;
}

/** One trading session; times are epoch milliseconds. */
export interface Session {
  date: string;
  openMs: number;
  closeMs: number;
  /** True on 13:00 closes. */
  earlyClose: boolean;
}

/** Regular open, minutes after New York midnight (09:30). */
export const SESSION_OPEN_MINUTE = 9 * 60 + 30;
/** Regular close, minutes after New York midnight (16:00). */
export const SESSION_CLOSE_MINUTE = 16 * 60;
/** Early close, minutes after New York midnight (13:00). */
export const EARLY_CLOSE_MINUTE = 13 * 60;

/**
 * Unscheduled closures that no rule predicts (national days of mourning, 9/11, Hurricane Sandy).
 * Kept so that history lines up with real trading days; the future can only be rule-computed.
 */
export const NYSE_UNSCHEDULED_CLOSURES: readonly Holiday[] = [
  { date: '1994-04-27', name: 'National Day of Mourning (Richard Nixon)' },
  { date: '2001-09-11', name: 'September 11 attacks' },
  { date: '2001-09-12', name: 'September 11 attacks' },
  { date: '2001-09-13', name: 'September 11 attacks' },
  { date: '2001-09-14', name: 'September 11 attacks' },
  { date: '2004-06-11', name: 'National Day of Mourning (Ronald Reagan)' },
  { date: '2007-01-02', name: 'National Day of Mourning (Gerald Ford)' },
  { date: '2012-10-29', name: 'Hurricane Sandy' },
  { date: '2012-10-30', name: 'Hurricane Sandy' },
  { date: '2018-12-05', name: 'National Day of Mourning (George H. W. Bush)' },
  { date: '2025-01-09', name: 'National Day of Mourning (Jimmy Carter)' },
];

/** Saturday holidays move to Friday, Sunday holidays to Monday. */
function observed(date: string): string {
  const d = weekday(date);
  if (d === 6) return addDays(date, -1);
  if (d === 0) return addDays(date, 1);
  return date;
}

/**
 * The rule-computed NYSE holidays of `year`, ascending. New Year's Day falling on a Saturday is
 * not observed (the Friday before closes a year and stays open); on a Sunday it moves to Monday.
 * Martin Luther King Jr. Day from 1998, Juneteenth from 2022. Unscheduled closures are not included.
 */
export function nyseHolidays(year: number): Holiday[] {
  const list: Holiday[] = [];
  const newYear = ymd(year, 1, 1);
  if (weekday(newYear) !== 6) list.push({ date: observed(newYear), name: "New Year's Day" });
  if (year >= 1998) {
    list.push({ date: nthWeekdayOfMonth(year, 1, 1, 3), name: 'Martin Luther King Jr. Day' });
  }
  list.push({ date: nthWeekdayOfMonth(year, 2, 1, 3), name: "Washington's Birthday" });
  list.push({ date: addDays(easterSunday(year), -2), name: 'Good Friday' });
  list.push({ date: nthWeekdayOfMonth(year, 5, 1, -1), name: 'Memorial Day' });
  if (year >= 2022) list.push({ date: observed(ymd(year, 6, 19)), name: 'Juneteenth' });
  list.push({ date: observed(ymd(year, 7, 4)), name: 'Independence Day' });
  list.push({ date: nthWeekdayOfMonth(year, 9, 1, 1), name: 'Labor Day' });
  list.push({ date: nthWeekdayOfMonth(year, 11, 4, 4), name: 'Thanksgiving Day' });
  list.push({ date: observed(ymd(year, 12, 25)), name: 'Christmas Day' });
  return list.toSorted((a, b) => a.date.localeCompare(b.date));
}

const holidayCache = new Map<number, Map<string, string>>();

function holidaysByDate(year: number): Map<string, string> {
  let map = holidayCache.get(year);
  if (!map) {
    map = new Map(nyseHolidays(year).map((h) => [h.date, h.name]));
    for (const h of NYSE_UNSCHEDULED_CLOSURES)
      if (h.date.startsWith(`${year}-`)) map.set(h.date, h.name);
    holidayCache.set(year, map);
  }
  return map;
}

/** The holiday or closure name when the NYSE is closed all day on `date` (a weekday), else `null`. */
export function nyseClosureName(date: string): string | null {
  return holidaysByDate(Number(date.slice(0, 4))).get(date) ?? null;
}

/** True when the NYSE holds a session on `date`: a weekday that is not a holiday or closure. */
export function isTradingDay(date: string): boolean {
  const d = weekday(date);
  return d !== 0 && d !== 6 && nyseClosureName(date) === null;
}

/**
 * True when `date` is a 13:00 close: July 3 when it is a trading day and Independence Day is not
 * observed on it, the Friday after Thanksgiving, and December 24 when it is a trading day.
 */
export function isEarlyClose(date: string): boolean {
  if (!isTradingDay(date)) return false;
  const year = Number(date.slice(0, 4));
  if (date === ymd(year, 7, 3)) return true;
  if (date === addDays(nthWeekdayOfMonth(year, 11, 4, 4), 1)) return true;
  return date === ymd(year, 12, 24);
}

/** The session held on `date`, or `null` on weekends, holidays and closures. */
export function nyseSession(date: string): Session | null {
  if (!isTradingDay(date)) return null;
  const earlyClose = isEarlyClose(date);
  return {
    date,
    openMs: newYorkTimeToUtcMs(date, SESSION_OPEN_MINUTE),
    closeMs: newYorkTimeToUtcMs(date, earlyClose ? EARLY_CLOSE_MINUTE : SESSION_CLOSE_MINUTE),
    earlyClose,
  };
}

/** True while a regular session is in progress at instant `nowMs` (open inclusive, close exclusive). */
export function isMarketOpen(nowMs: number): boolean {
  const s = nyseSession(newYorkDate(nowMs));
  return s !== null && nowMs >= s.openMs && nowMs < s.closeMs;
}

/** The nearest trading day strictly before `date`. */
export function previousTradingDay(date: string): string {
  let d = addDays(date, -1);
  while (!isTradingDay(d)) d = addDays(d, -1);
  return d;
}

/** The nearest trading day strictly after `date`. */
export function nextTradingDay(date: string): string {
  let d = addDays(date, 1);
  while (!isTradingDay(d)) d = addDays(d, 1);
  return d;
}

/** The most recent session whose close is at or before `nowMs` (its data can be final). */
export function lastClosedSession(nowMs: number): Session {
  const today = newYorkDate(nowMs);
  const s = nyseSession(today);
  if (s && s.closeMs <= nowMs) return s;
  return nyseSession(previousTradingDay(today)) as Session;
}

/** The next session whose open is strictly after `nowMs`. */
export function nextSessionOpening(nowMs: number): Session {
  const today = newYorkDate(nowMs);
  const s = nyseSession(today);
  if (s && s.openMs > nowMs) return s;
  return nyseSession(nextTradingDay(today)) as Session;
}

/**
 * Trading days after `from` up to and including `to` (0 when `to <= from`): how many sessions a
 * series ending on `from` is missing if the latest complete session is `to`.
 */
export function tradingDaysAfter(from: string, to: string): number {
  let n = 0;
  for (let d = from; d < to;) {
    d = nextTradingDay(d);
    if (d <= to) n += 1;
  }
  return n;
}

/** Minutes since New York midnight; re-exported for callers that show "opens at" text. */
export { newYorkDate, newYorkMinuteOfDay };
