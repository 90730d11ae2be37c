import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import {
  FinopsItamCostDelivery,
  FinopsItamCostSource,
  FinopsItamCostSourceContents,
  FinopsItamCostSourceReadContext,
} from '@finops-itam/plugin-finops-itam-node';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  dailyFactsSql,
  floatAmountColumns,
  MappedColumns,
  periodSummarySql,
} from './dailyFactsSql';
import { mapFocusColumns, missingColumns } from './focusColumns';
import { quoteLiteral } from './sql';
import {
  openWarehouse,
  OpenWarehouse,
  WarehouseLimits,
  WarehouseLocation,
} from './warehouse';

/**
 * What a {@link DuckDbWarehouseCostSource} reads and how.
 *
 * @public
 */
export interface DuckDbWarehouseCostSourceOptions {
  /** The source id in `GET /sources` and ingestion reports; lowercase kebab-case. */
  id: string;
  /** Where the FOCUS charges are. */
  location: WarehouseLocation;
  /** DuckDB's memory and thread limits while it reads. */
  limits?: WarehouseLimits;
  schedule?: SchedulerServiceTaskScheduleDefinition;
  /** Where each run writes its daily files; the OS temporary folder by default. */
  tempDirectory?: string;
}

/** The name of the one file of each delivery. */
export const DAILY_FILE = 'focus-daily.parquet';

const DEFAULT_LIMITS: WarehouseLimits = { memoryLimit: '512MB', threads: 2 };

interface PeriodSummary {
  period: string | null;
  row_count: string;
  billed_cost: string | null;
  effective_cost: string | null;
  content_hash: string | null;
}

function describeLocation(location: WarehouseLocation): string {
  return location.kind === 'database'
    ? `daily FOCUS facts from ${location.table} in DuckDB database ${location.path}`
    : `daily FOCUS facts from ${location.format} files ${location.paths.join(
        ', ',
      )} (DuckDB)`;
}

/**
 * A cost source over a warehouse of FOCUS charges, with DuckDB as the warehouse: one
 * delivery per billing month, fingerprinted by one summary query, and for a month that
 * changed the daily facts (the warehouse's GROUP BY, not the raw charges) written to a
 * Parquet file with DECIMAL(38,16) amounts that the plugin ingests. A warehouse such as
 * BigQuery or Athena would run the same two queries and hand over its export.
 *
 * @public
 */
export class DuckDbWarehouseCostSource implements FinopsItamCostSource {
  /** The source id in `GET /sources` and ingestion reports. */
  readonly id: string;
  /** Where the facts come from, for `GET /sources`. */
  readonly description: string;
  /** When to read; the plugin's default for sources when left out. */
  readonly schedule?: SchedulerServiceTaskScheduleDefinition;

  constructor(private readonly options: DuckDbWarehouseCostSourceOptions) {
    this.id = options.id;
    this.description = describeLocation(options.location);
    this.schedule = options.schedule;
  }

  /** One delivery per billing month; only changed months' daily facts are written. */
  async read(
    context: FinopsItamCostSourceReadContext,
  ): Promise<FinopsItamCostSourceContents> {
    const workDir = await mkdtemp(
      path.join(this.options.tempDirectory ?? os.tmpdir(), 'finops-warehouse-'),
    );
    let warehouse: OpenWarehouse | undefined;
    const release = async () => {
      warehouse?.close();
      warehouse = undefined;
      await rm(workDir, { recursive: true, force: true });
    };
    try {
      warehouse = await openWarehouse(
        this.options.location,
        this.options.limits ?? DEFAULT_LIMITS,
        workDir,
      );
      const mapped = await this.checkedColumns(warehouse);
      const summaries = (
        await warehouse.connection.runAndReadAll(
          periodSummarySql(warehouse.relation, mapped),
        )
      ).getRowObjectsJson() as unknown as PeriodSummary[];
      const open = warehouse;
      const deliveries = summaries
        .filter(s => s.period !== null)
        .map(s => this.delivery(s, open, mapped, workDir));
      const unplaced = summaries.find(s => s.period === null);
      context.logger.debug(
        `${this.id}: ${deliveries.length} billing month(s) in ${warehouse.relation}`,
      );
      return {
        deliveries,
        problems: unplaced
          ? [
              {
                id: 'no-billing-period',
                message: `${unplaced.row_count} row(s) have no readable BillingPeriodStart and belong to no delivery`,
              },
            ]
          : [],
        release,
      };
    } catch (error) {
      await release();
      throw error;
    }
  }

  /** The FOCUS columns of the relation; a missing column or a float amount fails the run. */
  private async checkedColumns(
    warehouse: OpenWarehouse,
  ): Promise<MappedColumns> {
    const described = (
      await warehouse.connection.runAndReadAll(
        `DESCRIBE SELECT * FROM ${warehouse.relation}`,
      )
    ).getRowObjectsJson();
    const mapped = mapFocusColumns(
      described.map(row => ({
        name: String(row.column_name),
        type: String(row.column_type),
      })),
    );
    const missing = missingColumns(mapped);
    if (missing.length > 0) {
      throw new Error(
        `${this.description} lacks FOCUS column(s): ${missing.join(', ')}`,
      );
    }
    const floats = floatAmountColumns(mapped);
    if (floats.length > 0) {
      throw new Error(
        `${this.description} holds amounts as binary floats, which cannot sum to the ` +
          `invoice exactly: ${floats.join(
            ', ',
          )}; store them as DECIMAL or text`,
      );
    }
    return mapped;
  }

  private delivery(
    summary: PeriodSummary,
    warehouse: OpenWarehouse,
    mapped: MappedColumns,
    workDir: string,
  ): FinopsItamCostDelivery {
    const month = summary.period!;
    const fingerprint = [
      `rows=${summary.row_count}`,
      `billed=${summary.billed_cost ?? ''}`,
      `effective=${summary.effective_cost ?? ''}`,
      `hash=${summary.content_hash ?? ''}`,
    ].join(';');
    return {
      id: month,
      files: [{ name: DAILY_FILE, fingerprint }],
      read: async () => {
        const file = path.join(workDir, `${month}.parquet`);
        await warehouse.connection.run(
          `COPY (${dailyFactsSql(
            warehouse.relation,
            mapped,
            month,
          )}) TO ${quoteLiteral(file)} (FORMAT PARQUET)`,
        );
        return [{ name: DAILY_FILE, path: file }];
      },
    };
  }
}
