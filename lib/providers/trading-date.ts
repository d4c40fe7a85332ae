/** Converts provider timestamps to exchange-local trading days. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  try {
    const f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, f);
    return f;
  } catch {
    return null;
  }
}

/**
 * The calendar date (`YYYY-MM-DD`) of `epochSeconds` in the exchange's time zone. Falls back to a
 * fixed `gmtOffsetSeconds` when the zone name is missing or unknown to `Intl`, and to UTC when
 * neither is known. Daily bars are stamped at the session open, so either way lands on the right day;
 * `Intl` is consulted only for stamps near local midnight, where daylight saving could matter.
 */
export function exchangeDate(
  epochSeconds: number,
  timeZone: string | null,
  gmtOffsetSeconds: number | null = null,
): string {
  // Fast path: with the exchange's (current) UTC offset, a stamp more than two hours from local
  // midnight cannot change date whatever daylight saving did in between (shifts are at most 1 h).
  if (gmtOffsetSeconds !== null) {
    const local = epochSeconds + gmtOffsetSeconds;
    const secondOfDay = ((local % 86_400) + 86_400) % 86_400;
    if (secondOfDay >= 7_200 && secondOfDay < 79_200) {
      return new Date(local * 1000).toISOString().slice(0, 10);
    }
  }
  const f = timeZone ? formatterFor(timeZone) : null;
  if (f) {
    let y = '';
    let m = '';
    let d = '';
    for (const part of f.formatToParts(epochSeconds * 1000)) {
      if (part.type === 'year') y = part.value;
      else if (part.type === 'month') m = part.value;
      else if (part.type === 'day') d = part.value;
    }
    return `${y}-${m}-${d}`;
  }
  return new Date((epochSeconds + (gmtOffsetSeconds ?? 0)) * 1000).toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}
