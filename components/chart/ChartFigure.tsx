import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatChartValue } from '../../lib/format/chart-values';
import { formatDate } from '../../lib/format/figures';
import { SourceLine } from '../ui/SourceLine';
import type { ChartSpec } from './chart-spec';
import type { DrawnChart } from './draw-chart';
import { t } from '../../lib/i18n/translate';

export interface ChartFigureProps {
  title: string;
  spec: ChartSpec;
  /** What the chart shows, in a sentence or two: read by screen readers and shown under it. */
  summary: string;
  /** Sources of the data, shown under the figure. */
  sources: string[];
  height?: number;
  /** Controls beside the title (a period switch). */
  controls?: ComponentChildren;
  /** Extra notes under the summary. */
  notes?: string[];
}

function DataTable({ spec, id, title }: { spec: ChartSpec; id: string; title: string }) {
  if (spec.kind === 'bar') {
    return (
      <div
        class="data-table"
        id={id}
        tabIndex={0}
        role="region"
        aria-label={t('chart_dataLabel', title)}
      >
        <table class="figures">
          <thead>
            <tr>
              <th scope="col">{t('chart_category')}</th>
              {spec.datasets.map((d) => (
                <th scope="col" key={d.label}>
                  {d.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {spec.datasets.map((d) => (
                  <td key={d.label}>{formatChartValue(d.values[i], spec.format, 2)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div
      class="data-table"
      id={id}
      tabIndex={0}
      role="region"
      aria-label={t('chart_dataLabel', title)}
    >
      <table class="figures">
        <thead>
          <tr>
            <th scope="col">{t('chart_date')}</th>
            {spec.lines.map((l) => (
              <th scope="col" key={l.label}>
                {l.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.dates.map((date, i) => (
            <tr key={date}>
              <th scope="row">{formatDate(date)}</th>
              {spec.lines.map((l) => (
                <td key={l.label}>{formatChartValue(l.values[i], spec.format)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * An accessible chart: a title, the canvas (Chart.js, loaded lazily on first draw), a text
 * summary, a button that shows the charted values as a table, and the sources. The figure is
 * complete without the canvas: the summary and table carry the data.
 */
export function ChartFigure({
  title,
  spec,
  summary,
  sources,
  height = 150,
  controls,
  notes = [],
}: ChartFigureProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  useEffect(() => {
    let alive = true;
    let drawn: DrawnChart | null = null;
    void import('./draw-chart')
      .then(({ drawChart }) => {
        if (alive && canvas.current) drawn = drawChart(canvas.current, spec);
      })
      .catch((error: unknown) => console.warn('R2K Lens: chart not drawn', error));
    return () => {
      alive = false;
      drawn?.destroy();
    };
  }, [spec]);
  return (
    <figure class="chart-figure" aria-labelledby={`${id}-title`}>
      <div class="chart-head">
        <h3 id={`${id}-title`}>{title}</h3>
        {controls}
      </div>
      <div class="chart-box" style={{ height: `${height}px` }}>
        <canvas ref={canvas} role="img" aria-label={summary} />
      </div>
      <figcaption class="chart-summary">{summary}</figcaption>
      {notes.map((n) => (
        <p class="source muted" key={n}>
          {n}
        </p>
      ))}
      <button
        type="button"
        class="link-button"
        aria-expanded={showTable}
        aria-controls={`${id}-table`}
        onClick={() => setShowTable((v) => !v)}
      >
        {showTable ? t('chart_hideTable') : t('chart_showTable')}
      </button>
      {showTable ? (
        <DataTable spec={spec} id={`${id}-table`} title={title} />
      ) : (
        <div id={`${id}-table`} hidden />
      )}
      <SourceLine sources={sources} />
    </figure>
  );
}
