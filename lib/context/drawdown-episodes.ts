import type { Series } from '../series/series';
import { calendarDaysBetween } from '../metrics/calendar-date';
import { maxDrawdownDetailed } from '../metrics/drawdown';
import type { MaxDrawdown } from '../metrics/drawdown';
import { indexOnOrBefore } from '../metrics/lookup';
import { MAX_GAP_CALENDAR_DAYS } from '../metrics/metric-result';
import type { MetricResult } from '../metrics/metric-result';

/** A historical stress episode, located by the calendar window its decline falls in. */
export interface EpisodeDefinition {
  id: string;
  label: string;
  /** Window searched for the peak and the trough (inclusive); the recovery may come later. */
  from: string;
  to: string;
}

/**
 * The episodes the dashboard sets beside today's drawdown. The peak is the highest close within
 * the window (for 2020: the January 2020 high, not the 2018 all-time high).
 */
export const DRAWDOWN_EPISODES: readonly EpisodeDefinition[] = [
  { id: '2008', label: '2008 financial crisis', from: '2007-01-01', to: '2009-12-31' },
  { id: '2020', label: '2020 pandemic shock', from: '2020-01-01', to: '2020-12-31' },
];

/** An episode's drawdown with its durations. */
export interface EpisodeFigures extends MaxDrawdown {
  /** Trading days (closes in the series) from the peak to the trough. */
  tradingDaysPeakToTrough: number;
  /** Calendar days from the peak to the trough. */
  calendarDaysPeakToTrough: number;
  /** Trading days from the trough to the first close back at the peak, or `null` if not recovered. */
  tradingDaysToRecover: number | null;
  /** Calendar days from the trough to the recovery, or `null` if not recovered. */
  calendarDaysToRecover: number | null;
}

/**
 * The maximum drawdown of `series` within the episode's window, with peak-to-trough and
 * trough-to-recovery durations in trading days (closes of `series`) and calendar days. `null`
 * with the reason of {@link maxDrawdownDetailed} when the series does not cover the window.
 * A series starting more than MAX_GAP_CALENDAR_DAYS into the window is rejected (`insufficient-history`): its peak would not
 * be the episode's.
 */
export function episodeDrawdown(
  series: Series,
  episode: EpisodeDefinition,
): MetricResult<EpisodeFigures> {
  const first = series.dates[0];
  if (first !== undefined && calendarDaysBetween(episode.from, first) > MAX_GAP_CALENDAR_DAYS) {
    return {
      value: null,
      reason: 'insufficient-history',
      detail: `the series starts ${first}, after the start of the ${episode.label} window (${episode.from})`,
    };
  }
  const result = maxDrawdownDetailed(series, episode.from, episode.to);
  if (result.value === null) return result;
  const dd = result.value;
  const peak = indexOnOrBefore(series.dates, dd.peakDate);
  const trough = indexOnOrBefore(series.dates, dd.troughDate);
  const recovery = dd.recoveryDate === null ? null : indexOnOrBefore(series.dates, dd.recoveryDate);
  return {
    value: {
      ...dd,
      tradingDaysPeakToTrough: trough - peak,
      calendarDaysPeakToTrough: calendarDaysBetween(dd.peakDate, dd.troughDate),
      tradingDaysToRecover: recovery === null ? null : recovery - trough,
      calendarDaysToRecover:
        dd.recoveryDate === null ? null : calendarDaysBetween(dd.troughDate, dd.recoveryDate),
    },
  };
}
