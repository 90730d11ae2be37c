import { ReactElement, ReactNode } from 'react';
import { Column, Row, TableBody, TableHeader, TableRoot } from '@backstage/ui';

/** One column of a {@link DataTable}. */
export interface DataColumn<T> {
  id: string;
  label: string;
  /** The cell: must be a `Cell` or `CellText` of `@backstage/ui`. */
  cell: (item: T) => ReactElement;
  /** The column that names the row for screen readers; one per table. */
  isRowHeader?: boolean;
}

/**
 * A table of `@backstage/ui` with an accessible name, which its `Table` convenience wrapper
 * does not pass on. Rows with `onRowAction` open with a click, Enter or Space.
 */
export function DataTable<T extends { id: string }>(props: {
  label: string;
  columns: DataColumn<T>[];
  items: T[];
  empty: ReactNode;
  onRowAction?: (item: T) => void;
}) {
  const { label, columns, items, empty, onRowAction } = props;
  return (
    <TableRoot aria-label={label}>
      <TableHeader columns={columns}>
        {column => (
          <Column id={column.id} isRowHeader={column.isRowHeader}>
            {column.label}
          </Column>
        )}
      </TableHeader>
      <TableBody items={items} renderEmptyState={() => empty}>
        {item => (
          <Row
            id={item.id}
            columns={columns}
            onAction={onRowAction ? () => onRowAction(item) : undefined}
          >
            {column => column.cell(item)}
          </Row>
        )}
      </TableBody>
    </TableRoot>
  );
}
