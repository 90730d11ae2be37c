export { SortableHeaderCell } from './SortableHeaderCell';
export { nextSort } from './sortState';
export type { SortDirection, SortState } from './sortState';
