import {
  LicenseComplianceRisk,
  LicenseComplianceRiskKind,
  LicensePositionEntry,
  LicenseProduct,
  UnknownLicenseProductUse,
} from '@finops-itam/plugin-finops-itam-common';
import { Consumption } from './licenseConsumption';
import { compare } from './licensePosition';

/** Most severe first: breaking a publisher's terms, then running what is forbidden, then not knowing. */
const SEVERITY: LicenseComplianceRiskKind[] = [
  'byol-not-allowed',
  'unauthorized-product',
  'unknown-product',
  'unknown-size',
];

export interface ComplianceInput {
  position: LicensePositionEntry[];
  consumptions: Consumption[];
  unknownProducts: UnknownLicenseProductUse[];
  products: Map<string, LicenseProduct>;
  /** `finopsItam.licenses.unauthorizedProducts`. */
  unauthorizedProducts: string[];
  /** `finopsItam.policies.blockedProducts`. */
  blockedProducts: string[];
  /** Entity ref → owner ref. */
  owners: Map<string, string>;
}

/** Where the use was seen: a deployment, seats, or the entity's declaration. */
function where(group: Consumption[]): string {
  const [c] = group;
  if (c.resource) return ` on ${c.resource.resourceName ?? c.resource.key}`;
  if (c.seat) {
    const users = group.map(s => s.seat!.user).sort(compare);
    return ` (${users.length} seat${
      users.length === 1 ? '' : 's'
    }: ${users.join(', ')})`;
  }
  return ' (declared in finops-itam.io/licenses)';
}

/**
 * The compliance risks of the license position, with who runs each: BYOL deployments
 * outside their rights (one per deployment), use of unauthorized or blocked products, use
 * of products nobody defined, and deployments whose size is unknown so they could not be
 * counted. Most severe first, then by product, entity and resource.
 */
export function computeComplianceRisks(
  input: ComplianceInput,
): LicenseComplianceRisk[] {
  const ownerOf = (entityRef: string | null) =>
    entityRef === null ? null : input.owners.get(entityRef) ?? null;
  const nameOf = (productId: string) =>
    input.products.get(productId)?.name ?? productId;
  const risks: LicenseComplianceRisk[] = [];

  for (const entry of input.position) {
    for (const breach of entry.nonCompliance ?? []) {
      risks.push({
        kind: 'byol-not-allowed',
        productId: entry.productId,
        productName: entry.productName,
        entityRef: breach.entityRef,
        owner: ownerOf(breach.entityRef),
        resourceId: breach.resourceId,
        detail: breach.resourceName
          ? `${breach.resourceName}: ${breach.message}`
          : breach.message,
      });
    }
  }

  const unauthorized = new Set(input.unauthorizedProducts);
  const blocked = new Set(input.blockedProducts);
  // One risk per product, entity and deployment (an entity's seats together). A declaration
  // that adds nothing to the entity's cost data or seats names nobody new.
  const groups = new Map<string, Consumption[]>();
  for (const c of input.consumptions) {
    if (!unauthorized.has(c.productId) && !blocked.has(c.productId)) continue;
    if (c.model === 'declared' && c.counted === 0) continue;
    const key = JSON.stringify([
      c.productId,
      c.entityRef,
      c.resource?.key ?? null,
      c.seat ? 'seat' : c.model,
    ]);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const group of groups.values()) {
    const c = group[0];
    const lists = [
      ...(unauthorized.has(c.productId)
        ? [
            'the unauthorized products list (finopsItam.licenses.unauthorizedProducts)',
          ]
        : []),
      ...(blocked.has(c.productId)
        ? ['the blocked products policy (finopsItam.policies.blockedProducts)']
        : []),
    ];
    risks.push({
      kind: 'unauthorized-product',
      productId: c.productId,
      productName: nameOf(c.productId),
      entityRef: c.entityRef,
      owner: ownerOf(c.entityRef),
      resourceId: c.resource?.resourceId ?? null,
      detail: `${nameOf(c.productId)}${where(group)} for ${
        c.entityRef ?? 'no entity (unallocated)'
      }: on ${lists.join(' and ')}`,
    });
  }

  for (const u of input.unknownProducts) {
    const at = u.resourceName ?? u.resourceId;
    risks.push({
      kind: 'unknown-product',
      productId: null,
      productName: u.productId,
      entityRef: u.entityRef,
      owner: ownerOf(u.entityRef),
      resourceId: u.resourceId,
      detail: `"${u.productId}" (${u.source}${
        at ? `, ${at}` : ''
      }) is no defined license product: define it (PUT /licenses/products) or correct the ${
        u.source === 'cost-data' ? 'tag' : 'reference'
      }`,
    });
  }

  for (const c of input.consumptions) {
    const unknownSize = c.flags.filter(f => f.kind === 'unknown-size');
    if (unknownSize.length === 0) continue;
    risks.push({
      kind: 'unknown-size',
      productId: c.productId,
      productName: nameOf(c.productId),
      entityRef: c.entityRef,
      owner: ownerOf(c.entityRef),
      resourceId: c.resource?.resourceId ?? null,
      detail: unknownSize.map(f => f.message).join('; '),
    });
  }

  return risks.sort(
    (a, b) =>
      SEVERITY.indexOf(a.kind) - SEVERITY.indexOf(b.kind) ||
      compare(a.productId ?? a.productName, b.productId ?? b.productName) ||
      // Unallocated use after the entities that can be asked about theirs.
      compare(a.entityRef ?? '\uffff', b.entityRef ?? '\uffff') ||
      compare(a.resourceId ?? '', b.resourceId ?? ''),
  );
}
