import { ExactSum, Money, MoneyValue } from '../../money';
import { PriceRow } from './priceRows';

/** An instance runs at most 24 hours a day: more in a resource-day means the unit is not hours. */
const HOURS_PER_DAY = ExactSum.of(24);

/**
 * Cost and instance-hours of like rows (one instance type, region and currency), summed
 * exactly, with what tells whether the quantity is hours: cost facts do not keep
 * `ConsumedUnit`, so it is taken as hours only while no resource consumes more than 24 of
 * it in a day.
 */
export class HourlyPriceGroup {
  readonly cost = new ExactSum();
  readonly hours = new ExactSum();
  rows = 0;
  firstDay = '';
  lastDay = '';
  private readonly perResourceDay = new Map<string, ExactSum>();

  add(row: PriceRow): this {
    this.cost.add(row.effectiveCost);
    this.hours.add(row.consumedQuantity);
    this.rows += 1;
    if (this.firstDay === '' || row.day < this.firstDay)
      this.firstDay = row.day;
    if (row.day > this.lastDay) this.lastDay = row.day;
    if (row.resourceId) {
      const key = `${row.resourceId}\u0000${row.day}`;
      const sum = this.perResourceDay.get(key) ?? new ExactSum();
      this.perResourceDay.set(key, sum.add(row.consumedQuantity));
    }
    return this;
  }

  /** True when no resource-day exceeds 24 and some hours were billed. */
  isHours(): boolean {
    return (
      ![...this.perResourceDay.values()].some(
        sum => sum.compare(HOURS_PER_DAY) > 0,
      ) &&
      // decimal.js counts zero as positive: a group with no hours has no price.
      new Money(this.hours.toString()).gt(0)
    );
  }

  /** Effective cost per hour, exact (unrounded); null when the quantity is not hours. */
  perHour(): MoneyValue | null {
    if (!this.isHours()) return null;
    return new Money(this.cost.toString()).div(this.hours.toString());
  }

  /** `EffectiveCost / ConsumedQuantity of 3 Usage rows, 2026-11-10..2026-11-12: 10.2 USD / 60 h`. */
  describe(currency: string): string {
    return `EffectiveCost / ConsumedQuantity of ${this.rows} Usage row${
      this.rows === 1 ? '' : 's'
    }, ${this.firstDay}..${
      this.lastDay
    }: ${this.cost.toString()} ${currency} / ${this.hours.toString()} h`;
  }
}
