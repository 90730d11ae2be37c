/**
 * Stores tags as a JSON object with trimmed keys in sorted order: real exports carry keys
 * with stray whitespace, and a stable form lets equal tag sets compare equal.
 */
export function normalizeTags(tags: string | null): string | null {
  if (tags === null) {
    return null;
  }
  const parsed = JSON.parse(tags) as Record<string, unknown>;
  const entries = Object.entries(parsed)
    .map(
      ([key, value]) =>
        [key.trim(), value === null ? null : String(value)] as const,
    )
    .sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0
    ? null
    : JSON.stringify(Object.fromEntries(entries));
}
