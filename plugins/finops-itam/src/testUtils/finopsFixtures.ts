import {
  Kpi,
  KpiResponse,
  KpiSet,
} from '@finops-itam/plugin-finops-itam-common';

function kpi(
  numerator: string,
  denominator: string,
  value: string | null,
  notCovered = '0',
): Kpi {
  return { value, numerator, denominator, notCovered };
}

/**
 * KPIs in USD with hand-computed ratios: 250 / 1000 saved against list (25.0 %), 50 / 800
 * against contracted (6.25 %, shown 6.3 %) with $12.50 not covered, 720 / 744 hours used
 * (96.8 %), 600 / 750 covered (80.0 %), 24 / 744 wasted (3.2 %), 895 / 1000 allocated
 * (89.5 %, Crawl: just short of Run).
 */
export function makeKpiSet(overrides: Partial<KpiSet> = {}): KpiSet {
  return {
    effectiveSavingsRate: {
      againstList: kpi('250', '1000', '0.25'),
      againstContracted: kpi('50', '800', '0.0625', '12.5'),
    },
    commitmentUtilization: {
      ...kpi('720', '744', '0.967741935483870967741935483871'),
      unit: 'Hours',
    },
    commitmentCoverage: {
      ...kpi('600', '750', '0.8'),
      eligibility: {
        decidedBy: ['serviceCategories'],
        eligibleServiceCategories: ['Compute', 'Databases'],
      },
    },
    commitmentWaste: kpi('24', '744', '0.032258064516129032258064516129'),
    allocationCoverage: kpi('895', '1000', '0.895'),
    ...overrides,
  };
}

/** The answer of `GET /kpis` for a period with USD cost and some EUR cost apart. */
export function makeKpis(overrides: Partial<KpiResponse> = {}): KpiResponse {
  return {
    ...makeKpiSet(),
    from: '2026-10-28',
    to: '2026-11-27',
    currency: 'USD',
    otherCurrencies: [
      {
        ...makeKpiSet({
          effectiveSavingsRate: {
            againstList: kpi('10', '40', '0.25'),
            againstContracted: kpi('0', '30', '0'),
          },
          allocationCoverage: kpi('7', '40', '0.175'),
        }),
        currency: 'EUR',
      },
    ],
    ...overrides,
  };
}

/** A period without cost, as the backend answers it. */
export function makeEmptyKpis(): KpiResponse {
  const none = kpi('0', '0', null);
  return {
    effectiveSavingsRate: { againstList: none, againstContracted: none },
    commitmentUtilization: { ...none, unit: null },
    commitmentCoverage: {
      ...none,
      eligibility: { decidedBy: [], eligibleServiceCategories: [] },
    },
    commitmentWaste: none,
    allocationCoverage: none,
    from: '2026-10-28',
    to: '2026-11-27',
    currency: null,
    otherCurrencies: [],
  };
}

export { kpi as makeKpi };
