/**
 * Date arithmetic on `YYYY-MM-DD` strings, in UTC, so results never depend on the machine's
 * time zone or daylight-saving changes.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar (`month` 1-12). */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1] as number;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (rejects 2024-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

/**
 * `date` moved back by `months` calendar months, clamped to the end of the target month when the
 * day does not exist there: 2024-03-31 minus 1 month is 2024-02-29, 2023-03-31 minus 1 month is
 * 2023-02-28, 2024-02-29 minus 12 months is 2023-02-28. Throws on a malformed date (callers
 * validate with {@link isIsoDate} first).
 */
export function subtractMonths(date: string, months: number): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const totalMonths = Number(match[1]) * 12 + (Number(match[2]) - 1) - months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12 + 1;
  const day = Math.min(Number(match[3]), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** December 31 of the year before `date`'s year: the base date of a year-to-date return. */
export function previousYearEnd(date: string): string {
  return `${pad(Number(date.slice(0, 4)) - 1, 4)}-12-31`;
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Days since 1970-01-01 of a valid `YYYY-MM-DD` date (proleptic Gregorian, UTC), by integer
 * arithmetic on the characters (Hinnant's days-from-civil): no Date object, so it is cheap enough
 * for per-close gap checks. The input must be a valid date ({@link isIsoDate}); it is not checked.
 */
export function epochDay(date: string): number {
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Calendar days from `from` to `to` (positive when `to` is later), counted in UTC. */
export function calendarDaysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}
