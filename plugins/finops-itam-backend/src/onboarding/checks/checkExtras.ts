import { InstanceTypeTable } from '../../licenses/instanceTypes';
import { LicenseIncludedPrice } from './licenseIncludedPremium';
import { CheckContext } from './types';

/**
 * What the checks can read besides the {@link CheckContext}, all optional so a plain
 * context (as the check tests build it) still works: without them premiums are unknown
 * and host types come from the shipped table.
 */
export interface CheckExtras {
  /** License-included premiums; without them every premium is "no price known". */
  licenseIncludedPrices?: LicenseIncludedPrice[];
  /**
   * The license engine's host types (physical cores and sockets of a dedicated host per
   * instance family), configured ones included; the shipped table when absent.
   */
  hostTypes?: Pick<InstanceTypeTable, 'hostOf'>;
}

/** The context with its optional extras. */
export type ChecksInput = CheckContext & CheckExtras;
