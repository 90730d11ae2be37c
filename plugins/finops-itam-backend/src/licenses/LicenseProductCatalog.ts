import { LicenseProduct } from '@finops-itam/plugin-finops-itam-common';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { SHIPPED_LICENSE_PRODUCTS } from './shippedProducts';
import {
  coversProblems,
  describeIssues,
  licenseProductOverrideSchema,
  licenseProductSchema,
} from './productSchema';

type ProductOverride = z.infer<typeof licenseProductOverrideSchema>;

/** Stored product definitions set through the API, which win over config and shipped ones. */
export interface LicenseProductOverrideStore {
  listProductOverrides(): Promise<LicenseProduct[]>;
  upsertProductOverrides(products: LicenseProduct[]): Promise<void>;
}

/**
 * Layers a product override onto a known product: fields given replace, and the counting
 * rule and BYOL rights are merged key by key so an override can change one number.
 */
function overlay(
  base: LicenseProduct | undefined,
  override: ProductOverride,
  where: string,
): LicenseProduct {
  if (!base) {
    const parsed = licenseProductSchema.safeParse(override);
    if (!parsed.success) {
      const issues = describeIssues(parsed.error).map(
        i => `${i.field} ${i.reason}`,
      );
      throw new Error(
        `${where} defines new product "${override.id}" but ${issues.join(
          '; ',
        )} ` + '(a new product needs id, publisher, name and metric)',
      );
    }
    return parsed.data as LicenseProduct;
  }
  return {
    ...base,
    ...(override as Partial<LicenseProduct>),
    rule: { ...base.rule, ...(override.rule ?? {}) },
    byol: override.byol ? { ...base.byol, ...override.byol } : base.byol,
  };
}

/** Reads `finopsItam.licenses.products`: overrides of shipped products or new ones. */
export function readProductConfig(config: Config): LicenseProduct[] {
  const shipped = new Map(SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p]));
  const entries =
    config.getOptionalConfigArray('finopsItam.licenses.products') ?? [];
  const seen = new Set<string>();
  const products = entries.map((entry, index) => {
    const where = `finopsItam.licenses.products[${index}]`;
    const parsed = licenseProductOverrideSchema.safeParse(entry.get());
    if (!parsed.success) {
      const issues = describeIssues(parsed.error).map(
        i => `${i.field} ${i.reason}`,
      );
      throw new Error(`Invalid ${where}: ${issues.join('; ')}`);
    }
    if (seen.has(parsed.data.id)) {
      throw new Error(
        `Invalid ${where}: product "${parsed.data.id}" is defined twice`,
      );
    }
    seen.add(parsed.data.id);
    return overlay(shipped.get(parsed.data.id), parsed.data, where);
  });
  // A covers rule may name a shipped product or any configured one.
  const known = new Set([...shipped.keys(), ...products.map(p => p.id)]);
  products.forEach((product, index) => {
    const [problem] = coversProblems(product, known);
    if (problem) {
      throw new Error(
        `Invalid finopsItam.licenses.products[${index}].${problem.field}: ${problem.reason}`,
      );
    }
  });
  return products;
}

/**
 * The effective product catalog: shipped definitions, overridden or extended by config,
 * then by definitions stored through `PUT /licenses/products`.
 */
export class LicenseProductCatalog {
  constructor(
    private readonly configured: LicenseProduct[],
    private readonly store: LicenseProductOverrideStore,
  ) {}

  async list(): Promise<LicenseProduct[]> {
    const products = new Map(SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p]));
    for (const product of this.configured) {
      products.set(product.id, product);
    }
    for (const product of await this.store.listProductOverrides()) {
      products.set(
        product.id,
        overlay(products.get(product.id), product, 'stored product'),
      );
    }
    return [...products.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async byId(): Promise<Map<string, LicenseProduct>> {
    return new Map((await this.list()).map(p => [p.id, p]));
  }

  /**
   * Validates a whole batch of complete product definitions and stores them, or nothing:
   * every invalid product is named in one 400.
   */
  async upsert(input: unknown): Promise<LicenseProduct[]> {
    const list = Array.isArray(input)
      ? input
      : (input as { products?: unknown } | null)?.products;
    if (!Array.isArray(list) || list.length === 0) {
      throw new InputError(
        'Send a non-empty array of products, or { "products": [...] }',
      );
    }
    const problems: string[] = [];
    const products: LicenseProduct[] = [];
    const seen = new Map<string, number>();
    list.forEach((item, index) => {
      const parsed = licenseProductSchema.safeParse(item);
      if (!parsed.success) {
        for (const issue of describeIssues(parsed.error)) {
          problems.push(`products[${index}].${issue.field} ${issue.reason}`);
        }
        return;
      }
      const earlier = seen.get(parsed.data.id);
      if (earlier !== undefined) {
        problems.push(
          `products[${index}].id "${parsed.data.id}" repeats products[${earlier}]`,
        );
        return;
      }
      seen.set(parsed.data.id, index);
      products.push(parsed.data as LicenseProduct);
    });
    if (problems.length === 0) {
      // A covers rule may name a product of the catalog or of the same batch.
      const known = new Set([
        ...(await this.list()).map(p => p.id),
        ...products.map(p => p.id),
      ]);
      products.forEach(product => {
        const index = seen.get(product.id)!;
        for (const problem of coversProblems(product, known)) {
          problems.push(
            `products[${index}].${problem.field} ${problem.reason}`,
          );
        }
      });
    }
    if (problems.length > 0) {
      throw new InputError(
        `Invalid products, none stored: ${problems.join('; ')}`,
      );
    }
    await this.store.upsertProductOverrides(products);
    return products;
  }
}
