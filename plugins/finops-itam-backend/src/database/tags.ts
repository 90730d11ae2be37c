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

/** Said instead of a nested value too deep to write back as JSON (thousands of levels). */
export const TOO_DEEP_TAG_VALUE = '(nested JSON too deep to store)';

function tagValueText(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'object') return String(value);
  try {
    return JSON.stringify(value);
  } catch (error) {
    // JSON.stringify recurses: a value nested ~10,000 levels exhausts the stack. Tags carry
    // no money, so the row is kept and the value says why it is missing.
    if (error instanceof RangeError) return TOO_DEEP_TAG_VALUE;
    throw error;
  }
}
