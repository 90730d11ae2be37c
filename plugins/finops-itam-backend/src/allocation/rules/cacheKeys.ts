function part(value: string | null | undefined): string {
  // Length-prefixed, so no choice of characters inside a field can make two different
  // pairs share a key. Null and '' may share one: neither matches any rule.
  const text = value ?? '';
  return `${text.length}:${text}`;
}

/** Cache key of the resource-pattern level, which reads ResourceId and ResourceName. */
export function resourceKey(
  resourceId: string | null | undefined,
  resourceName: string | null | undefined,
): string {
  return part(resourceId) + part(resourceName);
}

/** Cache key of the account level, which reads the sub-account and billing-account ids. */
export function accountKey(
  subAccountId: string | null | undefined,
  billingAccountId: string | null | undefined,
): string {
  return part(subAccountId) + part(billingAccountId);
}
