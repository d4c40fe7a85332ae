import { t } from '../../lib/i18n/translate';
import { formatSignedPercent, trendClass } from '../../lib/format/figures';

export interface FigureCell {
  /** A fraction (0.05 = 5%), or null when it cannot be computed. */
  value: number | null;
  /** Shown on hover: why a value is missing, or how it was computed. */
  title?: string;
  /** Emphasize (e.g. the excess-return column). */
  strong?: boolean;
}

export interface FigureRow {
  label: string;
  /** Secondary text under the label (a symbol, a proxy note). */
  sublabel?: string;
  cells: FigureCell[];
}

export interface FigureTableProps {
  caption: string;
  columns: string[];
  rows: FigureRow[];
  digits?: number;
}

/** A table of signed percentages (returns, excess returns), coloured by sign, dashes for missing values. */
export function FigureTable({ caption, columns, rows, digits = 1 }: FigureTableProps) {
  return (
    <table class="figures">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span class="sr">{t('chart_seriesHeader')}</span>
          </th>
          {columns.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">
              {row.label}
              {row.sublabel && <span class="sublabel">{row.sublabel}</span>}
            </th>
            {row.cells.map((cell, i) => (
              <td
                key={i}
                class={`${trendClass(cell.value)}${cell.strong ? ' strong' : ''}`}
                title={cell.title}
              >
                {formatSignedPercent(cell.value, digits)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
