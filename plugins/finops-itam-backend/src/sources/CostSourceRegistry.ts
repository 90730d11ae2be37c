import {
  FinopsItamCostSource,
  FinopsItamCostSourcesExtensionPoint,
} from '@finops-itam/plugin-finops-itam-node';
import { SOURCE_ID_PATTERN } from './config';

/** Collects the cost sources that modules contribute, rejecting bad or duplicate ids. */
export class CostSourceRegistry implements FinopsItamCostSourcesExtensionPoint {
  readonly #sources = new Map<string, FinopsItamCostSource>();

  addCostSource(...sources: FinopsItamCostSource[]): void {
    for (const source of sources) {
      if (!SOURCE_ID_PATTERN.test(source.id)) {
        throw new Error(
          `Cost source id "${source.id}" is not lowercase kebab-case (like "aws-focus")`,
        );
      }
      if (this.#sources.has(source.id)) {
        throw new Error(`Cost source "${source.id}" is registered twice`);
      }
      this.#sources.set(source.id, source);
    }
  }

  list(): FinopsItamCostSource[] {
    return [...this.#sources.values()];
  }
}
