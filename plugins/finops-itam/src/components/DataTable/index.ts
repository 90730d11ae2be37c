export { DataTable } from './DataTable';
export type { DataColumn } from './DataTable';
export { ToneCell } from './ToneCell';
