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

const canonical = (name: string): string => {
  const lower = name.trim().toLowerCase();
  return PROVIDER_GROUPS.find(group => group.includes(lower))?.[0] ?? lower;
};

/** True when both names mean the same provider, case aside. */
export const sameProvider = (a: string | null, b: string | null): boolean =>
  a !== null && b !== null && canonical(a) === canonical(b);
