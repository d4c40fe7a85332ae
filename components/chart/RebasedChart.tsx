import { useEffect, useRef } from 'preact/hooks';
import { drawLineChart } from './line-chart';
import type { RebasedChartProps } from './line-chart-config';

export type { ChartLine, RebasedChartProps } from './line-chart-config';

/**
 * Line chart of series rebased to 100 (Chart.js, bundled with the page that shows it: the
 * popup). The canvas is re-created only when the data changes.
 */
export function RebasedChart({ dates, lines, label, height = 150 }: RebasedChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = drawLineChart(canvas.current, dates, lines);
    return () => chart.destroy();
  }, [dates, lines]);
  return (
    <div style={{ position: 'relative', height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
