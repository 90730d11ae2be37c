import { BackstageCredentials } from '@backstage/backend-plugin-api';

/** How long a user's permission decision is reused (milliseconds). */
export const DEFAULT_DECISION_TTL_MS = 5_000;

/** Decisions held at most; the oldest are dropped first. */
const MAX_DECISIONS = 10_000;

/**
 * Whose decision, on what. Only users are cached: service principals are decided by the
 * permissions service in process from their token's access restrictions (no round trip),
 * and two tokens of one service may carry different restrictions. A user acting through a
 * service (`actor`) is a separate key.
 */
export function userDecisionKey(
  credentials: BackstageCredentials,
  permissionName: string,
  resourceRef?: string,
): string | undefined {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    actor?: { subject: string };
  };
  if (principal.type !== 'user' || !principal.userEntityRef) {
    return undefined;
  }
  return JSON.stringify([
    principal.userEntityRef,
    principal.actor?.subject ?? null,
    permissionName,
    resourceRef ?? null,
  ]);
}

/**
 * Allow/deny answers per key for `ttlMs`. For a user, every `authorize` is an HTTP round
 * trip to the permission backend (and, for a conditional policy on an entity, another one
 * from there to the catalog), while a Cost tab fires several requests per entity at once.
 * Concurrent checks of one key share a single call; a failed call (permission backend
 * down) is not remembered. A policy or membership change takes effect within the TTL.
 */
export class DecisionCache {
  private readonly entries = new Map<
    string,
    { expires: number; allowed: Promise<boolean> }
  >();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(
    key: string | undefined,
    decide: () => Promise<boolean>,
  ): Promise<boolean> {
    if (key === undefined || this.ttlMs <= 0) {
      return decide();
    }
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) {
      return hit.allowed;
    }
    this.entries.delete(key);
    while (this.entries.size >= MAX_DECISIONS) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    const allowed = decide();
    const entry = { expires: now + this.ttlMs, allowed };
    this.entries.set(key, entry);
    allowed.catch(() => {
      if (this.entries.get(key) === entry) {
        this.entries.delete(key);
      }
    });
    return allowed;
  }
}
