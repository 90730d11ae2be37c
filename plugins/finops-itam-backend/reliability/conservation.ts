/**
 * Conservation after a fault, read straight from the database: for every day, currency and
 * cost basis, total = direct + shared + unallocated to the last stored decimal, and every
 * split shared pool's parts add up to the pool's cost. The same rule the allocation unit tests
 * check on random rule sets, here on what a crashed and restarted backend left behind.
 */
import { Knex } from 'knex';
import { Money } from '../src/money';

const BASES = [
  ['amortized', 'effective_cost'],
  ['billed', 'billed_cost'],
] as const;

export interface ConservationReport {
  /** Day/currency/basis cells compared. */
  cells: number;
  /** Exact sums over every cell, per basis and currency (`amortized USD` → sums). */
  sums: Record<
    string,
    { total: string; direct: string; shared: string; unallocated: string }
  >;
  /** Cells where the rule did not hold, described; empty when it held everywhere. */
  broken: string[];
}

export async function checkConservation(db: Knex): Promise<ConservationReport> {
  const broken: string[] = [];
  const sums: ConservationReport['sums'] = {};
  let cells = 0;
  for (const [basis, column] of BASES) {
    // Sums are PostgreSQL numeric (exact) and arrive as strings.
    const facts = await db('finops_itam_allocated_facts')
      .select('day', 'currency', 'shared_pool_id')
      .select(
        db.raw('(allocated_entity_ref IS NOT NULL) AS direct'),
        db.raw(`SUM(${column})::text AS amount`),
      )
      .groupBy(
        'day',
        'currency',
        'shared_pool_id',
        db.raw('(allocated_entity_ref IS NOT NULL)'),
      );
    const parts = await db('finops_itam_shared_allocations')
      .where({ basis })
      .select('pool_id', 'day', 'currency')
      .select(db.raw('SUM(amount)::text AS amount'))
      .groupBy('pool_id', 'day', 'currency');
    const partOf = new Map(
      parts.map((p: any) => [`${p.pool_id}/${p.day}/${p.currency}`, p.amount]),
    );
    const cell = new Map<
      string,
      { total: any; direct: any; shared: any; unallocated: any }
    >();
    const usedParts = new Set<string>();
    for (const row of facts as any[]) {
      const key = `${row.day}/${row.currency}`;
      const c = cell.get(key) ?? {
        total: new Money(0),
        direct: new Money(0),
        shared: new Money(0),
        unallocated: new Money(0),
      };
      c.total = c.total.plus(row.amount);
      if (row.direct) {
        c.direct = c.direct.plus(row.amount);
      } else if (row.shared_pool_id !== null) {
        const partKey = `${row.shared_pool_id}/${key}`;
        const split = partOf.get(partKey);
        if (split === undefined) {
          // A pool without targets that day stays unallocated.
          c.unallocated = c.unallocated.plus(row.amount);
        } else {
          usedParts.add(partKey);
          c.shared = c.shared.plus(split);
          if (!new Money(split).eq(row.amount)) {
            broken.push(
              `${basis} pool ${partKey}: parts ${split} ≠ pool cost ${row.amount}`,
            );
          }
        }
      } else {
        c.unallocated = c.unallocated.plus(row.amount);
      }
      cell.set(key, c);
    }
    for (const partKey of partOf.keys()) {
      if (!usedParts.has(partKey)) {
        broken.push(`${basis} shared parts ${partKey} without pool cost`);
      }
    }
    for (const [key, c] of cell) {
      cells++;
      const sum = c.direct.plus(c.shared).plus(c.unallocated);
      if (!sum.eq(c.total)) {
        broken.push(
          `${basis} ${key}: direct ${c.direct.toFixed()} + shared ${c.shared.toFixed()} + unallocated ${c.unallocated.toFixed()} ≠ total ${c.total.toFixed()}`,
        );
      }
      const currency = key.split('/')[1];
      const s = sums[`${basis} ${currency}`] ?? {
        total: '0',
        direct: '0',
        shared: '0',
        unallocated: '0',
      };
      for (const part of [
        'total',
        'direct',
        'shared',
        'unallocated',
      ] as const) {
        s[part] = new Money(s[part]).plus(c[part]).toFixed();
      }
      sums[`${basis} ${currency}`] = s;
    }
  }
  return { cells, sums, broken };
}

/** One line for the table: the amortized sums of the main currency. */
export function describeConservation(report: ConservationReport): string {
  const entries = Object.entries(report.sums).filter(([k]) =>
    k.startsWith('amortized '),
  );
  return entries
    .map(
      ([k, s]) =>
        `${k.replace('amortized ', '')} ${s.total} = ${s.direct} direct + ${
          s.shared
        } shared + ${s.unallocated} unallocated`,
    )
    .join('; ');
}

/**
 * Whether the Cost tab's figures of a leaf component (no children in its rollup) equal what
 * its allocated facts and shared parts add up to: catches a rollup that counted a change
 * twice or missed one, which conservation over the facts alone cannot see.
 */
export async function checkLeafEntityCost(
  db: Knex,
  answer: { currency: string | null; direct: string; shared: string },
  entityRef: string,
  period: { from: string; to: string },
): Promise<string[]> {
  const inPeriod = (q: Knex.QueryBuilder) =>
    q.where('day', '>=', period.from).where('day', '<', period.to);
  const [direct] = await inPeriod(
    db('finops_itam_allocated_facts')
      .where({ allocated_entity_ref: entityRef, currency: answer.currency })
      .select(db.raw('COALESCE(SUM(effective_cost), 0)::text AS amount')),
  );
  const [shared] = await inPeriod(
    db('finops_itam_shared_allocations')
      .where({
        target_ref: entityRef,
        currency: answer.currency,
        basis: 'amortized',
      })
      .select(db.raw('COALESCE(SUM(amount), 0)::text AS amount')),
  );
  const problems: string[] = [];
  if (!new Money(answer.direct).eq(direct.amount)) {
    problems.push(
      `${entityRef} direct ${answer.direct} ≠ its allocated facts ${direct.amount}`,
    );
  }
  if (!new Money(answer.shared).eq(shared.amount)) {
    problems.push(
      `${entityRef} shared ${answer.shared} ≠ its shared parts ${shared.amount}`,
    );
  }
  return problems;
}
