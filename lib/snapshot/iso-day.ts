/**
 * Calendar arithmetic on `YYYY-MM-DD` dates as whole day numbers (days since 1970-01-01), done with
 * integer civil-calendar formulas (H. Hinnant, "chrono-compatible low-level date algorithms") so
 * that it is exact, time-zone free and cheap enough to run once per row of the snapshot.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Converts a day number (days since 1970-01-01, may be negative) to its `YYYY-MM-DD` date.
 * Throws a RangeError for a non-integer input.
 */
export function isoDate(day: number): string {
  if (!Number.isSafeInteger(day)) {
    throw new RangeError(`day number must be a safe integer, got ${day}`);
  }
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new RangeError(`day number ${day} is outside years 0-9999`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/**
 * Day number (days since 1970-01-01) of a `YYYY-MM-DD` date, or `undefined` when the text is not
 * exactly that shape or names a day that does not exist (2026-02-30).
 */
export function tryDayNumber(date: string): number | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const day = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  return isoDate(day) === date ? day : undefined;
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` date; throws a RangeError on anything else. */
export function dayNumber(date: string): number {
  const day = tryDayNumber(date);
  if (day === undefined)
    throw new RangeError(`not a valid YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return day;
}

/** True when `value` is a string holding a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && tryDayNumber(value) !== undefined;
}
