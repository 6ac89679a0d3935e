/**
 * The statistics page's tables: a caption, one header row of columns, and rows that each start with their own
 * header cell. Beside every chart and under "By reception" and "By employee". Presentational only.
 */
import type { ReactNode } from 'react';

export interface StatTableRow {
  key: string | number;
  /** What the row is about (a name, a day, a weekday): the row's header cell. */
  header: ReactNode;
  cells: readonly ReactNode[];
}

export function StatTable({ caption, columns, rows, className = 'stat-table' }: { caption: string; columns: readonly ReactNode[]; rows: readonly StatTableRow[]; className?: string }) {
  return (
    <table className={className}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.header}</th>
            {row.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
