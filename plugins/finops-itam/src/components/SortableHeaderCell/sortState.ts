export type SortDirection = 'asc' | 'desc';

/** Which column a table is sorted by, and which way. */
export interface SortState<Column extends string> {
  by: Column;
  direction: SortDirection;
}

/**
 * The sort after a click on `column`'s heading: the sorted column flips, another column
 * starts with `firstDirection` (amounts read best biggest first, names from A).
 */
export function nextSort<Column extends string>(
  current: SortState<Column>,
  column: Column,
  firstDirection: SortDirection,
): SortState<Column> {
  if (current.by !== column) {
    return { by: column, direction: firstDirection };
  }
  return {
    by: column,
    direction: current.direction === 'asc' ? 'desc' : 'asc',
  };
}
