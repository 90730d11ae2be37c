import { LicensePositionEntry } from '@finops-itam/plugin-finops-itam-common';

/**
 * A license position entry with the fields license anomalies read (the rest do not matter
 * to them): what is required, the position, the license entity, and the exposure a
 * shortage brings (1,000 USD per missing license).
 */
export function licensePositionEntry(
  productId: string,
  required: number,
  position: number,
  licenseEntityRef: string | null = null,
): LicensePositionEntry {
  return {
    productId,
    productName: productId,
    required,
    position,
    licenseEntityRef,
    exposure:
      position < 0
        ? { amount: String(-position * 1000), currency: 'USD' }
        : null,
  } as unknown as LicensePositionEntry;
}
