import {
  CostReportStore,
  DailyLicenseAmount,
} from '../database/CostReportStore';
import { CostBasis } from '../database/AllocationStore';
import { Money } from '../money';
import { paymentsOf, shareDayOf, splitPayment } from './licensePayments';

export type { DailyLicenseAmount };

/** One rollup's license cost of one day in one currency. */
export interface RollupDailyLicenseAmount extends DailyLicenseAmount {
  ancestorRef: string;
}

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
  constructor(
    private readonly store: Pick<
      CostReportStore,
      | 'rollupLicenseShares'
      | 'entitlements'
      | 'licenseSharesOn'
      | 'rollupMembersAmong'
    >,
  ) {}

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
    return this.store.rollupLicenseShares(ancestorRef, { from, to });
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
    const due = (await this.store.entitlements()).flatMap(entitlement =>
      paymentsOf(entitlement)
        .filter(p => p.date >= from && p.date < to)
        .map(payment => ({
          entitlement,
          payment,
          shareDay: shareDayOf(entitlement, payment.date),
        })),
    );
    if (due.length === 0 || ancestorRefs.length === 0) return [];

    const shares = await this.store.licenseSharesOn(
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
    const membersOf = await this.store.rollupMembersAmong(
      ancestorRefs.map(lower),
      [...new Set(parts.map(p => p.entityRef))],
    );

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
}
