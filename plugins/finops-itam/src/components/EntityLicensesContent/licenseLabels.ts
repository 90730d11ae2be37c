import {
  LicenseConsumptionSource,
  LicenseMetric,
  LicenseUsageFlag,
  LicenseUsageModel,
} from '@finops-itam/plugin-finops-itam-common';
import { ChipTone } from './ToneChip';

/** How each metric is read next to a product name. */
const METRIC_LABELS: Record<LicenseMetric, string> = {
  'per-core': 'per core',
  'per-vcpu': 'per vCPU',
  'per-processor': 'per processor',
  'per-socket': 'per socket',
  'per-instance': 'per instance',
  'per-user': 'per user or seat',
  subscription: 'subscription',
  'consumption-credit': 'consumption credits',
};

/** The unit a required quantity is counted in, singular and plural. */
const METRIC_UNITS: Record<LicenseMetric, [string, string]> = {
  'per-core': ['core license', 'core licenses'],
  'per-vcpu': ['vCPU license', 'vCPU licenses'],
  'per-processor': ['processor license', 'processor licenses'],
  'per-socket': ['socket license', 'socket licenses'],
  'per-instance': ['instance license', 'instance licenses'],
  'per-user': ['seat', 'seats'],
  subscription: ['subscription', 'subscriptions'],
  'consumption-credit': ['credit', 'credits'],
};

export function metricLabel(metric: LicenseMetric): string {
  return METRIC_LABELS[metric] ?? metric;
}

/** `8 core licenses`, `1 seat`. */
export function requiredQuantity(metric: LicenseMetric, quantity: number) {
  const [one, many] = METRIC_UNITS[metric] ?? ['license', 'licenses'];
  return `${quantity} ${quantity === 1 ? one : many}`;
}

type Described = { label: string; tone: ChipTone; explanation: string };

export const MODEL_LABELS: Record<LicenseUsageModel, Described> = {
  byol: {
    label: 'BYOL',
    tone: 'info',
    explanation:
      'Bring your own license: the cloud bills only the infrastructure, so your organisation’s entitlements must cover this use.',
  },
  'license-included': {
    label: 'License included',
    tone: 'default',
    explanation:
      'The license is part of the cloud price: its cost is already in the cloud bill and no entitlement is needed.',
  },
  declared: {
    label: 'Declared',
    tone: 'default',
    explanation:
      'Declared on the entity in its finops-itam.io/licenses annotation, for software that cloud bills do not show. It adds what the entity’s BYOL use in cost data does not already count; license-included use does not reduce it.',
  },
  seat: {
    label: 'Seats',
    tone: 'default',
    explanation:
      'SaaS seats assigned to users, from seat-usage imports. Entitlements must cover them.',
  },
};

export const FLAG_LABELS: Record<LicenseUsageFlag['kind'], Described> = {
  'unauthorized-product': {
    label: 'Unauthorized product',
    tone: 'error',
    explanation:
      'This product is on the blocklist of products the organisation does not allow. Plan its removal with your ITAM team.',
  },
  'byol-not-allowed': {
    label: 'BYOL not allowed here',
    tone: 'error',
    explanation:
      'The license terms do not allow bringing this license to where it runs (provider or tenancy). This is a compliance risk.',
  },
  'reharvest-candidate': {
    label: 'Reharvest candidate',
    tone: 'info',
    explanation:
      'These licenses look unused and could be released for other teams or dropped at renewal.',
  },
  'unknown-size': {
    label: 'Unknown size',
    tone: 'warning',
    explanation:
      'The vCPU or core count of a resource is unknown, so it is not counted: the required quantity may be too low.',
  },
  'core-count-mismatch': {
    label: 'Core count differs',
    tone: 'warning',
    explanation:
      'The cost row’s CoreCount differs from the vCPUs of its instance type (CoreCount may be physical cores). The vCPUs are counted; check the export.',
  },
  'unknown-product': {
    label: 'Unknown product',
    tone: 'warning',
    explanation:
      'The product id is not in the product catalog, so no counting rule or entitlement applies to it. Check the tag or annotation.',
  },
};

export const SOURCE_LABELS: Record<LicenseConsumptionSource, string> = {
  'cost-data': 'cost data',
  catalog: 'catalog annotation',
  'seat-import': 'seat import',
};
