import { CostSourceRegistry } from './CostSourceRegistry';

describe('CostSourceRegistry', () => {
  it('lists the sources modules add, in order', () => {
    const registry = new CostSourceRegistry();
    registry.addCostSource(
      { id: 'warehouse-focus', description: 'FOCUS views in the warehouse' },
      { id: 'saas-billing', description: 'SaaS vendor bills' },
    );
    expect(registry.list().map(s => s.id)).toEqual([
      'warehouse-focus',
      'saas-billing',
    ]);
  });

  it('rejects a second source with the same id', () => {
    const registry = new CostSourceRegistry();
    registry.addCostSource({ id: 'aws-focus', description: 'a' });
    expect(() =>
      registry.addCostSource({ id: 'aws-focus', description: 'b' }),
    ).toThrow('Cost source "aws-focus" is registered twice');
  });
});
