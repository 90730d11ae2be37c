import { LicenseProduct } from '@finops-itam/plugin-finops-itam-common';
import { computeComplianceRisks } from './complianceRisks';
import { Consumption } from './licenseConsumption';
import { SHIPPED_LICENSE_PRODUCTS } from './shippedProducts';

const SEAT = 'saas-observability-seat';
const ORACLE = 'oracle-database-enterprise';
const products = new Map<string, LicenseProduct>(
  SHIPPED_LICENSE_PRODUCTS.map(p => [p.id, p]),
);

const seat = (user: string, entityRef: string | null): Consumption => ({
  productId: SEAT,
  entityRef,
  model: 'seat',
  counted: 1,
  reason: { source: 'seat-import', quantity: 1, rule: `seat of ${user}` },
  flags: [],
  seat: { productId: SEAT, user, entityRef },
});

const declared = (
  productId: string,
  entityRef: string,
  counted: number,
): Consumption => ({
  productId,
  entityRef,
  model: 'declared',
  counted,
  reason: { source: 'catalog', quantity: counted, rule: 'declared' },
  flags: [],
});

const base = {
  position: [],
  unknownProducts: [],
  products,
  owners: new Map([['component:default/crm', 'group:default/team-sales']]),
};

describe('computeComplianceRisks', () => {
  it("lists an entity's seats of a forbidden product as one risk, naming both lists that forbid it", () => {
    const risks = computeComplianceRisks({
      ...base,
      consumptions: [
        seat('bob@example.com', 'component:default/crm'),
        seat('alice@example.com', 'component:default/crm'),
        seat('carol@example.com', null),
      ],
      unauthorizedProducts: [SEAT],
      blockedProducts: [SEAT],
    });
    expect(risks).toEqual([
      {
        kind: 'unauthorized-product',
        productId: SEAT,
        productName: 'SaaS seat',
        entityRef: 'component:default/crm',
        owner: 'group:default/team-sales',
        resourceId: null,
        detail:
          'SaaS seat (2 seats: alice@example.com, bob@example.com) for component:default/crm: on the unauthorized products list (finopsItam.licenses.unauthorizedProducts) and the blocked products policy (finopsItam.policies.blockedProducts)',
      },
      {
        kind: 'unauthorized-product',
        productId: SEAT,
        productName: 'SaaS seat',
        entityRef: null,
        owner: null,
        resourceId: null,
        detail:
          'SaaS seat (1 seat: carol@example.com) for no entity (unallocated): on the unauthorized products list (finopsItam.licenses.unauthorizedProducts) and the blocked products policy (finopsItam.policies.blockedProducts)',
      },
    ]);
  });

  it('lists a declaration of a blocked product only when it adds to what cost data or seats show', () => {
    const risks = computeComplianceRisks({
      ...base,
      consumptions: [
        declared(ORACLE, 'component:default/crm', 2),
        // Counted in its cost data already: names nobody new.
        declared(ORACLE, 'component:default/erp', 0),
      ],
      unauthorizedProducts: [],
      blockedProducts: [ORACLE],
    });
    expect(risks.map(r => [r.entityRef, r.detail])).toEqual([
      [
        'component:default/crm',
        'Oracle Database Enterprise Edition (declared in finops-itam.io/licenses) for component:default/crm: on the blocked products policy (finopsItam.policies.blockedProducts)',
      ],
    ]);
  });

  it('lists nothing when no product is forbidden, nothing is unknown and every rule is kept', () => {
    expect(
      computeComplianceRisks({
        ...base,
        consumptions: [seat('alice@example.com', 'component:default/crm')],
        unauthorizedProducts: [],
        blockedProducts: [],
      }),
    ).toEqual([]);
  });
});
