/**
 * Hours in the month every estimate uses: 365 × 24 / 12 = 730, the figure the cloud
 * providers' pricing calculators use, so the estimate reads like the providers' own.
 */
export const HOURS_PER_MONTH = 730;
