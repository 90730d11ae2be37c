import {
  LicenseEntitlement,
  LicensePositionEntry,
  LicenseProduct,
  OnboardingCheck,
  OnboardingCostEstimate,
  OnboardingPolicies,
  OnboardingRequestInput,
  OnboardingReservation,
} from '@finops-itam/plugin-finops-itam-common';

/**
 * A deployment of a request after validation: its vCPUs known (from the instance type when
 * the request left them out) and the instance type's threads per core when known.
 */
export interface PlannedDeployment {
  provider: string;
  region: string;
  tenancy: 'shared' | 'dedicated-instance' | 'dedicated-host';
  instanceType: string | null;
  vcpus: number;
  threadsPerCore: number | null;
  count: number;
  products: Array<{
    productId: string;
    licenseModel: 'byol' | 'license-included';
  }>;
}

/** A request as the checks read it: validated, with every deployment sized. */
export interface OnboardingPlan
  extends Omit<OnboardingRequestInput, 'deployments'> {
  deployments: PlannedDeployment[];
}

/** A price per hour of one instance type (or SKU) that the organisation already pays. */
export interface ObservedUnitPrice {
  provider: string;
  instanceType: string;
  region: string | null;
  /** Per instance-hour, exact decimal string. */
  perHour: string;
  currency: string;
  /** Which FOCUS figure and which days, e.g. `ContractedCost / ConsumedQuantity, 2026-11-01..2026-11-30`. */
  basis: string;
}

/** The owner's budget as the budget-fit check reads it (from the budgets feature, later). */
export interface BudgetForCheck {
  /** The budget's amount per month, exact decimal string. */
  monthlyAmount: string;
  currency: string;
  /** What the owner's forecast already spends per month in that currency. */
  monthlyForecast: string;
  /** E.g. `budget checkout-q1 (quarter from 2027-01-01)`. */
  description: string;
}

/**
 * Everything the checks read besides the request. Built by the onboarding service from the
 * license snapshot, other requests, `finopsItam.policies`, cost data and budgets, so that
 * every check is a pure function of (plan, context).
 */
export interface CheckContext {
  /** `YYYY-MM-DD`, UTC. */
  today: string;
  products: Map<string, LicenseProduct>;
  entitlements: LicenseEntitlement[];
  /** The position as `GET /licenses/position` answers it (reservations of approved requests included). */
  position: LicensePositionEntry[];
  /** Quantity per product reserved by approved requests other than the one being checked. */
  reservedByOthers: Map<string, number>;
  policies: OnboardingPolicies;
  /** Instance prices seen in recent cost data, for the instance types the plan names. */
  observedPrices: ObservedUnitPrice[];
  /** Null when the owner has no budget; undefined when no budgets feature is installed. */
  budget: BudgetForCheck | null | undefined;
}

/** What running every check on a plan answers. */
export interface CheckOutcome {
  checks: OnboardingCheck[];
  costEstimate: OnboardingCostEstimate;
  /** What the request would hold in the position once approved, per product. */
  reservations: OnboardingReservation[];
}
