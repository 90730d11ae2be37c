import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import {
  FinopsItamCostDelivery,
  FinopsItamCostSource,
  FinopsItamCostSourceContents,
} from '@finops-itam/plugin-finops-itam-node';
import { Knex } from 'knex';
import { rowsToCsv } from './rowsToCsv';

export interface WarehouseCostSourceOptions {
  /** The source id in `GET /sources` and ingestion reports; lowercase kebab-case. */
  id: string;
  db: Knex;
  /** A table or view whose columns are named like FOCUS columns (`BilledCost`, ...). */
  table: string;
  /** A column that moves forward whenever rows are loaded: a load time or batch id. */
  versionColumn?: string;
  schedule?: SchedulerServiceTaskScheduleDefinition;
}

/** What the warehouse says about one billing period without sending its rows. */
interface PeriodSummary {
  period: unknown;
  rows: number | string;
  billed: number | string | null;
  version?: unknown;
}

/** `YYYY-MM` of a billing period start, whether the driver gives a Date or text. */
function monthOf(period: unknown): string {
  if (period instanceof Date) return period.toISOString().slice(0, 7);
  const text = String(period);
  return /^\d{4}-\d{2}/.test(text) ? text.slice(0, 7) : text;
}

const stamp = (value: unknown) =>
  value instanceof Date ? value.toISOString() : String(value ?? '');

/**
 * A cost source over a warehouse table of FOCUS rows: one delivery per billing period,
 * fingerprinted by a cheap aggregate query, so the plugin reads a period's rows only when
 * the period changed; then they are streamed out of the database as CSV.
 */
export class WarehouseCostSource implements FinopsItamCostSource {
  readonly id: string;
  readonly description: string;
  readonly schedule?: SchedulerServiceTaskScheduleDefinition;

  constructor(private readonly options: WarehouseCostSourceOptions) {
    this.id = options.id;
    this.description = `FOCUS rows of warehouse table ${options.table}`;
    this.schedule = options.schedule;
  }

  async read(): Promise<FinopsItamCostSourceContents> {
    const { db, table, versionColumn } = this.options;
    const query = db(table)
      .select({ period: 'BillingPeriodStart' })
      .count({ rows: '*' })
      .sum({ billed: 'BilledCost' })
      .groupBy('BillingPeriodStart')
      .orderBy('BillingPeriodStart');
    if (versionColumn) query.max({ version: versionColumn });
    const summaries = (await query) as PeriodSummary[];
    return { deliveries: summaries.map(summary => this.delivery(summary)) };
  }

  private delivery(summary: PeriodSummary): FinopsItamCostDelivery {
    const { db, table } = this.options;
    // Without a version column an edit that keeps count and billed cost goes unseen;
    // the README says so.
    const fingerprint = [
      `rows=${summary.rows}`,
      `billed=${summary.billed ?? ''}`,
      `version=${stamp(summary.version)}`,
    ].join(';');
    return {
      id: monthOf(summary.period),
      files: [{ name: 'focus.csv', fingerprint }],
      read: async () => [
        {
          name: 'focus.csv',
          content: rowsToCsv(
            db(table)
              .where('BillingPeriodStart', summary.period as Knex.Value)
              .stream(),
          ),
        },
      ],
    };
  }
}
