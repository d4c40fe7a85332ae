/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, done in UTC so no host time zone leaks in.
 * Weekdays are numbered like `Date#getUTCDay`: 0 Sunday .. 6 Saturday.
 */

const DAY_MS = 86_400_000;

/** Epoch milliseconds of midnight UTC of `date`. */
export function dateToUtcMs(date: string): number {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

/** `YYYY-MM-DD` of the UTC day containing `ms`. */
export function utcMsToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `date` moved by `days` calendar days (negative to go back). */
export function addDays(date: string, days: number): string {
  return utcMsToDate(dateToUtcMs(date) + days * DAY_MS);
}

/** Day of the week of `date`, 0 Sunday .. 6 Saturday. */
export function weekday(date: string): number {
  return new Date(dateToUtcMs(date)).getUTCDay();
}

/** `YYYY-MM-DD` from numeric parts (`month` 1..12). */
export function ymd(year: number, month: number, day: number): string {
  return utcMsToDate(Date.UTC(year, month - 1, day));
}

/** The `n`-th (1-based) `dow` weekday of a month; `n = -1` for the last one. */
export function nthWeekdayOfMonth(year: number, month: number, dow: number, n: number): string {
  if (n > 0) {
    const first = ymd(year, month, 1);
    const offset = (dow - weekday(first) + 7) % 7;
    return addDays(first, offset + 7 * (n - 1));
  }
  const last = ymd(year, month + 1, 0);
  const back = (weekday(last) - dow + 7) % 7;
  return addDays(last, -back);
}

/** Western (Gregorian) Easter Sunday of `year` (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}
