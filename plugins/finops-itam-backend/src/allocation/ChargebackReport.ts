import { AuthService } from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_COST_CENTER,
  ChargebackLine,
  ChargebackResponse,
} from '@finops-itam/plugin-finops-itam-common';
import { CostReportStore, EntityAmount } from '../database/CostReportStore';
import { Money, MoneyValue, mainCurrency } from '../money';
import { ALLOCATION_KINDS } from './AllocationService';
import type { SharedCostPoolMode } from './shared';
import { toCsv } from './csv';

/** The line of allocated cost whose owning groups carry no cost center. */
export const UNASSIGNED_COST_CENTER = 'UNASSIGNED';

export const CHARGEBACK_CSV_HEADER = [
  'cost_center',
  'groups',
  'currency',
  'direct',
  'shared',
  'licenses',
  'total',
  // Last, so readers of the earlier seven columns by position keep working.
  'showback_shared',
];

/**
 * A chargeback line with the shares of showback pools beside it. `shared` (and so `total`)
 * holds only chargeback pools' parts: what is billed to the cost center. Showback pools'
 * parts are shown to the same cost center for information but never charged.
 */
export interface ChargebackLineWithShowback extends ChargebackLine {
  showbackShared: string;
}

/** The chargeback response with showback shares per line. */
export interface ChargebackReportResponse extends ChargebackResponse {
  lines: ChargebackLineWithShowback[];
  otherCurrencyLines?: Array<ChargebackLineWithShowback & { currency: string }>;
}

/** A `spec` relation as a lowercase ref, or undefined when absent or unparsable. */
function relationRef(value: unknown, defaultKind: string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind,
        defaultNamespace: DEFAULT_NAMESPACE,
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/** Where an entity's cost is charged: its nearest group with a cost center, if any. */
interface Attribution {
  costCenter: string | null;
  /** The group carrying the cost center, or else the entity's own owner group. */
  group: string | null;
}

/**
 * Who pays for what: walks from each entity to its owner group (a group starts at
 * itself) and up the parent groups to the first one with `finops-itam.io/cost-center`.
 * Only the nearest counts, so a team nested in a department with its own cost center is
 * charged once, to the team's.
 */
export class CostCenterResolver {
  private readonly ownerOf = new Map<string, string>();
  private readonly parentOf = new Map<string, string>();
  private readonly costCenterOf = new Map<string, string>();
  private readonly cache = new Map<string, Attribution>();

  constructor(entities: Iterable<Entity>) {
    for (const entity of entities) {
      const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
      const spec = (entity.spec ?? {}) as Record<string, unknown>;
      if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
        const parent = relationRef(spec.parent, 'group');
        if (parent) this.parentOf.set(ref, parent);
        const costCenter =
          entity.metadata.annotations?.[ANNOTATION_COST_CENTER]?.trim();
        if (costCenter) this.costCenterOf.set(ref, costCenter);
      } else {
        const owner = relationRef(spec.owner, 'group');
        if (owner) this.ownerOf.set(ref, owner);
      }
    }
  }

  /** Every group with a cost center, cost center → sorted group refs. */
  costCenters(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [group, costCenter] of [...this.costCenterOf.entries()].sort()) {
      out.set(costCenter, [...(out.get(costCenter) ?? []), group]);
    }
    return out;
  }

  attribute(entityRef: string): Attribution {
    const cached = this.cache.get(entityRef);
    if (cached) {
      return cached;
    }
    const start = entityRef.startsWith('group:')
      ? entityRef
      : this.ownerOf.get(entityRef);
    let result: Attribution = { costCenter: null, group: start ?? null };
    const visited = new Set<string>();
    for (
      let group = start;
      group && !visited.has(group);
      group = this.parentOf.get(group)
    ) {
      visited.add(group);
      const costCenter = this.costCenterOf.get(group);
      if (costCenter) {
        result = { costCenter, group };
        break;
      }
    }
    this.cache.set(entityRef, result);
    return result;
  }
}

/** `YYYY-MM` → the half-open days `[first of month, first of next month)`. */
export function monthPeriod(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number);
  const next = new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 10);
  return { from: `${month}-01`, to: next };
}

type Part = 'direct' | 'shared' | 'licenses' | 'showbackShared';
type Sums = { groups: Set<string> } & Record<Part, MoneyValue>;
const PARTS: Part[] = ['direct', 'shared', 'licenses', 'showbackShared'];

const emptySums = (groups: Iterable<string>): Sums => ({
  groups: new Set(groups),
  direct: new Money(0),
  shared: new Money(0),
  licenses: new Money(0),
  showbackShared: new Money(0),
});

/** The chargeback lines of one currency: every cost center's sums, and `UNASSIGNED`. */
class CostCenterSheet {
  private readonly sums = new Map<string, Sums>();
  private readonly unassigned = emptySums([]);

  constructor(private readonly resolver: CostCenterResolver) {
    for (const [costCenter, groups] of resolver.costCenters()) {
      this.sums.set(costCenter, emptySums(groups));
    }
  }

  add(entityRef: string, part: Part, amount: string) {
    const { costCenter, group } = this.resolver.attribute(entityRef);
    const line =
      costCenter === null ? this.unassigned : this.sums.get(costCenter)!;
    if (costCenter === null && group) this.unassigned.groups.add(group);
    line[part] = line[part].plus(amount);
  }

  /** Sorted by cost center, `UNASSIGNED` last; `all: false` leaves out lines with no amount. */
  lines(options: { all: boolean }): ChargebackLineWithShowback[] {
    const entries: Array<[string, Sums]> = [
      ...[...this.sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
      [UNASSIGNED_COST_CENTER, this.unassigned],
    ];
    return entries
      .filter(
        ([, sums]) => options.all || PARTS.some(part => !sums[part].isZero()),
      )
      .map(([costCenter, sums]) => ({
        costCenter,
        groups: [...sums.groups].sort(),
        direct: sums.direct.toFixed(),
        shared: sums.shared.toFixed(),
        licenses: sums.licenses.toFixed(),
        total: sums.direct.plus(sums.shared).plus(sums.licenses).toFixed(),
        showbackShared: sums.showbackShared.toFixed(),
      }));
  }
}

/**
 * Chargeback per cost center for one month, amortized: each directly allocated fact, each
 * license cost share (shelfware to the owner group) and each part of a chargeback-mode pool
 * is charged to the nearest cost center of its entity,
 * or to `UNASSIGNED`, so `total` over the lines adds up to everything charged in the month.
 * Parts of showback-mode pools land on the same lines as `showbackShared`, outside `total`:
 * showback is shown to the teams, not billed. A pool whose mode is not known (not in
 * `poolModes`) is charged, as every pool was before modes were read.
 * Lines are per currency: `lines` in the currency with most cost, `otherCurrencyLines` in
 * each other one; amounts in two currencies are never added, as nothing here converts them.
 */
export class ChargebackReport {
  constructor(
    private readonly options: {
      store: Pick<
        CostReportStore,
        'allocatedCostByEntity' | 'sharedCostByTarget' | 'licenseCostByEntity'
      >;
      catalog: Pick<CatalogService, 'getEntities'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      /** Pool id → mode, from `finopsItam.sharedCostPools`. */
      poolModes?: ReadonlyMap<string, SharedCostPoolMode>;
    },
  ) {}

  async chargeback(month: string): Promise<ChargebackReportResponse> {
    const { store } = this.options;
    const days = monthPeriod(month);
    const [resolver, direct, shared, licenses] = await Promise.all([
      this.readCostCenters(),
      store.allocatedCostByEntity(days),
      store.sharedCostByTarget(days),
      // Entitlement cost shares of consumers, and the shelfware of owner groups.
      store.licenseCostByEntity(days),
    ]);
    const isShowback = (poolId: string | null) =>
      poolId !== null && this.options.poolModes?.get(poolId) === 'showback';
    const charged = shared.filter(row => !isShowback(row.poolId));
    const showback = shared.filter(row => isShowback(row.poolId));

    // The currency of the report is the one with most allocated cost, showback included.
    const byCurrency = new Map<string, MoneyValue>();
    for (const row of [...direct, ...shared, ...licenses]) {
      byCurrency.set(
        row.currency,
        (byCurrency.get(row.currency) ?? new Money(0)).plus(row.amount),
      );
    }
    const { currency, others } = mainCurrency(byCurrency);

    // Sums per currency and cost center: amounts in different currencies never meet.
    const sheets = new Map<string, CostCenterSheet>();
    const sheetOf = (rowCurrency: string) => {
      let sheet = sheets.get(rowCurrency);
      if (!sheet)
        sheets.set(rowCurrency, (sheet = new CostCenterSheet(resolver)));
      return sheet;
    };
    const add = (rows: EntityAmount[], part: Part) => {
      for (const row of rows)
        sheetOf(row.currency).add(row.entityRef, part, row.amount);
    };
    add(direct, 'direct');
    add(charged, 'shared');
    add(showback, 'showbackShared');
    add(licenses, 'licenses');

    // The main currency lists every cost center, zero or not, as it always has.
    const main = (
      currency === null ? new CostCenterSheet(resolver) : sheetOf(currency)
    ).lines({ all: true });
    const otherCurrencyLines = others.flatMap(other =>
      sheetOf(other.currency)
        .lines({ all: false })
        .map(line => ({ ...line, currency: other.currency })),
    );
    return {
      month,
      currency,
      lines: main,
      ...(others.length > 0 && { otherCurrencies: others, otherCurrencyLines }),
    };
  }

  private async readCostCenters(): Promise<CostCenterResolver> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntities(
      { filter: { kind: ALLOCATION_KINDS } },
      { credentials },
    );
    return new CostCenterResolver(items);
  }
}

/**
 * The chargeback as CSV, one row per cost center and currency, amounts as plain numbers:
 * each cost center's line in the main currency, then its lines in other currencies (largest
 * first), so a spreadsheet never has to add amounts of two currencies to read a cost center.
 */
export function chargebackCsv(report: ChargebackReportResponse): string {
  const others = new Map<
    string,
    Array<ChargebackLineWithShowback & { currency: string }>
  >();
  for (const line of report.otherCurrencyLines ?? []) {
    others.set(line.costCenter, [...(others.get(line.costCenter) ?? []), line]);
  }
  const rows = report.lines.flatMap(line => [
    { ...line, currency: report.currency ?? '' },
    ...(others.get(line.costCenter) ?? []),
  ]);
  return toCsv(
    CHARGEBACK_CSV_HEADER,
    rows.map(line => [
      { text: line.costCenter },
      { text: line.groups.join(' ') },
      { text: line.currency },
      { amount: line.direct },
      { amount: line.shared },
      { amount: line.licenses },
      { amount: line.total },
      { amount: line.showbackShared },
    ]),
  );
}
