import { useState } from 'preact/hooks';
import type { ChartView, CurveChart, ViewFigure } from '../../lib/context/dashboard-charts';
import { ChartFigure } from '../chart/ChartFigure';
import type { ValueFormat } from '../chart/chart-spec';
import { ViewSwitch } from '../ui/ViewSwitch';
import { t } from '../../lib/i18n/translate';

export interface CurveFigureProps {
  title: string;
  /** One figure per view (a period), in the order the switch shows them. */
  figures: readonly ViewFigure[];
  initialView: ChartView;
  format: ValueFormat;
  baseline?: number;
  /** Colour (CSS, or `var(--x)`) and dash of each line, in order. */
  styles: readonly { color: string; dashed?: boolean }[];
  summarize(chart: CurveChart): string;
  height?: number;
}

/** A line chart of the dashboard with its period switch; views the data cannot cover are disabled. */
export function CurveFigure({
  title,
  figures,
  initialView,
  format,
  baseline,
  styles,
  summarize,
  height,
}: CurveFigureProps) {
  const [view, setView] = useState<ChartView>(initialView);
  const unavailable = Object.fromEntries(
    figures
      .filter((f) => f.figure.value === null)
      .map((f) => [f.view, f.figure.detail ?? t('chart_noDataShort')]),
  ) as Partial<Record<ChartView, string>>;
  const shown =
    figures.find((f) => f.view === view && f.figure.value !== null) ??
    figures.find((f) => f.figure.value !== null);
  const controls = (
    <ViewSwitch
      label={t('chart_periodLabel', title)}
      options={figures.map((f) => f.view)}
      value={shown?.view ?? view}
      onChange={setView}
      unavailable={unavailable}
    />
  );
  const chart = shown?.figure.value;
  if (!shown || !chart) {
    return (
      <div class="chart-figure">
        <h3>{title}</h3>
        <p class="muted">{figures[0]?.figure.detail ?? t('chart_noData')}</p>
      </div>
    );
  }
  return (
    <ChartFigure
      title={title}
      controls={controls}
      summary={summarize(chart)}
      sources={shown.figure.source.split('; ')}
      height={height}
      spec={{
        kind: 'line',
        dates: chart.dates,
        lines: chart.lines.map((l, i) => ({
          label: l.label,
          values: l.values,
          color: styles[i]?.color ?? 'var(--muted)',
          ...(styles[i]?.dashed ? { dashed: true } : {}),
        })),
        markers: chart.markers,
        format,
        ...(baseline === undefined ? {} : { baseline }),
      }}
    />
  );
}
