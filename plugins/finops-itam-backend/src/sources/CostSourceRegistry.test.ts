import { FinopsItamCostSource } from '@finops-itam/plugin-finops-itam-node';
import { CostSourceRegistry } from './CostSourceRegistry';

const source = (id: string, description: string): FinopsItamCostSource => ({
  id,
  description,
  read: async () => ({ deliveries: [] }),
});

describe('CostSourceRegistry', () => {
  it('lists the sources modules add, in order', () => {
    const registry = new CostSourceRegistry();
    registry.addCostSource(
      source('warehouse-focus', 'FOCUS views in the warehouse'),
      source('saas-billing', 'SaaS vendor bills'),
    );
    expect(registry.list().map(s => s.id)).toEqual([
      'warehouse-focus',
      'saas-billing',
    ]);
  });

  it('rejects a second source with the same id', () => {
    const registry = new CostSourceRegistry();
    registry.addCostSource(source('aws-focus', 'a'));
    expect(() => registry.addCostSource(source('aws-focus', 'b'))).toThrow(
      'Cost source "aws-focus" is registered twice',
    );
  });
});
