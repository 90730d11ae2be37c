import { KnownRegions } from '../../onboarding/KnownRegions';

const fold = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Compares provider and seller names the way cost data spells them: FOCUS exports say
 * `Microsoft` where policies say `Azure`, so known providers are compared by their
 * canonical name; any other name (a marketplace seller) case- and space-insensitively.
 */
export class ProviderNames {
  constructor(private readonly regions: KnownRegions) {}

  /** The canonical name of a provider the portal knows; undefined for any other name. */
  known(name: string): string | undefined {
    return this.regions.provider(name);
  }

  /** The canonical name of a known provider, otherwise the name as given (trimmed). */
  canonical(name: string): string {
    return this.regions.provider(name) ?? name.trim();
  }

  same(a: string, b: string): boolean {
    return fold(this.canonical(a)) === fold(this.canonical(b));
  }

  includes(list: string[], name: string): boolean {
    return list.some(entry => this.same(entry, name));
  }
}
