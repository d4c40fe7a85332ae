import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/translate';
import type { RebasedChartProps } from './line-chart-config';

/** What the chart chunk exports (components/chart/chart-chunk.ts). */
export interface ChartChunk {
  drawLineChart(
    canvas: HTMLCanvasElement,
    dates: string[],
    lines: RebasedChartProps['lines'],
  ): { destroy(): void };
}

/** How the card gets the chart chunk (the content script imports it from the extension). */
export const ChartLoader = createContext<(() => Promise<ChartChunk>) | null>(null);

/**
 * The rebased chart, drawn once the chart chunk has loaded (the box keeps its height meanwhile,
 * so nothing moves). Says so in words if the chunk cannot load.
 */
export function LazyRebasedChart({ dates, lines, label, height = 150 }: RebasedChartProps) {
  const load = useContext(ChartLoader);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!load) return;
    let chart: { destroy(): void } | null = null;
    let live = true;
    load()
      .then((chunk) => {
        if (live && canvas.current) chart = chunk.drawLineChart(canvas.current, dates, lines);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [dates, lines, load]);
  return (
    <div style={{ position: 'relative', height: `${height}px` }}>
      {failed || !load ? (
        <p class="muted">{t('chart_couldNotLoad')}</p>
      ) : (
        <canvas ref={canvas} role="img" aria-label={label} />
      )}
    </div>
  );
}
