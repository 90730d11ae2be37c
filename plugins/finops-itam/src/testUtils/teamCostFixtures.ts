import { Entity } from '@backstage/catalog-model';
import {
  TeamCostEntity,
  TeamCostResponse,
} from '@finops-itam/plugin-finops-itam-common';

/** A Group entity for team cost tests. */
export function makeGroup(name = 'team-checkout'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: { type: 'team', children: [] },
  };
}

function teamEntity(
  name: string,
  overrides: Partial<TeamCostEntity>,
): TeamCostEntity {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    name,
    total: '0',
    previousTotal: '0',
    change: '0',
    changePercent: null,
    unitCost: null,
    ...overrides,
  };
}

/**
 * Three services: checkout-api costs most, cart-service grew most, storefront-web fell and
 * is new-ish with no unit metric; payments-gateway appeared this period.
 */
export function makeTeamCost(
  overrides: Partial<TeamCostResponse> = {},
): TeamCostResponse {
  return {
    groupRef: 'group:default/team-checkout',
    currency: 'USD',
    from: '2026-10-28',
    to: '2026-11-27',
    previousFrom: '2026-09-28',
    previousTo: '2026-10-28',
    total: '2000.5',
    previousTotal: '1800',
    change: '200.5',
    changePercent: 11.14,
    entities: [
      teamEntity('checkout-api', {
        title: 'Checkout API',
        total: '1200',
        previousTotal: '1150',
        change: '50',
        changePercent: 4.35,
        unitCost: { metric: 'orders', value: '0.01234' },
      }),
      teamEntity('cart-service', {
        total: '500.5',
        previousTotal: '300',
        change: '200.5',
        changePercent: 66.83,
        unitCost: { metric: 'orders', value: null },
      }),
      teamEntity('storefront-web', {
        total: '250',
        previousTotal: '350',
        change: '-100',
        changePercent: -28.57,
      }),
      teamEntity('payments-gateway', {
        total: '50',
        previousTotal: '0',
        change: '50',
        changePercent: null,
      }),
    ],
    ...overrides,
  };
}
