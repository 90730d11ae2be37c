import { ProviderRegions, SHIPPED_PROVIDER_REGIONS } from './regions';

const key = (name: string) => name.trim().toLowerCase();

/**
 * The providers and regions a request may name: the shipped list plus configured ones.
 * Providers are found by name or alias, case-insensitively; regions case-insensitively.
 */
export class KnownRegions {
  readonly #byName = new Map<string, ProviderRegions>();
  readonly #providers: ProviderRegions[];

  /** `extra`: provider name → regions to add (`finopsItam.onboarding.regions`). */
  constructor(extra: Record<string, string[]> = {}) {
    this.#providers = SHIPPED_PROVIDER_REGIONS.map(p => ({
      ...p,
      regions: [...p.regions],
    }));
    for (const provider of this.#providers) this.#index(provider);
    for (const [name, regions] of Object.entries(extra)) {
      let provider = this.#byName.get(key(name));
      if (!provider) {
        provider = { provider: name.trim(), aliases: [], regions: [] };
        this.#providers.push(provider);
        this.#index(provider);
      }
      const known = new Set(provider.regions.map(key));
      for (const region of regions) {
        if (!known.has(key(region))) provider.regions.push(region.trim());
      }
    }
  }

  #index(provider: ProviderRegions) {
    for (const name of [provider.provider, ...provider.aliases]) {
      this.#byName.set(key(name), provider);
    }
  }

  /** The provider's canonical name, or undefined when unknown. */
  provider(name: string): string | undefined {
    return this.#byName.get(key(name))?.provider;
  }

  /** The region as listed (its canonical spelling), or undefined when the provider has no such region. */
  region(provider: string, region: string): string | undefined {
    const wanted = key(region);
    return this.#byName
      .get(key(provider))
      ?.regions.find(known => key(known) === wanted);
  }

  list(): Array<{ provider: string; regions: string[] }> {
    return this.#providers.map(p => ({
      provider: p.provider,
      regions: [...p.regions],
    }));
  }
}
