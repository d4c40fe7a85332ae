/**
 * America/New_York wall time without `Intl`: US daylight-saving rules (Energy Policy Act of 2005
 * from 2007: second Sunday of March 02:00 to first Sunday of November 02:00; 1987-2006: first
 * Sunday of April to last Sunday of October). Enough for NYSE sessions from 1987 on.
 */
import { dateToUtcMs, nthWeekdayOfMonth, utcMsToDate } from './civil-date';

const HOUR_MS = 3_600_000;
const EST_OFFSET_MS = -5 * HOUR_MS;
const EDT_OFFSET_MS = -4 * HOUR_MS;

function dstBoundsUtc(year: number): [number, number] {
  const start = year >= 2007 ? nthWeekdayOfMonth(year, 3, 0, 2) : nthWeekdayOfMonth(year, 4, 0, 1);
  const end = year >= 2007 ? nthWeekdayOfMonth(year, 11, 0, 1) : nthWeekdayOfMonth(year, 10, 0, -1);
  // 02:00 EST is 07:00 UTC (spring forward); 02:00 EDT is 06:00 UTC (fall back).
  return [dateToUtcMs(start) + 7 * HOUR_MS, dateToUtcMs(end) + 6 * HOUR_MS];
}

/** New York's offset from UTC at instant `ms`, in milliseconds (-4 h in summer, -5 h in winter). */
export function newYorkOffsetMs(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const [start, end] = dstBoundsUtc(year);
  return ms >= start && ms < end ? EDT_OFFSET_MS : EST_OFFSET_MS;
}

/** The New York calendar date (`YYYY-MM-DD`) at instant `ms`. */
export function newYorkDate(ms: number): string {
  return utcMsToDate(ms + newYorkOffsetMs(ms));
}

/** Minutes since New York midnight at instant `ms` (0..1439). */
export function newYorkMinuteOfDay(ms: number): number {
  const local = ms + newYorkOffsetMs(ms);
  return Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
}

/** The instant of New York wall time `minuteOfDay` on `date` (valid for times outside 01:00-03:00). */
export function newYorkTimeToUtcMs(date: string, minuteOfDay: number): number {
  const wall = dateToUtcMs(date) + minuteOfDay * 60_000;
  // Guess with winter time, then correct with the offset in force at that instant.
  const guess = wall - EST_OFFSET_MS;
  return wall - newYorkOffsetMs(guess);
}
