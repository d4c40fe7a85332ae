/**
 * Chart.js as its own chunk (`card-chart.js`, see wxt.config.ts), loaded by the hover card only
 * when its details open: the compact card draws a sparkline in SVG, so a card that is only
 * glanced at never loads the charting library.
 */
export { drawLineChart } from './line-chart';
