import { LicensePositionStatus } from '@finops-itam/plugin-finops-itam-common';

/** Each position status as a word and the theme status colour it is shown in. */
export const POSITION_STATUS: Record<
  LicensePositionStatus,
  { label: string; color: 'success' | 'danger' | 'info' }
> = {
  compliant: { label: 'Compliant', color: 'success' },
  shortage: { label: 'Shortage', color: 'danger' },
  surplus: { label: 'Surplus', color: 'info' },
  'non-compliant': { label: 'Non-compliant', color: 'danger' },
};

/** `+4`, `-2`, `0`: a position with its sign, so a shortage reads as one. */
export function signed(quantity: number): string {
  return quantity > 0 ? `+${quantity}` : String(quantity);
}
