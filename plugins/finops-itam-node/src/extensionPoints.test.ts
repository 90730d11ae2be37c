import {
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { FinopsItamCostSource } from './costSource';
import { finopsItamCostSourcesExtensionPoint } from './extensionPoints';

const warehouseSource: FinopsItamCostSource = {
  id: 'warehouse-focus',
  description: 'FOCUS views in the warehouse',
  read: async () => ({ deliveries: [] }),
};

describe('finopsItamCostSourcesExtensionPoint', () => {
  it('carries cost sources from a module to the finops-itam plugin', async () => {
    const received: FinopsItamCostSource[] = [];
    const plugin = createBackendPlugin({
      pluginId: 'finops-itam',
      register(env) {
        env.registerExtensionPoint(finopsItamCostSourcesExtensionPoint, {
          addCostSource: (...sources) => received.push(...sources),
        });
        env.registerInit({ deps: {}, async init() {} });
      },
    });
    const warehouseModule = createBackendModule({
      pluginId: 'finops-itam',
      moduleId: 'warehouse',
      register(env) {
        env.registerInit({
          deps: { costSources: finopsItamCostSourcesExtensionPoint },
          async init({ costSources }) {
            costSources.addCostSource(warehouseSource);
          },
        });
      },
    });

    await startTestBackend({ features: [plugin, warehouseModule] });

    expect(received).toEqual([warehouseSource]);
  });
});
