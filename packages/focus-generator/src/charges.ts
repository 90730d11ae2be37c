import { Charge, Commitment, CostLine } from './model';
import { amount, Decimal, ZERO } from './money';

/**
 * Prices usage and applies commitments the way the providers do, so the FOCUS counting rules
 * hold in the output: covered usage is BilledCost 0 with the amortized rate as EffectiveCost,
 * the purchase is BilledCost only, and what the commitment did not cover shows as Unused.
 */

interface Period {
  start: string;
  end: string;
}

function prices(line: CostLine, quantity: Decimal) {
  const listUnitPrice = line.sku.listUnitPrice;
  const contractedUnitPrice = line.contractedDiscount
    ? amount(listUnitPrice.times(new Decimal(1).minus(line.contractedDiscount)))
    : listUnitPrice;
  return {
    listUnitPrice,
    contractedUnitPrice,
    listCost: amount(quantity.times(listUnitPrice)),
    contractedCost: amount(quantity.times(contractedUnitPrice)),
  };
}

/** Usage paid at the contracted price, or at the spot price for preemptible capacity. */
export function onDemandCharge(
  line: CostLine,
  quantity: Decimal,
  period: Period,
): Charge {
  const p = prices(line, quantity);
  const paid = line.dynamicPriceFactor
    ? amount(p.contractedCost.times(line.dynamicPriceFactor))
    : p.contractedCost;
  return {
    category: 'Usage',
    frequency: 'Usage-Based',
    periodStart: period.start,
    periodEnd: period.end,
    pricingCategory: line.dynamicPriceFactor ? 'Dynamic' : 'Standard',
    pricingQuantity: quantity,
    consumedQuantity: quantity,
    ...p,
    billedCost: paid,
    effectiveCost: paid,
  };
}

/** Usage covered by a commitment: nothing billed now, the amortized rate as effective cost. */
export function committedCharge(
  line: CostLine,
  quantity: Decimal,
  commitment: Commitment,
  period: Period,
): Charge {
  const p = prices(line, quantity);
  return {
    category: 'Usage',
    frequency: 'Usage-Based',
    periodStart: period.start,
    periodEnd: period.end,
    pricingCategory: 'Committed',
    pricingQuantity: quantity,
    consumedQuantity: quantity,
    ...p,
    billedCost: ZERO,
    effectiveCost: amount(p.contractedCost.times(commitment.rate)),
    commitment,
    commitmentStatus: 'Used',
    // Covered usage of a reservation is counted in the hours it ran.
    commitmentHours: quantity,
  };
}

/**
 * The monthly fee of a commitment. EffectiveCost is 0 because the fee reaches the amortized
 * view through the covered and unused rows, never twice.
 */
export function purchaseCharge(
  commitment: Commitment,
  days: number,
  period: Period,
): Charge {
  const fee = amount(commitment.perDay.times(days));
  return {
    category: 'Purchase',
    frequency: 'Recurring',
    periodStart: period.start,
    periodEnd: period.end,
    pricingCategory: 'Standard',
    listCost: fee,
    contractedCost: fee,
    billedCost: fee,
    effectiveCost: ZERO,
    commitment,
    commitmentHours: commitment.hoursPerDay?.times(days),
    description: commitment.purchaseDescription,
  };
}

/** A negative credit row such as GCP's sustained-use discount on a usage charge. */
export function creditCharge(
  usage: Charge,
  share: Decimal,
  description: string,
): Charge {
  const credit = amount(usage.effectiveCost.times(share)).negated();
  return {
    category: 'Credit',
    frequency: 'Usage-Based',
    periodStart: usage.periodStart,
    periodEnd: usage.periodEnd,
    pricingCategory: '',
    listCost: ZERO,
    contractedCost: ZERO,
    billedCost: credit,
    effectiveCost: credit,
    description,
  };
}

/**
 * One charge period of one commitment: covers lines in the order they come until the
 * commitment is spent, like the providers apply savings plans greedily; the rest is on demand.
 */
export class CommitmentLedger {
  private remaining: Decimal;

  constructor(readonly commitment: Commitment, budget: Decimal) {
    this.remaining = budget;
  }

  /**
   * Charges for a line's usage in this period: covered while the commitment lasts, the part
   * it no longer pays for on demand (one row each, like split CUR line items).
   */
  charge(
    line: CostLine,
    quantity: Decimal,
    period: Period,
    decimals: number,
  ): Charge[] {
    const covered = committedCharge(line, quantity, this.commitment, period);
    if (covered.effectiveCost.lessThanOrEqualTo(this.remaining)) {
      this.remaining = this.remaining.minus(covered.effectiveCost);
      return [covered];
    }
    const coveredQuantity = this.remaining.greaterThan(0)
      ? quantity
          .times(this.remaining)
          .dividedBy(covered.effectiveCost)
          .toDecimalPlaces(decimals, Decimal.ROUND_DOWN)
      : ZERO;
    if (coveredQuantity.isZero())
      return [onDemandCharge(line, quantity, period)];
    const part = committedCharge(
      line,
      coveredQuantity,
      this.commitment,
      period,
    );
    // Rounding to the amount scale may land a hair above what is left.
    if (part.effectiveCost.greaterThan(this.remaining))
      part.effectiveCost = this.remaining;
    this.remaining = this.remaining.minus(part.effectiveCost);
    return [
      part,
      onDemandCharge(line, quantity.minus(coveredQuantity), period),
    ];
  }

  /** What the commitment did not cover in this period, or undefined when fully used. */
  unused(period: Period): Charge | undefined {
    if (!this.remaining.greaterThan(0)) return undefined;
    return {
      category: 'Usage',
      frequency: 'Usage-Based',
      periodStart: period.start,
      periodEnd: period.end,
      pricingCategory: 'Committed',
      listCost: ZERO,
      contractedCost: ZERO,
      billedCost: ZERO,
      effectiveCost: this.remaining,
      commitment: this.commitment,
      commitmentStatus: 'Unused',
      // The hours the unspent amount would have paid for, at the commitment's own rate.
      commitmentHours: this.commitment.hoursPerDay
        ?.times(this.remaining)
        .dividedBy(this.commitment.perDay)
        .toDecimalPlaces(6),
      description: this.commitment.unusedDescription,
    };
  }
}

/** A fixed monthly fee (support plan, SaaS seats): billed and effective alike. */
export function feeCharge(
  fee: Decimal,
  period: Period,
  quantity?: Decimal,
  unitPrice?: Decimal,
): Charge {
  const billed = amount(fee);
  return {
    category: 'Purchase',
    frequency: 'Recurring',
    periodStart: period.start,
    periodEnd: period.end,
    pricingCategory: 'Standard',
    pricingQuantity: quantity,
    consumedQuantity: quantity,
    listUnitPrice: unitPrice,
    contractedUnitPrice: unitPrice,
    listCost: billed,
    contractedCost: billed,
    billedCost: billed,
    effectiveCost: billed,
  };
}

/**
 * Tax on what a billing account was billed in the month, rounded to cents. It covers the
 * month's charges, so it recurs over the month's charge period (and is spread over its days
 * on ingestion) rather than being a one-time charge on the 1st.
 */
export function taxCharge(base: Decimal, rate: string, period: Period): Charge {
  const tax = base.times(rate).toDecimalPlaces(2);
  return {
    category: 'Tax',
    frequency: 'Recurring',
    periodStart: period.start,
    periodEnd: period.end,
    pricingCategory: '',
    listCost: tax,
    contractedCost: tax,
    billedCost: tax,
    effectiveCost: tax,
  };
}
