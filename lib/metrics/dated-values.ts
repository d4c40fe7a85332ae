/**
 * A value per date, for curves (rolling volatility, drawdown): `values[i]` belongs to `dates[i]`
 * (`YYYY-MM-DD`, ascending); `null` where the value cannot be computed on that date.
 */
export interface DatedValues {
  dates: string[];
  values: (number | null)[];
}
