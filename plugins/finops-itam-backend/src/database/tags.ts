/**
 * Stores tags as a JSON object with trimmed keys in sorted order: real exports carry keys
 * with stray whitespace, and a stable form lets equal tag sets compare equal. Values are
 * text: a nested object or list (FOCUS allows any JSON) is kept as its JSON, not as
 * `[object Object]`, so what the export said stays readable.
 */
export function normalizeTags(tags: string | null): string | null {
  if (tags === null) {
    return null;
  }
  const parsed = JSON.parse(tags) as Record<string, unknown>;
  const entries = Object.entries(parsed)
    .map(([key, value]) => [key.trim(), tagValueText(value)] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0
    ? null
    : JSON.stringify(Object.fromEntries(entries));
}

function tagValueText(value: unknown): string | null {
  if (value === null) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
