/** A statistic over a window of daily returns, with the window it covers. */
export interface WindowedValue {
  value: number;
  /** Number of daily returns used (trading days on which both series, if two, have closes). */
  observations: number;
  /** Date of the close the first return starts from. */
  fromDate: string;
  /** Date of the last close used (on or before the as-of date). */
  toDate: string;
}
