/*
 * `GET /kpis` over the query benchmark's facts: a year's KPIs, sequential requests (one user
 * at a time, no answer cache: `GET /kpis` has none), from the KPI rollup, plus how long a
 * rebuild of the rollup and one answer from the facts themselves (the rollup behind) take.
 */
import express from 'express';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { bumpCostDataVersion } from '../../src/database/costDataVersion';
import { DatabaseKpiStore } from '../../src/kpis/DatabaseKpiStore';
import { KpiService } from '../../src/kpis/KpiService';
import { owningGroups } from '../../src/kpis/owningGroups';
import { createKpiRoutes } from '../../src/routes/kpis';
import { addDays } from './dataset';
import { InMemoryCatalog, allowAll, benchAuth } from './harness';

/** Reserved instances, each with a Used and an Unused row every day. */
const COMMITMENTS = 50;
const INSERT_CHUNK = 400;

export interface KpiWindow {
  query: string;
  requests: number;
  p50: number;
  p95: number;
  max: number;
  /** Size of the JSON answer. */
  bodyBytes: number;
}

export interface KpiOutcome {
  commitmentFacts: number;
  /** One 365-day answer summed from the facts (the rollup behind the cost data). */
  fromFactsMs: number;
  rebuildMs: number;
  rollupRows: number;
  windows: KpiWindow[];
}

/**
 * Commitment facts the generated dataset lacks: per reservation and day, 20 covered hours on
 * a component's resource and 4 unused, so the rollup has commitment rows as a real bill does.
 */
async function insertCommitmentFacts(
  knex: Knex,
  firstDay: string,
  days: number,
): Promise<number> {
  let count = 0;
  for (let d = 0; d < days; d++) {
    const day = addDays(firstDay, d);
    const rows: Record<string, unknown>[] = [];
    for (let c = 0; c < COMMITMENTS; c++) {
      const common = {
        source_id: 'bench',
        ingestion_id: 'ingestion-1',
        file_key: 'bench-commitments.csv',
        billing_period_start: `${day.slice(0, 7)}-01`,
        day,
        billing_account_id: 'billing-1',
        sub_account_id: `acct-${(c % 8) + 1}`,
        provider_name: 'AWS',
        service_name: 'Amazon EC2',
        service_category: 'Compute',
        charge_category: 'Usage',
        pricing_category: 'Committed',
        commitment_discount_id: `arn:aws:ec2:reserved-instances/ri-${c}`,
        commitment_discount_category: 'Usage',
        commitment_discount_type: 'Reserved Instance',
        commitment_discount_unit: 'Hours',
        currency: 'USD',
        billed_cost: '0',
        consumed_quantity: '0',
        row_count: 1,
      };
      rows.push(
        {
          ...common,
          resource_id: `arn:aws:bench:comp-${c}-ri`,
          commitment_discount_status: 'Used',
          commitment_discount_quantity: '20',
          effective_cost: '1.2345678901',
          list_cost: '2.0000000001',
          contracted_cost: '2.0000000001',
        },
        {
          ...common,
          resource_id: null,
          commitment_discount_status: 'Unused',
          commitment_discount_quantity: '4',
          effective_cost: '0.2469135780',
          list_cost: '0',
          contracted_cost: '0',
        },
      );
    }
    await knex.transaction(async trx => {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await trx('finops_itam_cost_facts').insert(
          rows.slice(i, i + INSERT_CHUNK),
        );
      }
      await bumpCostDataVersion(trx);
    });
    count += rows.length;
  }
  return count;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

async function serve(
  kpis: KpiService,
): Promise<{ server: Server; port: number }> {
  const app = express();
  app.use(createKpiRoutes({ kpis, requirePermission: allowAll }));
  const server = await new Promise<Server>(resolve => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, port: (server.address() as AddressInfo).port };
}

/** Sequential requests of one query: latency as a user waiting for the page sees it. */
async function window(
  port: number,
  query: string,
  requests: number,
  warmup: number,
): Promise<KpiWindow> {
  const url = `http://127.0.0.1:${port}/kpis${query}`;
  const times: number[] = [];
  let bodyBytes = 0;
  for (let i = 0; i < warmup + requests; i++) {
    const start = performance.now();
    const response = await fetch(url);
    const body = await response.text();
    const elapsed = performance.now() - start;
    if (response.status !== 200) {
      throw new Error(`GET /kpis${query} answered ${response.status}: ${body}`);
    }
    bodyBytes = body.length;
    if (i >= warmup) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return {
    query,
    requests,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    max: times[times.length - 1],
    bodyBytes,
  };
}

export async function benchKpis(options: {
  knex: Knex;
  catalog: InMemoryCatalog;
  firstDay: string;
  days: number;
  requests: number;
  log: (message: string) => void;
}): Promise<KpiOutcome> {
  const { knex, catalog, firstDay, days, requests, log } = options;
  const commitmentFacts = await insertCommitmentFacts(knex, firstDay, days);
  const kpis = new KpiService({
    store: new DatabaseKpiStore(knex),
    owningGroups: owningGroups(catalog, benchAuth),
    eligibleServiceCategories: ['Compute', 'Databases'],
  });
  const to = addDays(firstDay, days);
  const from = addDays(to, -365);
  const period = { from, to };

  let start = performance.now();
  await kpis.kpis(period);
  const fromFactsMs = performance.now() - start;
  log(`[kpis] 365 days from the facts in ${Math.round(fromFactsMs)} ms`);

  start = performance.now();
  const build = await kpis.refreshRollup();
  const rebuildMs = performance.now() - start;
  log(`[kpis] rollup: ${build?.rows} rows in ${Math.round(rebuildMs)} ms`);

  const { server, port } = await serve(kpis);
  try {
    const windows: KpiWindow[] = [];
    for (const groupBy of [
      '',
      '&groupBy=provider',
      '&groupBy=billingAccount',
      '&groupBy=team',
    ]) {
      const query = `?from=${from}&to=${to}${groupBy}`;
      windows.push(await window(port, query, requests, 5));
      log(`[kpis] ${JSON.stringify(windows[windows.length - 1])}`);
    }
    return {
      commitmentFacts,
      fromFactsMs,
      rebuildMs,
      rollupRows: build?.rows ?? 0,
      windows,
    };
  } finally {
    await new Promise(resolve => server.close(resolve));
  }
}
