import { LicenseEntitlement } from '@finops-itam/plugin-finops-itam-common';
import { Knex } from 'knex';
import { CostBasis } from '../database/DatabaseAllocationStore';
import { Money, normalizeAmount } from '../money';
import {
  AmortizedShare,
  paymentsOf,
  shareDayOf,
  splitPayment,
} from './licensePayments';

/** License cost of one day in one currency, an exact decimal string. */
export interface DailyLicenseAmount {
  day: string;
  currency: string;
  amount: string;
}

/** One rollup's license cost of one day in one currency. */
export interface RollupDailyLicenseAmount extends DailyLicenseAmount {
  ancestorRef: string;
}

const DAILY_COST = 'finops_itam_license_daily_cost';
const MEMBERS = 'finops_itam_rollup_members';
/** Pairs and refs per query: within both engines' limits on bound parameters. */
const PER_QUERY = 400;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * Reads the license cost of an entity over its rollup: its own share of entitlement cost
 * (and, for an owner group, the shelfware) plus that of every entity that rolls up into it,
 * using the rollup closure the allocation run keeps (`finops_itam_rollup_members`), so that
 * licenses roll up exactly as cloud cost does.
 *
 * On the amortized basis that is each entitlement's cost spread over the days of its term.
 * On the billed (cash) basis it is each payment on its date (`payments`, or the term cost on
 * `termStart`), split between entities as the amortized cost of that day is split.
 * Entitlements the cloud bill carries (`sourceCharge`) add nothing on either basis.
 */
export class RollupLicenseCostReader {
  constructor(private readonly db: Knex) {}

  /**
   * One row per stored daily share (amortized) or payment part (billed) in `[from, to)`,
   * amounts normalized; the caller sums. Unsummed because SQLite keeps amounts as text,
   * where SQL SUM would use floats.
   */
  async dailyLicenseCost(
    ancestorRef: string,
    from: string,
    to: string,
    basis: CostBasis = 'amortized',
  ): Promise<DailyLicenseAmount[]> {
    if (basis === 'billed') {
      return (await this.paidLicenseCost([ancestorRef], from, to)).map(
        ({ day, currency, amount }) => ({ day, currency, amount }),
      );
    }
    const rows: Array<{
      day: string;
      currency: string;
      amount: string | number;
    }> = await this.db(`${DAILY_COST} as l`)
      .join(`${MEMBERS} as m`, 'm.member_ref', 'l.entity_ref')
      .where('m.ancestor_ref', lower(ancestorRef))
      .andWhere('l.day', '>=', from)
      .andWhere('l.day', '<', to)
      .select('l.day', 'l.currency', 'l.amount');
    return rows.map(row => ({
      day: row.day,
      currency: row.currency,
      amount: normalizeAmount(row.amount),
    }));
  }

  /**
   * License payments dated in `[from, to)` that fall to each of the rollups, one row per
   * rollup, payment day and currency. Few rows: entitlements are paid a few times a term.
   */
  async paidLicenseCost(
    ancestorRefs: readonly string[],
    from: string,
    to: string,
  ): Promise<RollupDailyLicenseAmount[]> {
    const due = (await this.entitlements()).flatMap(entitlement =>
      paymentsOf(entitlement)
        .filter(p => p.date >= from && p.date < to)
        .map(payment => ({
          entitlement,
          payment,
          shareDay: shareDayOf(entitlement, payment.date),
        })),
    );
    if (due.length === 0 || ancestorRefs.length === 0) return [];

    const shares = await this.sharesOn(
      due.map(d => ({ entitlementId: d.entitlement.id, day: d.shareDay })),
    );
    const parts = due.flatMap(({ entitlement, payment, shareDay }) =>
      splitPayment(
        payment,
        entitlement.owner,
        shares.get(JSON.stringify([entitlement.id, shareDay])) ?? [],
      ).map(part => ({
        ...part,
        day: payment.date,
        currency: entitlement.cost.currency,
      })),
    );
    const membersOf = await this.rollupMembers(ancestorRefs.map(lower), [
      ...new Set(parts.map(p => p.entityRef)),
    ]);

    const sums = new Map<string, RollupDailyLicenseAmount>();
    for (const [ancestorRef, members] of membersOf) {
      for (const part of parts.filter(p => members.has(p.entityRef))) {
        const key = JSON.stringify([ancestorRef, part.day, part.currency]);
        const earlier = sums.get(key);
        sums.set(key, {
          ancestorRef,
          day: part.day,
          currency: part.currency,
          amount: earlier
            ? new Money(earlier.amount).plus(part.amount).toFixed()
            : part.amount,
        });
      }
    }
    return [...sums.values()];
  }

  private async entitlements(): Promise<LicenseEntitlement[]> {
    const rows: Array<{ definition: string }> = await this.db(
      'finops_itam_license_entitlements',
    ).select('definition');
    return rows.map(row => JSON.parse(row.definition));
  }

  /** The stored amortized shares of entitlements on days, keyed `[entitlementId, day]`. */
  private async sharesOn(
    pairs: Array<{ entitlementId: string; day: string }>,
  ): Promise<Map<string, AmortizedShare[]>> {
    const unique = [
      ...new Map(
        pairs.map(p => [JSON.stringify([p.entitlementId, p.day]), p]),
      ).values(),
    ];
    const shares = new Map<string, AmortizedShare[]>();
    for (let i = 0; i < unique.length; i += PER_QUERY) {
      const chunk = unique.slice(i, i + PER_QUERY);
      const rows: Array<{
        entitlement_id: string;
        day: string;
        entity_ref: string;
        amount: string | number;
      }> = await this.db(DAILY_COST)
        .where(query => {
          for (const pair of chunk)
            query.orWhere({
              entitlement_id: pair.entitlementId,
              day: pair.day,
            });
        })
        .select('entitlement_id', 'day', 'entity_ref', 'amount');
      for (const row of rows) {
        const key = JSON.stringify([row.entitlement_id, row.day]);
        shares.set(key, [
          ...(shares.get(key) ?? []),
          { entityRef: row.entity_ref, amount: normalizeAmount(row.amount) },
        ]);
      }
    }
    return shares;
  }

  /** Which of `entityRefs` roll up into each ancestor (an entity is a member of itself). */
  private async rollupMembers(
    ancestorRefs: string[],
    entityRefs: string[],
  ): Promise<Map<string, Set<string>>> {
    const members = new Map(ancestorRefs.map(ref => [ref, new Set<string>()]));
    for (let i = 0; i < ancestorRefs.length; i += PER_QUERY) {
      for (let j = 0; j < entityRefs.length; j += PER_QUERY) {
        const rows: Array<{ ancestor_ref: string; member_ref: string }> =
          await this.db(MEMBERS)
            .whereIn('ancestor_ref', ancestorRefs.slice(i, i + PER_QUERY))
            .whereIn('member_ref', entityRefs.slice(j, j + PER_QUERY))
            .select('ancestor_ref', 'member_ref');
        for (const row of rows)
          members.get(row.ancestor_ref)?.add(row.member_ref);
      }
    }
    return members;
  }
}
