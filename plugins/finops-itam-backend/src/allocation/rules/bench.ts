/*
 * Micro-benchmark of the allocation rule engine, no database involved.
 *
 *   cd plugins/finops-itam-backend
 *   node --require @backstage/cli/config/nodeTransform.cjs src/allocation/rules/bench.ts [--facts N]
 *
 * Builds 5,000 catalog entities using every kind of rule and N (default 1,000,000)
 * resource-day facts in two shapes: 40,000 resources seen on 25 days, as a month of FOCUS
 * data gives, and N distinct resources on one day, where no fact repeats a resource.
 * Prints compile time and the time to assign every fact; for the first shape also with the
 * caches switched off. Facts are generated before each clock starts.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_COST_ACCOUNTS,
  ANNOTATION_COST_RESOURCES,
  ANNOTATION_COST_TAGS,
} from '@finops-itam/plugin-finops-itam-common';
import { performance } from 'node:perf_hooks';
import { compileAllocationRules } from './compileAllocationRules';
import type { AllocationFact, AllocationFallbackRule } from './types';

const factsArg = process.argv.indexOf('--facts');
const FACTS = factsArg > 0 ? Number(process.argv[factsArg + 1]) : 1_000_000;
const DAYS = 25;
const COMPONENTS = 3_000;
const RESOURCE_ENTITIES = 1_000;
const SYSTEMS = 500;
const GROUPS = 500;

/** Names are words, as in real naming standards: `svc-bcd`, not `svc-0123`. */
function word(n: number): string {
  let text = '';
  for (let rest = n, i = 0; i < 3; i++, rest = Math.floor(rest / 26)) {
    text = String.fromCharCode(97 + (rest % 26)) + text;
  }
  return text;
}

function makeEntity(
  kind: string,
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
  };
}

function buildEntities(): Entity[] {
  const entities: Entity[] = [];
  for (let i = 0; i < COMPONENTS; i++) {
    entities.push(
      makeEntity('Component', `svc-${word(i)}`, {
        [ANNOTATION_COST_TAGS]:
          i % 3 === 0
            ? `application=svc-${word(i)}`
            : `application=svc-${word(i)}|svc-${word(
                i,
              )}-v2,environment=prod|staging`,
      }),
    );
  }
  // Every pattern shape: prefix, exact ARN, suffix and infix.
  for (let i = 0; i < RESOURCE_ENTITIES; i++) {
    const patterns = [
      `db-${word(i)}-*`,
      `arn:aws:rds:eu-west-1:123456789012:db:store-${word(i)}`,
      i % 2 === 0 ? `*-cache-${word(i)}` : `*queue-${word(i)}*`,
    ];
    entities.push(
      makeEntity('Resource', `store-${word(i)}`, {
        [ANNOTATION_COST_RESOURCES]: patterns.join(','),
      }),
    );
  }
  for (let i = 0; i < SYSTEMS; i++) {
    entities.push(
      makeEntity('System', `system-${word(i)}`, {
        [ANNOTATION_COST_ACCOUNTS]: `${100000000000 + i}`,
      }),
    );
  }
  for (let i = 0; i < GROUPS; i++) {
    entities.push(makeEntity('Group', `team-${word(i)}`, {}));
  }
  return entities;
}

/** One resource's fields; every day of the period repeats them. */
function buildResource(r: number): AllocationFact {
  const account = `${100000000000 + (r % (SYSTEMS * 2))}`; // half the accounts are owned
  const team = `team-${word(r % (GROUPS + 100))}`; // some teams have no group
  const base = {
    resourceId: `i-${r.toString(16).padStart(12, '0')}`,
    resourceName: `host-${r}`,
    subAccountId: account,
    billingAccountId: '999999999999',
  };
  const e = r % RESOURCE_ENTITIES;
  switch (r % 10) {
    case 0:
      return { ...base, resourceName: `db-${word(e)}-${r}`, tags: null };
    case 1:
      return {
        ...base,
        resourceId: `arn:aws:rds:eu-west-1:123456789012:db:store-${word(e)}`,
        tags: null,
      };
    case 2:
      return {
        ...base,
        resourceName:
          r % 20 === 2 ? `eu-cache-${word(e)}` : `eu-queue-${word(e)}-x`,
        tags: null,
      };
    case 3:
    case 4:
    case 5:
    case 6: {
      const c = r % COMPONENTS;
      return {
        ...base,
        tags: JSON.stringify({
          application: `svc-${word(c)}`,
          environment: r % 2 ? 'prod' : 'staging',
          owner: team,
        }),
      };
    }
    case 7:
    case 8:
      return { ...base, tags: JSON.stringify({ Team: team, costcenter: 'x' }) };
    default:
      return { ...base, subAccountId: '555555555555', tags: null };
  }
}

function time(label: string, run: () => void): number {
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  process.stdout.write(
    `  ${label.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms\n`,
  );
  return ms;
}

/** Facts in day-major order, as read from the store; copies, as a driver returns them. */
function buildFacts(days: number): AllocationFact[] {
  const resources = Array.from({ length: Math.ceil(FACTS / days) }, (_, r) =>
    buildResource(r),
  );
  const facts: AllocationFact[] = [];
  for (let day = 0; day < days && facts.length < FACTS; day++) {
    for (const resource of resources) {
      if (facts.length === FACTS) break;
      facts.push({ ...resource });
    }
  }
  return facts;
}

function main() {
  const entities = buildEntities();
  const fallbackRules: AllocationFallbackRule[] = [
    { tag: 'team', entityKind: 'group' },
  ];
  process.stdout.write(
    `${entities.length} entities, ${FACTS} facts, node ${process.version}\n`,
  );
  time('compile rules', () => compileAllocationRules(entities, fallbackRules));

  for (const days of [DAYS, 1]) {
    const facts = buildFacts(days);
    process.stdout.write(
      `${days} day(s) of ${Math.ceil(FACTS / days)} distinct resources:\n`,
    );
    const counts: Record<string, number> = {};
    const rules = compileAllocationRules(entities, fallbackRules);
    time(`assign ${facts.length} facts`, () => {
      for (const f of facts) {
        const rule = rules.assign(f)?.rule ?? 'unallocated';
        counts[rule] = (counts[rule] ?? 0) + 1;
      }
    });
    time(`again, same compiled rules (warm caches)`, () => {
      for (const f of facts) rules.assign(f);
    });
    if (days === DAYS) {
      const uncached = compileAllocationRules(entities, fallbackRules, {
        cacheSize: 0,
      });
      time(`caches off, every fact evaluated`, () => {
        for (const f of facts) uncached.assign(f);
      });
    }
    process.stdout.write(`  by rule: ${JSON.stringify(counts)}\n`);
  }
}

main();
