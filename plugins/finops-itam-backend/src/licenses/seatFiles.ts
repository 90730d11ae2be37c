import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { EntitlementFileError } from './entitlementFiles';

const SEAT_COLUMNS = ['user', 'lastActive', 'entityRef'];

/**
 * Reads a seat export: CSV with columns `user`, `lastActive`, `entityRef`, or a YAML/JSON
 * list (or `{ seats: [...] }`) of the same fields. Values are validated when stored.
 */
export function readSeatFile(name: string, content: string): unknown[] {
  const lower = name.toLowerCase().replace(/\?.*$/, '');
  let seats: unknown;
  try {
    if (lower.endsWith('.csv')) {
      const rows: Record<string, string>[] = parseCsv(content, {
        columns: true,
        skip_empty_lines: true,
        trim: true,
        bom: true,
      });
      const unknown =
        rows.length > 0
          ? Object.keys(rows[0]).filter(c => !SEAT_COLUMNS.includes(c))
          : [];
      if (unknown.length > 0) {
        throw new EntitlementFileError(
          `has unknown column(s) ${unknown.join(
            ', ',
          )}; the columns are ${SEAT_COLUMNS.join(', ')}`,
        );
      }
      // Empty cells mean "not known", the same as leaving the field out.
      seats = rows.map(row =>
        Object.fromEntries(Object.entries(row).filter(([, v]) => v !== '')),
      );
    } else if (
      lower.endsWith('.json') ||
      lower.endsWith('.yaml') ||
      lower.endsWith('.yml')
    ) {
      const data = lower.endsWith('.json')
        ? JSON.parse(content)
        : parseYaml(content);
      seats = Array.isArray(data)
        ? data
        : (data as { seats?: unknown } | null)?.seats;
    } else {
      throw new EntitlementFileError(
        'has an unknown format: name it .csv, .yaml, .yml or .json',
      );
    }
  } catch (error) {
    if (error instanceof EntitlementFileError) throw error;
    throw new EntitlementFileError(
      `cannot be read: ${(error as Error).message}`,
    );
  }
  if (!Array.isArray(seats)) {
    throw new EntitlementFileError(
      'must hold a list of seats, or { seats: [...] }',
    );
  }
  return seats;
}
