/**
 * Index of the last entry of the ascending `dates` that is on or before `date`, or -1 when every
 * entry is later (or `dates` is empty). Binary search: O(log n). ISO `YYYY-MM-DD` strings compare
 * correctly as strings.
 */
export function indexOnOrBefore(dates: readonly string[], date: string): number {
  let low = 0;
  let high = dates.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if ((dates[mid] as string) <= date) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * Index of the first entry of the ascending `dates` that is on or after `date`, or `dates.length`
 * when every entry is earlier. Binary search: O(log n).
 */
export function indexOnOrAfter(dates: readonly string[], date: string): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((dates[mid] as string) < date) low = mid + 1;
    else high = mid;
  }
  return low;
}
