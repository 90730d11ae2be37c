import { TeamCostEntity } from '@finops-itam/plugin-finops-itam-common';
import { rankEntities } from './rankEntities';

function entity(name: string, total: string, change: string): TeamCostEntity {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    name,
    total,
    previousTotal: '0',
    change,
    changePercent: null,
    unitCost: null,
  };
}

const entities = [
  entity('cart', '100.10', '-20'),
  entity('checkout', '100.09', '50.5'),
  entity('payments', '900', '0'),
  entity('search', '100.10', '3'),
];

describe('rankEntities', () => {
  it('ranks by cost, highest first, comparing decimals exactly', () => {
    expect(rankEntities(entities, 'cost').map(e => e.name)).toEqual([
      'payments',
      'cart',
      'search',
      'checkout',
    ]);
  });

  it('ranks by change, biggest increase first, or the other way round', () => {
    expect(rankEntities(entities, 'change').map(e => e.name)).toEqual([
      'checkout',
      'search',
      'payments',
      'cart',
    ]);
    expect(rankEntities(entities, 'change', 'asc').map(e => e.name)).toEqual([
      'cart',
      'payments',
      'search',
      'checkout',
    ]);
  });
});
