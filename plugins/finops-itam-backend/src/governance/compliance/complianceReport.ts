import { SumMap } from '../../money';
import { GovernancePolicies } from '../policies/GovernancePolicies';
import { ProviderNames } from '../policies/ProviderNames';
import { GovernanceCostRow } from './GovernanceCostRow';
import { RowViolation, ViolationKind, rowViolations } from './rowViolations';

/** An exact amount in one currency; amounts in different currencies are never added. */
export interface CurrencyAmount {
  currency: string;
  amount: string;
}

/** One resource outside policy in one part of the report. */
export interface ResourceFinding {
  /** Canonical provider name (`Azure` for FOCUS `Microsoft`). */
  providerName: string;
  /** Null for charges without a resource id (support, tax); they are listed together. */
  resourceId: string | null;
  resourceName: string | null;
  /** The regions its rows ran in, sorted. */
  regionIds: string[];
  /** Who should act: the owner, or for unallocated cost the most often suggested owner. */
  suggestedOwnerRef: string | null;
  /** The cost of the rows outside policy, per currency. */
  cost: CurrencyAmount[];
  /** Why, sorted and each once, e.g. `missing tag cost-center`. */
  reasons: string[];
}

export interface FindingGroup {
  cost: CurrencyAmount[];
  resources: ResourceFinding[];
}

export type OwnerCompliance = { ownerRef: string | null } & Record<
  ViolationKind,
  FindingGroup
>;

export interface ComplianceReport {
  /** Owners with something outside policy, by ref; unallocated cost (ownerRef null) last. */
  owners: OwnerCompliance[];
}

const KINDS: ViolationKind[] = [
  'untagged',
  'disallowedLocation',
  'marketplaceOutsidePolicy',
  'blockedProduct',
];

interface ResourceTally {
  providerName: string;
  resourceId: string | null;
  resourceName: string | null;
  regionIds: Set<string>;
  suggestions: Map<string, number>;
  cost: SumMap;
  reasons: Set<string>;
}

const amounts = (sums: SumMap): CurrencyAmount[] =>
  sums
    .entries()
    .map(([currency, sum]) => ({ currency, amount: sum.toString() }))
    .sort((a, b) => a.currency.localeCompare(b.currency));

/** The suggestion most rows agree on; ties go to the first by name, so reruns agree. */
function mostSuggested(suggestions: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [ref, count] of suggestions) {
    if (
      count > bestCount ||
      (count === bestCount && best !== null && ref < best)
    ) {
      best = ref;
      bestCount = count;
    }
  }
  return best;
}

class OwnerTally {
  readonly #byKind = new Map<ViolationKind, Map<string, ResourceTally>>(
    KINDS.map(kind => [kind, new Map()]),
  );

  constructor(readonly ownerRef: string | null) {}

  add(
    row: GovernanceCostRow,
    providerName: string,
    violations: RowViolation[],
  ) {
    const currency = row.currency.trim().toUpperCase();
    const counted = new Set<ViolationKind>();
    for (const { kind, reason } of violations) {
      const tally = this.#resource(kind, row, providerName);
      tally.reasons.add(reason);
      // A row missing two tags is one row of untagged cost, not two.
      if (counted.has(kind)) continue;
      counted.add(kind);
      tally.cost.add(currency, row.effectiveCost);
      const region = row.regionId?.trim();
      if (region) tally.regionIds.add(region);
      const suggestion = row.suggestedOwnerRef?.trim().toLowerCase();
      if (suggestion) {
        tally.suggestions.set(
          suggestion,
          (tally.suggestions.get(suggestion) ?? 0) + 1,
        );
      }
    }
  }

  toCompliance(): OwnerCompliance {
    const owner = { ownerRef: this.ownerRef } as OwnerCompliance;
    for (const kind of KINDS) {
      const total = new SumMap();
      const resources = [...this.#byKind.get(kind)!.values()].map(tally => {
        for (const [currency, sum] of tally.cost.entries()) {
          total.add(currency, sum.toString());
        }
        return {
          providerName: tally.providerName,
          resourceId: tally.resourceId,
          resourceName: tally.resourceName,
          regionIds: [...tally.regionIds].sort(),
          suggestedOwnerRef: this.ownerRef ?? mostSuggested(tally.suggestions),
          cost: amounts(tally.cost),
          reasons: [...tally.reasons].sort(),
        };
      });
      resources.sort(
        (a, b) =>
          a.providerName.localeCompare(b.providerName) ||
          (a.resourceId ?? '').localeCompare(b.resourceId ?? ''),
      );
      owner[kind] = { cost: amounts(total), resources };
    }
    return owner;
  }

  #resource(
    kind: ViolationKind,
    row: GovernanceCostRow,
    providerName: string,
  ): ResourceTally {
    const resources = this.#byKind.get(kind)!;
    const resourceId = row.resourceId?.trim() || null;
    const key = `${providerName}\u0000${resourceId ?? ''}`;
    let tally = resources.get(key);
    if (!tally) {
      tally = {
        providerName,
        resourceId,
        resourceName: resourceId ? row.resourceName?.trim() || null : null,
        regionIds: new Set(),
        suggestions: new Map(),
        cost: new SumMap(),
        reasons: new Set(),
      };
      resources.set(key, tally);
    }
    return tally;
  }
}

/**
 * The compliance report per owner: for each owner, the untagged cost, the spend in
 * disallowed providers or regions, the marketplace purchases outside policy and the
 * blocked products in use, each with its resources and who should act. Amounts are exact
 * and kept per currency; cost the allocation could not place is reported under a null
 * owner, with the owner allocation suggests for each resource.
 */
export function buildComplianceReport(
  rows: Iterable<GovernanceCostRow>,
  policies: GovernancePolicies,
  names: ProviderNames,
): ComplianceReport {
  const owners = new Map<string, OwnerTally>();
  for (const row of rows) {
    const violations = rowViolations(row, policies, names);
    if (violations.length === 0) continue;
    const ownerRef = row.ownerRef?.trim().toLowerCase() || null;
    const key = ownerRef ?? '';
    let owner = owners.get(key);
    if (!owner) {
      owner = new OwnerTally(ownerRef);
      owners.set(key, owner);
    }
    owner.add(row, names.canonical(row.providerName), violations);
  }
  const sorted = [...owners.values()].sort((a, b) => {
    if (a.ownerRef === null) return 1;
    if (b.ownerRef === null) return -1;
    return a.ownerRef.localeCompare(b.ownerRef);
  });
  return { owners: sorted.map(owner => owner.toCompliance()) };
}
