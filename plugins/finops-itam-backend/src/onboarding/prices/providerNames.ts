/**
 * Names the same cloud provider goes by: in a request (`AWS`), in FOCUS `ProviderName` as
 * each provider's export writes it (`AWS`, `Amazon Web Services`, `Microsoft`, `Google
 * Cloud`), and common short forms. Names outside these groups match only themselves.
 */
const PROVIDER_GROUPS: string[][] = [
  ['aws', 'amazon web services', 'amazon'],
  ['azure', 'microsoft azure', 'microsoft'],
  ['google cloud', 'google cloud platform', 'gcp', 'google'],
  ['oracle cloud', 'oracle cloud infrastructure', 'oci', 'oracle'],
  ['alibaba cloud', 'alibaba'],
];

/** One name per provider, for grouping: `amazon web services` and `AWS` are both `aws`. */
export const canonicalProvider = (name: string): string => {
  const lower = name.trim().toLowerCase();
  return PROVIDER_GROUPS.find(group => group.includes(lower))?.[0] ?? lower;
};

/** True when both names mean the same provider, case aside. */
export const sameProvider = (a: string | null, b: string | null): boolean =>
  a !== null && b !== null && canonicalProvider(a) === canonicalProvider(b);
