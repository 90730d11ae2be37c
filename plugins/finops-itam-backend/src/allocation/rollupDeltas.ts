import type { MovedCost } from '../database/AllocationKeyStore';
import type { RollupDelta } from '../database/DailyRollupWriter';
import { ExactSum } from '../money';

/** Member ref → the refs whose rollup includes it (itself among them). */
export type AncestorsByMember = ReadonlyMap<string, readonly string[]>;

/** Exact signed sums per (entity, day, currency, basis). */
class DeltaSums {
  private readonly sums = new Map<string, RollupDelta & { sum: ExactSum }>();

  addTo(refs: readonly string[], cost: MovedCost, sign: 1 | -1): void {
    for (const basis of ['amortized', 'billed'] as const) {
      this.addAmount(
        refs,
        { day: cost.day, currency: cost.currency, basis, amount: cost[basis] },
        sign,
      );
    }
  }

  addAmount(
    refs: readonly string[],
    cost: Pick<RollupDelta, 'day' | 'currency' | 'basis' | 'amount'>,
    sign: 1 | -1,
  ): void {
    const amount = sign === 1 ? cost.amount : negate(cost.amount);
    for (const entityRef of refs) {
      const key = `${entityRef}\u0000${cost.day}\u0000${cost.currency}\u0000${cost.basis}`;
      let entry = this.sums.get(key);
      if (!entry) {
        entry = {
          entityRef,
          day: cost.day,
          currency: cost.currency,
          basis: cost.basis,
          amount: '0',
          sum: new ExactSum(),
        };
        this.sums.set(key, entry);
      }
      entry.sum.add(amount);
    }
  }

  deltas(): RollupDelta[] {
    return [...this.sums.values()].map(({ sum, ...rest }) => ({
      ...rest,
      amount: sum.toString(),
    }));
  }
}

function negate(amount: string): string {
  const trimmed = amount.trim();
  return trimmed.startsWith('-') ? trimmed.slice(1) : `-${trimmed}`;
}

/**
 * The changes to the daily rollup's direct cost when only allocations and the catalog's
 * structure changed (no facts added or removed), so it need not be rebuilt:
 *
 * - cost that moved from one owner to another leaves the old owner's ancestors as they
 *   were before the run and reaches the new owner's ancestors as they are now;
 * - an entity whose ancestors changed (moved to another system, new owner, deleted) takes
 *   the cost it kept with it: away from the ancestors it lost, to the ones it gained.
 *
 * `kept` is the cost each of those entities owns now (`moved` cost to it included, and
 * subtracted here, since the first rule already placed it).
 */
export function directCostDeltas(input: {
  moved: readonly MovedCost[];
  kept: readonly MovedCost[];
  before: AncestorsByMember;
  after: AncestorsByMember;
}): RollupDelta[] {
  const deltas = new DeltaSums();
  for (const m of input.moved) {
    if (m.fromRef !== null)
      deltas.addTo(input.before.get(m.fromRef) ?? [], m, -1);
    if (m.toRef !== null) deltas.addTo(input.after.get(m.toRef) ?? [], m, 1);
  }
  const regrouped = membersWithNewAncestors(input.before, input.after);
  const kept = new DeltaSums();
  for (const k of input.kept) {
    if (k.toRef !== null && regrouped.has(k.toRef)) kept.addTo([k.toRef], k, 1);
  }
  for (const m of input.moved) {
    if (m.toRef !== null && regrouped.has(m.toRef))
      kept.addTo([m.toRef], m, -1);
  }
  for (const own of kept.deltas()) {
    const before = input.before.get(own.entityRef) ?? [];
    const after = input.after.get(own.entityRef) ?? [];
    const lost = before.filter(a => !after.includes(a));
    const gained = after.filter(a => !before.includes(a));
    deltas.addAmount(lost, own, -1);
    deltas.addAmount(gained, own, 1);
  }
  return deltas.deltas().filter(d => d.amount !== '0');
}

/** Entities whose set of ancestors differs between the two closures. */
export function membersWithNewAncestors(
  before: AncestorsByMember,
  after: AncestorsByMember,
): Set<string> {
  const out = new Set<string>();
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every(x => b.includes(x));
  for (const [member, ancestors] of before) {
    if (!same(ancestors, after.get(member) ?? [])) out.add(member);
  }
  for (const [member, ancestors] of after) {
    if (!before.has(member) && ancestors.length > 0) out.add(member);
  }
  return out;
}

/** Ancestor lists per member from (ancestor, member) pairs. */
export function ancestorsByMember(
  pairs: ReadonlyArray<{ ancestorRef: string; memberRef: string }>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { ancestorRef, memberRef } of pairs) {
    const list = out.get(memberRef) ?? [];
    list.push(ancestorRef);
    out.set(memberRef, list);
  }
  return out;
}
