import { startTestBackend } from '@backstage/backend-test-utils';
import {
  CatalogProcessor,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import catalogModuleFinopsItam from '.';
import { FinopsItamAnnotationProcessor } from './FinopsItamAnnotationProcessor';

describe('catalogModuleFinopsItam', () => {
  it('registers the annotation processor with the catalog', async () => {
    const processors: CatalogProcessor[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          {
            addProcessor: (...added) => {
              processors.push(...added.flat());
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

    await backend.stop();
  });
});
