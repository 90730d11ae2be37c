import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { FinopsItamCostSource } from './costSource';

/**
 * Extension point through which modules add cost sources to the finops-itam backend. The
 * plugin runs them exactly like the sources of `finopsItam.costSources`.
 *
 * @public
 */
export interface FinopsItamCostSourcesExtensionPoint {
  /** Adds sources; an id that is not kebab-case or is already taken stops the backend. */
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
