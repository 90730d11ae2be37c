import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calendar, dayOf, formatDay, Month } from './dates';
import { RowSubject } from './model';
import { Decimal, ZERO } from './money';

/**
 * Demo budgets written next to the exports, for the budget source `demo-budgets` in
 * app-config.yaml. They are generated rather than written into app-config because the demo
 * data moves with the day `npm start` runs: a budget needs a start aligned to its period and
 * an amount that puts it where the demo wants it in that period. Both come from the
 * generated data: the calendar quarter that holds the day after `through` (`npm start`
 * generates through yesterday, so the quarter the portal shows that day), and amounts from
 * each entity's generated cloud cost, allocated as the backend allocates it (its services'
 * annotations, the shared-cost pools of app-config.yaml).
 *
 * Scope `cloud` (direct and shared cost): that is what the exports hold. The license part of
 * an all-in budget comes from the entitlement files and the backend's license engine, which
 * the generator cannot see, so an all-in amount picked here would be a guess.
 */

/** How a demo budget's amount is set against the entity's generated cost. */
type BudgetTarget =
  /**
   * The forecast goes over the budget while the actual has not reached it yet:
   * actual + 60 % of the expected rest of the quarter. The backend's forecast of the rest
   * is above that unless it predicts 40 % less than the last two weeks' daily cost, and the
   * actual is below it until the last days of the quarter.
   */
  | 'at-risk'
  /**
   * The forecast lands at 90 % of the budget, midway between the underspend (80 %) and
   * overspend (100 %) thresholds: (actual + expected rest) / 0.9.
   */
  | 'on-track';

/**
 * The catalog's services and how their cost is found: the annotations of
 * examples/components.yaml (the README's table lists them). Resource patterns win over tags,
 * as in the backend's allocation.
 */
interface DemoComponent {
  name: string;
  owner: 'team-checkout' | 'team-catalog';
  /** Storefront services share the storefront's support plan (pool `aws-support`). */
  storefront: boolean;
  resources?: RegExp;
  tags?: (tags: Tags) => boolean;
}

type Tags = Readonly<Record<string, string>> | undefined;

const application =
  (...names: string[]) =>
  (tags: Tags) =>
    names.includes(tags?.application ?? '');

const DEMO_COMPONENTS: readonly DemoComponent[] = [
  {
    name: 'checkout-api',
    owner: 'team-checkout',
    storefront: true,
    tags: tags =>
      application('checkout', 'checkout-v2')(tags) &&
      tags?.environment === 'prod',
  },
  {
    name: 'cart-service',
    owner: 'team-checkout',
    storefront: true,
    tags: application('cart'),
  },
  {
    name: 'storefront-web',
    owner: 'team-checkout',
    storefront: true,
    resources:
      /^(storefront-web-.*|arn:aws:cloudfront::[^:]*:distribution\/storefront.*)$/,
  },
  {
    name: 'payments-gateway',
    owner: 'team-checkout',
    storefront: true,
    tags: application('payments'),
  },
  {
    name: 'legacy-order-export',
    owner: 'team-checkout',
    storefront: true,
    tags: application('order-export'),
  },
  {
    name: 'orders-db',
    owner: 'team-checkout',
    storefront: true,
    resources: /^orders-db-.*$/,
  },
  {
    name: 'catalog-service',
    owner: 'team-catalog',
    storefront: false,
    tags: application('catalog'),
  },
  {
    name: 'search-service',
    owner: 'team-catalog',
    storefront: false,
    tags: application('search'),
  },
  {
    name: 'recommendations-ml',
    owner: 'team-catalog',
    storefront: false,
    tags: application('recommendations'),
  },
  {
    name: 'image-resizer',
    owner: 'team-catalog',
    storefront: false,
    resources: /^image-resizer-.*$/,
  },
];

/** The service a generated row's cost is allocated to, if it is one with a demo budget. */
function componentOf(subject: RowSubject): DemoComponent | undefined {
  const names = [subject.resourceName, subject.resourceId].filter(
    (n): n is string => n !== undefined,
  );
  return (
    DEMO_COMPONENTS.find(
      c => c.resources && names.some(n => c.resources!.test(n)),
    ) ?? DEMO_COMPONENTS.find(c => c.tags?.(subject.tags))
  );
}

interface DemoBudgetSpec {
  /** Id before the quarter, e.g. `team-checkout-cloud` → `team-checkout-cloud-2026q4`. */
  id: string;
  entityRef: string;
  target: BudgetTarget;
  /** Whether a service's cost is this budget's entity's: its direct cost. */
  owns(component: DemoComponent): boolean;
  /** Its weight in the shared Kubernetes cluster (app-config.yaml, pool `platform-kubernetes`). */
  clusterShare: Decimal;
  /**
   * Its part of the AWS Business support plan, which the `aws-support` pool shows to the
   * storefront system's services in proportion to their direct cost: `all` for the team
   * that owns every storefront service, `by-direct-cost` for one of them, else `none`.
   */
  support: 'all' | 'by-direct-cost' | 'none';
}

/** The cluster's rows, as the `platform-kubernetes` pool claims them first. */
const isCluster = (tags: Tags) => tags?.application === 'platform';

export const DEMO_BUDGETS: readonly DemoBudgetSpec[] = [
  {
    // Checkout's cloud budget is at risk: its forecast goes over the budget this quarter.
    id: 'team-checkout-cloud',
    entityRef: 'group:default/team-checkout',
    target: 'at-risk',
    owns: c => c.owner === 'team-checkout',
    // checkout-api 35 % and cart-service 15 % of the cluster.
    clusterShare: new Decimal('0.50'),
    support: 'all',
  },
  {
    // A child budget of checkout's: what it leaves of the team's is shown as unbudgeted.
    id: 'checkout-api-cloud',
    entityRef: 'component:default/checkout-api',
    target: 'on-track',
    owns: c => c.name === 'checkout-api',
    clusterShare: new Decimal('0.35'),
    support: 'by-direct-cost',
  },
  {
    id: 'team-catalog-cloud',
    entityRef: 'group:default/team-catalog',
    target: 'on-track',
    owns: c => c.owner === 'team-catalog',
    // catalog-service 30 % and search-service 20 % of the cluster.
    clusterShare: new Decimal('0.50'),
    support: 'none',
  },
];

/** The support plan the `aws-support` pool shows to the storefront's services. */
const STOREFRONT_SUPPORT = 'AWS Support (Business)';

/**
 * Days of recent cost the expected rest of the quarter is drawn from: two whole weeks. Their
 * median day, not their mean: the retry storm (and Black Friday) fall in them, and a
 * forecast that weighs recent days does not carry a one-day spike for the rest of a quarter.
 */
const RUN_RATE_DAYS = 14;
/** Budgets are in the currency of the cost they are compared with. */
const CURRENCY = 'USD';

/** One budget record, as the backend's budget files take it. @public */
export interface DemoBudget {
  id: string;
  entityRef: string;
  period: 'quarter';
  start: string;
  amount: string;
  currency: string;
  scope: 'cloud';
}

/** The written budget file. @public */
export interface GeneratedBudgetFile {
  path: string;
  budgets: DemoBudget[];
}

/** The calendar quarter holding `day`: its first day and the first day after it. */
export function quarterOf(day: number): {
  start: number;
  end: number;
  label: string;
} {
  const { year, month } = calendar(day);
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  const start = dayOf(year, first);
  const end = first === 10 ? dayOf(year + 1, 1) : dayOf(year, first + 3);
  return { start, end, label: `${year}q${(first + 2) / 3}` };
}

/** Amounts per day number. */
class DailyAmounts {
  readonly #days = new Map<number, Decimal>();

  add(day: number, amount: Decimal): void {
    this.#days.set(day, (this.#days.get(day) ?? ZERO).plus(amount));
  }

  get(day: number): Decimal {
    return this.#days.get(day) ?? ZERO;
  }
}

/**
 * Collects the generated daily cost the demo budgets are set from while the exports are
 * written, then sets the amounts: each entity's own rows, the shared cluster's rows and the
 * storefront's support plan, split the way app-config.yaml's shared-cost pools split them.
 */
export class DemoBudgetLedger {
  readonly #through: number;
  readonly #quarter: ReturnType<typeof quarterOf>;
  readonly #direct = new Map<string, DailyAmounts>(
    DEMO_BUDGETS.map(spec => [spec.id, new DailyAmounts()]),
  );
  readonly #storefrontDirect = new DailyAmounts();
  readonly #cluster = new DailyAmounts();
  readonly #support = new DailyAmounts();

  constructor(through: number) {
    this.#through = through;
    this.#quarter = quarterOf(through + 1);
  }

  /** Days whose cost counts: the quarter's so far, and the run rate's (maybe earlier). */
  #counts(day: number): boolean {
    const first = Math.min(
      this.#quarter.start,
      this.#through - RUN_RATE_DAYS + 1,
    );
    return day >= first && day <= this.#through;
  }

  /** A row charged for one day (usage, credits). */
  addDaily(day: number, subject: RowSubject, effectiveCost: Decimal): void {
    if (!this.#counts(day) || effectiveCost.isZero()) return;
    if (isCluster(subject.tags)) {
      this.#checkCurrency(subject);
      this.#cluster.add(day, effectiveCost);
      return;
    }
    const component = componentOf(subject);
    if (!component) return;
    this.#checkCurrency(subject);
    for (const spec of DEMO_BUDGETS) {
      if (spec.owns(component))
        this.#direct.get(spec.id)!.add(day, effectiveCost);
    }
    if (component.storefront) this.#storefrontDirect.add(day, effectiveCost);
  }

  /**
   * A row charged for a whole month (support, tax, purchases): ingestion spreads it evenly
   * over the month's days. Only the storefront's support plan is a demo budget's cost.
   */
  addMonthly(month: Month, subject: RowSubject, effectiveCost: Decimal): void {
    if (subject.serviceName !== STOREFRONT_SUPPORT) return;
    this.#checkCurrency(subject);
    const perDay = effectiveCost.dividedBy(month.days);
    for (let day = month.start; day < month.end; day++) {
      if (this.#counts(day)) this.#support.add(day, perDay);
    }
  }

  #checkCurrency(subject: RowSubject): void {
    if (subject.account.currency === CURRENCY) return;
    // A budget compared with cost in two currencies has no status: keep the demo clean.
    throw new Error(
      `A demo budget would see ${subject.account.currency} cost (${
        subject.resourceName ?? subject.serviceName
      }); its cost must be billed in ${CURRENCY} only`,
    );
  }

  /** The entity's cloud cost of a day, as the backend allocates it (to a few per cent). */
  #cost(spec: DemoBudgetSpec, day: number): Decimal {
    const direct = this.#direct.get(spec.id)!.get(day);
    let cost = direct.plus(this.#cluster.get(day).times(spec.clusterShare));
    const support = this.#support.get(day);
    if (spec.support === 'all') cost = cost.plus(support);
    if (spec.support === 'by-direct-cost') {
      const storefront = this.#storefrontDirect.get(day);
      if (!storefront.isZero()) {
        cost = cost.plus(support.times(direct).dividedBy(storefront));
      }
    }
    return cost;
  }

  budgets(): DemoBudget[] {
    const { start, end, label } = this.#quarter;
    const through = this.#through;
    return DEMO_BUDGETS.map(spec => {
      const sum = (from: number, to: number) => {
        let total = ZERO;
        for (let day = from; day <= to; day++) {
          total = total.plus(this.#cost(spec, day));
        }
        return total;
      };
      const actual = sum(start, through);
      const recent = Array.from({ length: RUN_RATE_DAYS }, (_, i) =>
        this.#cost(spec, through - i),
      ).sort((a, b) => a.comparedTo(b));
      // The mean of the middle two of an even count.
      const middle = RUN_RATE_DAYS / 2;
      const runRate = recent[middle - 1].plus(recent[middle]).dividedBy(2);
      const rest = runRate.times(end - (through + 1));
      if (actual.plus(rest).isZero()) {
        throw new Error(`Demo budget ${spec.id} found no generated cost`);
      }
      const amount =
        spec.target === 'at-risk'
          ? actual.plus(rest.times('0.6'))
          : actual.plus(rest).dividedBy('0.9');
      return {
        id: `${spec.id}-${label}`,
        entityRef: spec.entityRef,
        period: 'quarter' as const,
        start: formatDay(start),
        // Whole currency units, as people write budgets.
        amount: amount.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(2),
        currency: CURRENCY,
        scope: 'cloud' as const,
      };
    });
  }

  /** Writes `<outDir>/budgets/demo-budgets.json` as `{ budgets: [...] }`. */
  async write(outDir: string): Promise<GeneratedBudgetFile> {
    const dir = join(outDir, 'budgets');
    await mkdir(dir, { recursive: true });
    const path = join(dir, 'demo-budgets.json');
    const budgets = this.budgets();
    await writeFile(path, `${JSON.stringify({ budgets }, null, 2)}\n`, 'utf8');
    return { path, budgets };
  }
}
