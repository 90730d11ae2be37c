/** True when the location is read through the URL reader rather than from local disk. */
export function isUrlLocation(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/**
 * A URL without user info and query string, for keys, reports and `GET /sources`: pre-signed
 * and SAS URLs carry credentials in the query, and those must not reach readers of the API.
 * Local paths are returned as they are.
 */
export function redactLocation(location: string): string {
  if (!isUrlLocation(location)) return location;
  try {
    const url = new URL(location);
    const hidden = url.search ? '?…' : '';
    return `${url.protocol}//${url.host}${url.pathname}${hidden}`;
  } catch {
    return location;
  }
}
