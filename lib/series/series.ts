/**
 * A daily price series: `dates` are exchange-local trading days (`YYYY-MM-DD`, ascending, unique),
 * `closes[i]` is the close on `dates[i]`. For analytics the closes are adjusted for splits and
 * dividends; an index has no dividends, so its quoted close is its adjusted close.
 */
export interface Series {
  dates: string[];
  closes: number[];
}
