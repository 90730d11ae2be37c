import { createHash } from 'node:crypto';

/**
 * The columns of a stored cost fact that decide where it goes (entity rules, pools, unused
 * commitments), as stored: tags are the normalised JSON text. Service category decides
 * nothing but goes with the service, and keeps breakdowns answerable from keys alone.
 */
export interface AllocationKeyColumns {
  billing_account_id: string;
  sub_account_id: string | null;
  service_name: string | null;
  service_category: string | null;
  charge_category: string;
  resource_id: string | null;
  resource_name: string | null;
  tags: string | null;
  commitment_discount_status: string | null;
}

/** The names of {@link AllocationKeyColumns}, in hashing order. */
export const ALLOCATION_KEY_COLUMNS: ReadonlyArray<keyof AllocationKeyColumns> =
  [
    'billing_account_id',
    'sub_account_id',
    'service_name',
    'service_category',
    'charge_category',
    'resource_id',
    'resource_name',
    'tags',
    'commitment_discount_status',
  ];

/**
 * The allocation key of a fact: facts with equal owner-deciding columns share it, so a run
 * decides each key once instead of each resource-day. A SHA-1 of the JSON array of the
 * columns (JSON keeps null apart from "null" and separators apart from values), base64url:
 * 27 characters, collisions out of reach for any bill.
 */
export function allocationKeyOf(columns: AllocationKeyColumns): string {
  const values = ALLOCATION_KEY_COLUMNS.map(name => columns[name] ?? null);
  return createHash('sha1').update(JSON.stringify(values)).digest('base64url');
}
