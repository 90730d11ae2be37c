import { ConfigReader } from '@backstage/config';
import { readWarehouseSourceOptions } from './config';

const read = (duckdbWarehouse?: object) =>
  readWarehouseSourceOptions(
    new ConfigReader({
      finopsItam: duckdbWarehouse ? { duckdbWarehouse } : {},
    }),
  );

describe('readWarehouseSourceOptions', () => {
  it('adds nothing when the module is not configured', () => {
    expect(read()).toBeUndefined();
  });

  it('reads a database table with defaults', () => {
    expect(read({ database: '/data/warehouse.duckdb' })).toEqual({
      id: 'duckdb-warehouse',
      location: {
        kind: 'database',
        path: '/data/warehouse.duckdb',
        table: 'focus',
      },
      limits: { memoryLimit: '512MB', threads: 2 },
      schedule: undefined,
    });
  });

  it('reads files of one format and a schedule', () => {
    expect(
      read({
        id: 'lake-focus',
        files: ['/lake/a/*.parquet', '/lake/b/*.PARQUET'],
        schedule: { frequency: { hours: 6 }, timeout: { minutes: 20 } },
      }),
    ).toMatchObject({
      id: 'lake-focus',
      location: {
        kind: 'files',
        format: 'parquet',
        paths: ['/lake/a/*.parquet', '/lake/b/*.PARQUET'],
      },
      schedule: { frequency: { hours: 6 }, timeout: { minutes: 20 } },
    });
    expect(read({ files: '/lake/focus.csv.gz' })?.location).toMatchObject({
      format: 'csv',
    });
  });

  it.each([
    [{}, /exactly one of database/],
    [{ database: 'w.duckdb', files: 'a.parquet' }, /exactly one of database/],
    [{ database: 'w.duckdb', table: 'focus; drop' }, /is not a table name/],
    [{ files: ['a.parquet', 'b.csv'] }, /mixes Parquet and CSV/],
    [{ files: 'a.json' }, /neither .parquet nor .csv/],
  ])('refuses %j at start', (settings, message) => {
    expect(() => read(settings)).toThrow(message);
  });
});
