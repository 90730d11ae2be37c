/** A cost row's tags: lowercased trimmed key → trimmed values. */
export type FactTags = ReadonlyMap<string, readonly string[]>;

const NO_TAGS: FactTags = new Map();

/**
 * Reads a fact's stored tags (JSON object text) into the form selectors compare against:
 * keys trimmed and lowercased, values trimmed. Two keys that differ only in case or spaces
 * (`Team` and `team `) both count, so a key can carry several values.
 *
 * Tags that are not a JSON object count as no tags rather than an error: one bad row
 * must not stop the allocation of all the others, and it stays visible as unallocated.
 */
export function readFactTags(tags: string | null | undefined): FactTags {
  if (!tags) {
    return NO_TAGS;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(tags);
  } catch {
    return NO_TAGS;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return NO_TAGS;
  }
  const result = new Map<string, string[]>();
  for (const [rawKey, rawValue] of Object.entries(parsed)) {
    if (rawValue === null || rawValue === undefined) {
      continue;
    }
    const key = rawKey.trim().toLowerCase();
    const value = String(rawValue).trim();
    const values = result.get(key);
    if (values === undefined) {
      result.set(key, [value]);
    } else if (!values.includes(value)) {
      values.push(value);
    }
  }
  return result;
}
