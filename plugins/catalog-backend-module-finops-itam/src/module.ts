import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { FinopsItamAnnotationProcessor } from './FinopsItamAnnotationProcessor';

/**
 * Catalog module that validates finops-itam annotations on every entity.
 *
 * @public
 */
export const catalogModuleFinopsItam = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'finops-itam',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new FinopsItamAnnotationProcessor());
      },
    });
  },
});
