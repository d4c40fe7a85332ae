/**
 * View models of the hover card and the popup: pure functions from series, holdings and
 * preferences to the figures the UI renders, each with its as-of date and source.
 */
export {
  BENCHMARKS,
  NASDAQ_COMPOSITE,
  RUSSELL_2000,
  SP_500,
  TEN_YEAR_YIELD,
  benchmarkInfo,
} from './benchmarks';
export type { BenchmarkInfo } from './benchmarks';
export {
  BETA_WINDOW_DAYS,
  DEFAULT_COMPARISON_PREFS,
  RATE_SENSITIVITY_WINDOW_DAYS,
} from './comparison-prefs';
export type { ComparisonPrefs } from './comparison-prefs';
export type { Figure, FigureReason } from './figure';
export type { PricedSeries, SeriesBySymbol } from './priced-series';
export {
  chooseRequiredSeries,
  chooseSeries,
  notChosen,
  reaches,
  returnBasisOf,
} from './series-choice';
export type { ChosenSeries, ReturnBasis, SeriesChoice } from './series-choice';
export { MAX_CHART_POINTS, evenSample, rebasedChart } from './rebased-chart';
export type { ChartInput, ChartLine, RebasedChart } from './rebased-chart';
export { INDEX_REVENUE_EXPOSURE } from './domestic-revenue';
export type { RevenueExposure } from './domestic-revenue';
export { russell2000Membership } from './membership';
export type { MembershipInput, Russell2000Membership } from './membership';
export { DRAWDOWN_EPISODES, episodeDrawdown } from './drawdown-episodes';
export type { EpisodeDefinition, EpisodeFigures } from './drawdown-episodes';
export type { Comparison, DrawdownFigures, PeriodFigure } from './comparison-figures';
export {
  FLAT_TREND_THRESHOLD,
  RELATIVE_STRENGTH_PERIODS,
  relativeStrength,
} from './relative-strength';
export type { RelativeStrength } from './relative-strength';
export { buildSymbolContext } from './symbol-context';
export type { BenchmarkComparison, SymbolContext, SymbolContextInput } from './symbol-context';
export { DASHBOARD_BASE_PERIODS, buildDashboardContext } from './dashboard-context';
export type {
  DashboardContext,
  DashboardContextInput,
  DashboardReturnRow,
  EpisodeFigure,
  RateSensitivityFigures,
} from './dashboard-context';
export { chooseDashboardSeries } from './dashboard-series';
export type { DashboardSeries } from './dashboard-series';
export {
  LONG_CHART_POINTS,
  LONG_VIEWS,
  RATIO_TREND_DAYS,
  REBASED_VIEWS,
  buildDashboardCharts,
} from './dashboard-charts';
export type {
  ChartMarker,
  ChartView,
  CurveChart,
  CurveLine,
  DashboardCharts,
  DashboardChartsInput,
  DatedPoint,
  ViewFigure,
} from './dashboard-charts';
export { LONG_VOLATILITY_DAYS, buildIndexComparisonTable } from './index-comparison-table';
export type {
  EpisodeCell,
  EpisodeRow,
  IndexComparisonInput,
  IndexComparisonTable,
} from './index-comparison-table';
export { COMPARED_INDEXES, CONTEXT_ROWS, REVENUE_QUOTES } from './index-profiles';
export type { ContextRow, RevenueQuote } from './index-profiles';
export { buildSymbolSummary, median, summarizePage } from './symbol-summary';
export type {
  MembershipStatus,
  PageSummary,
  SummaryInstrument,
  SymbolSummary,
  SymbolSummaryInput,
} from './symbol-summary';
