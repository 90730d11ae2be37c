import { ReactNode } from 'react';
import TableCell from '@material-ui/core/TableCell';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import { nextSort, SortDirection, SortState } from './sortState';

/**
 * A column heading that sorts its table, by click or keyboard. The sorted column shows its
 * direction and tells assistive technology through `aria-sort`; the other headings show
 * the direction a click would start with.
 */
export function SortableHeaderCell<Column extends string>(props: {
  column: Column;
  sort: SortState<Column>;
  onSort: (next: SortState<Column>) => void;
  /** The direction sorting by this column starts with. */
  firstDirection: SortDirection;
  align?: 'left' | 'right';
  children: ReactNode;
}) {
  const { column, sort, onSort, firstDirection, align, children } = props;
  const active = sort.by === column;
  return (
    <TableCell
      component="th"
      scope="col"
      align={align}
      sortDirection={active ? sort.direction : false}
    >
      <TableSortLabel
        active={active}
        direction={active ? sort.direction : firstDirection}
        onClick={() => onSort(nextSort(sort, column, firstDirection))}
      >
        {children}
      </TableSortLabel>
    </TableCell>
  );
}
