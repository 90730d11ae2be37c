import { VisuallyHidden } from '../VisuallyHidden';

/**
 * The figures behind a chart as a table for screen readers: one row per bar, named by its
 * first cell.
 */
export function ChartDataTable(props: {
  caption: string;
  /** Headings of all columns, the row names' column first. */
  columns: string[];
  rows: Array<{ name: string; cells: string[] }>;
}) {
  const { caption, columns, rows } = props;
  return (
    <VisuallyHidden>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map(column => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(row => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              {row.cells.map((cell, index) => (
                <td key={columns[index + 1] ?? index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </VisuallyHidden>
  );
}
