import type { TableColumn, TableRow } from '../../../shared/contract/resources';

/** Compares two cells by the column's declared type, so 10 sorts after 9 and ages sort by time. */
export function compareRows(a: TableRow, b: TableRow, col: number, columns: TableColumn[], ageIndex: number): number {
  if (col === ageIndex) return (b.creationTimestamp ?? '').localeCompare(a.creationTimestamp ?? '');
  const type = columns[col]?.type;
  const x = a.cells[col], y = b.cells[col];
  if (type === 'integer' || type === 'number') return Number(x ?? 0) - Number(y ?? 0);
  return String(x ?? '').localeCompare(String(y ?? ''), undefined, { numeric: true });
}
