import { FinopsItamCostSource } from '@finops-itam/plugin-finops-itam-node';
import { CostSourceConfig } from './config';
import { fileCostSources } from './FileCostSource';
import { SourceFileFetcher } from './SourceFileFetcher';

/**
 * Every cost source the plugin runs: those of `finopsItam.costSources` first, in config
 * order, then those modules contributed. An id used by both stops the backend at start,
 * since runs, fingerprints and facts are kept by source id.
 */
export function collectCostSources(options: {
  configured: CostSourceConfig[];
  contributed: FinopsItamCostSource[];
  fetcher: Pick<SourceFileFetcher, 'fetchDeliveries'>;
}): FinopsItamCostSource[] {
  const configuredIds = new Set(options.configured.map(s => s.id));
  const clash = options.contributed.find(s => configuredIds.has(s.id));
  if (clash) {
    throw new Error(
      `Cost source "${clash.id}" from a module has the id of a source in finopsItam.costSources`,
    );
  }
  return [
    ...fileCostSources(options.configured, options.fetcher),
    ...options.contributed,
  ];
}
