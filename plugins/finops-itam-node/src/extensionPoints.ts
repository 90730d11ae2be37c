import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * A cost source contributed by another backend module, for example one that reads FOCUS
 * data straight from a warehouse where the exports already live instead of from files.
 *
 * @public
 */
export interface FinopsItamCostSource {
  /** Unique id, shown in source status and ingestion reports. Lowercase kebab-case. */
  readonly id: string;
  /** One line for people: where the data comes from. */
  readonly description: string;
}

/**
 * Extension point through which modules add cost sources to the finops-itam backend.
 *
 * @public
 */
export interface FinopsItamCostSourcesExtensionPoint {
  addCostSource(...sources: FinopsItamCostSource[]): void;
}

/**
 * Modules register cost sources on this extension point of the `finops-itam` plugin.
 *
 * @public
 */
export const finopsItamCostSourcesExtensionPoint =
  createExtensionPoint<FinopsItamCostSourcesExtensionPoint>({
    id: 'finops-itam.cost-sources',
  });
