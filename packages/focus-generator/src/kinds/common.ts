import { CostLine, Region, Spike, SubAccount, UsageModel } from '../model';
import { createRng, Rng } from '../prng';

/** What every resource builder takes: where the resource lives and how it is labelled. */
export interface Placement {
  name: string;
  sub: SubAccount;
  region: Region;
  availabilityZone?: string;
  /** Absent: untagged. */
  tags?: Record<string, string>;
  commitment?: string;
  sinceMonthsAgo?: number;
  spikes?: Spike[];
}

/**
 * Random source for a resource's ids. Seeded by the resource name only, so ids stay the same
 * across seeds and runs: allocation rules and tests can name them.
 */
export function idsFor(name: string): Rng {
  return createRng(`resource-id/${name}`);
}

/** A SKU code in the provider's style, stable for the same description. */
export function skuCode(
  description: string,
  style: 'aws' | 'azure' | 'gcp',
): string {
  const rng = createRng(`sku/${description}`);
  if (style === 'aws') return rng.alnum(16);
  if (style === 'azure') return `${rng.alnum(12)}/${rng.alnum(4)}`;
  return `${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}`.toUpperCase();
}

export const hours = (extra: Partial<UsageModel> = {}): UsageModel => ({
  perDay: 24,
  pattern: 'fixed',
  granularity: 'hourly',
  ...extra,
});

type PlacedField =
  | 'subAccount'
  | 'region'
  | 'availabilityZone'
  | 'tags'
  | 'commitment'
  | 'sinceMonthsAgo'
  | 'spikes';

/** What a builder states about a line; placement fields may be overridden per line. */
export type LineFields = Omit<CostLine, 'provider' | 'account' | PlacedField> &
  Partial<Pick<CostLine, PlacedField>>;

/** Copies the placement fields every line shares. */
export function placed(p: Placement): Pick<CostLine, PlacedField> {
  return {
    subAccount: p.sub,
    region: p.region,
    availabilityZone: p.availabilityZone,
    tags: p.tags,
    commitment: p.commitment,
    sinceMonthsAgo: p.sinceMonthsAgo,
    spikes: p.spikes,
  };
}
