import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Found entities are reused this long: cost annotations change rarely, costs not at all. */
const FOUND_TTL_MS = 60_000;
/** Unknown refs only briefly, so a newly registered entity answers within seconds. */
const MISSING_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Catalog lookups of the cost API, reused for a short time and shared by concurrent
 * requests for the same entity. In a real portal `getEntityByRef` is an HTTP round trip to
 * the catalog per request; a dashboard opening a page fires several cost requests at once.
 * Only the entity's identity and annotations are used (the cost itself comes from the
 * database), so a minute-old copy is good enough; access is checked per request elsewhere.
 */
export class EntityLookupCache {
  private readonly entries = new Map<
    string,
    { expires: number; value: Promise<Entity | undefined> }
  >();

  constructor(
    private readonly lookup: (
      ref: CompoundEntityRef,
    ) => Promise<Entity | undefined>,
    private readonly now: () => number = Date.now,
  ) {}

  get(ref: CompoundEntityRef): Promise<Entity | undefined> {
    const key = stringifyEntityRef(ref).toLocaleLowerCase('en-US');
    const now = this.now();
    const cached = this.entries.get(key);
    if (cached && cached.expires > now) {
      return cached.value;
    }
    if (this.entries.size >= MAX_ENTRIES) {
      this.evictExpired(now);
    }
    // Until the lookup answers, concurrent requests share it; then the TTL depends on the answer.
    const entry = {
      expires: Number.POSITIVE_INFINITY,
      value: this.lookup(ref),
    };
    this.entries.set(key, entry);
    entry.value.then(
      entity => {
        entry.expires = this.now() + (entity ? FOUND_TTL_MS : MISSING_TTL_MS);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.value;
  }

  private evictExpired(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.expires <= now) this.entries.delete(key);
    }
    // Still full of live entries: start over rather than grow without bound.
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
  }
}
