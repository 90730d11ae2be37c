import { startTestBackend } from '@backstage/backend-test-utils';
import {
  CatalogProcessor,
  EntityProvider,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import catalogModuleFinopsItam from '.';
import { FinopsItamAnnotationProcessor } from './FinopsItamAnnotationProcessor';

describe('catalogModuleFinopsItam', () => {
  it('registers the annotation processor and the license entity provider', async () => {
    const processors: CatalogProcessor[] = [];
    const providers: EntityProvider[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          {
            addProcessor: (...added) => {
              processors.push(...added.flat());
            },
            addEntityProvider: (...added) => {
              providers.push(...added.flat());
            },
          },
        ],
      ],
      features: [catalogModuleFinopsItam],
    });

    expect(processors).toHaveLength(1);
    expect(processors[0]).toBeInstanceOf(FinopsItamAnnotationProcessor);
    expect(processors[0].getProcessorName()).toBe(
      'FinopsItamAnnotationProcessor',
    );

    expect(providers.map(p => p.getProviderName())).toEqual([
      'finops-itam-licenses',
    ]);

    await backend.stop();
  });
});
