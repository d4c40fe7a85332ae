import type { MetricResult, MissingReason } from '../metrics/metric-result';

/**
 * Why a view-model figure is missing: a metric's {@link MissingReason}, or `unavailable` when the
 * series it needs was not provided or does not reach the common as-of date.
 */
export type FigureReason = MissingReason | 'unavailable';

/** One number (or record) the UI shows, with its date and source; `null` with a reason otherwise. */
export interface Figure<T> {
  value: T | null;
  reason?: FigureReason;
  /** English explanation of a missing value, for a tooltip. */
  detail?: string;
  /** The common as-of date of the comparison (`YYYY-MM-DD`), or `null` when there is none. */
  asOf: string | null;
  /** Sources of the series used, joined with "; ". */
  source: string;
}

/** Unique non-empty sources joined with "; ". */
export function joinSources(...sources: (string | null | undefined)[]): string {
  return [...new Set(sources.filter((s): s is string => typeof s === 'string' && s !== ''))].join(
    '; ',
  );
}

/** A figure from a metric result. */
export function fromResult<T>(
  result: MetricResult<T>,
  asOf: string | null,
  source: string,
): Figure<T> {
  return result.value === null
    ? { value: null, reason: result.reason, detail: result.detail, asOf, source }
    : { value: result.value, asOf, source };
}

/** A missing figure carrying a metric's reason and explanation. */
export function missingFigure<T>(
  result: { reason: MissingReason; detail: string },
  asOf: string | null,
  source: string,
): Figure<T> {
  return { value: null, reason: result.reason, detail: result.detail, asOf, source };
}

/** A figure that cannot be computed because an input series is missing or stale. */
export function unavailable<T>(detail: string, asOf: string | null, source = ''): Figure<T> {
  return { value: null, reason: 'unavailable', detail, asOf, source };
}

/** A figure whose value is known. */
export function known<T>(value: T, asOf: string | null, source: string): Figure<T> {
  return { value, asOf, source };
}
