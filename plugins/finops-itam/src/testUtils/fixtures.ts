import { Entity } from '@backstage/catalog-model';
import {
  EntityCostResponse,
  HealthResponse,
} from '@finops-itam/plugin-finops-itam-common';
import { FinopsItamApi } from '../api';

/** A catalog entity for tests, with the given kind and annotations. */
export function makeEntity(options: {
  name?: string;
  kind?: string;
  annotations?: Record<string, string>;
}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: options.kind ?? 'Component',
    metadata: {
      name: options.name ?? 'checkout',
      annotations: options.annotations ?? {},
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

export const healthyBackend: HealthResponse = {
  status: 'ok',
  version: '0.1.0',
  database: 'sqlite',
};

/** The cost of an entity with no cost rows mapped to it, as the backend answers it. */
export function makeCost(
  overrides: Partial<EntityCostResponse> = {},
): EntityCostResponse {
  return {
    entityRef: 'component:default/checkout',
    currency: null,
    from: '2026-10-28',
    to: '2026-11-27',
    basis: 'amortized',
    granularity: 'day',
    total: '0',
    direct: '0',
    shared: '0',
    licenses: '0',
    series: [],
    byService: [],
    byChargeCategory: [],
    mapping: { mapped: false, annotations: {} },
    allocation: { state: 'current', lastRunAt: '2026-11-27T06:00:00.000Z' },
    ...overrides,
  };
}

/** The cost of a mapped entity with cloud and shared cost in USD. */
export function makeMappedCost(
  overrides: Partial<EntityCostResponse> = {},
): EntityCostResponse {
  return makeCost({
    currency: 'USD',
    total: '1234.56',
    direct: '1034.56',
    shared: '200',
    licenses: '0',
    byService: [
      {
        serviceName: 'Amazon Simple Storage Service',
        serviceCategory: 'Storage',
        total: '234.56',
      },
      {
        serviceName: 'Amazon Elastic Compute Cloud',
        serviceCategory: 'Compute',
        total: '1000',
      },
      { serviceName: null, serviceCategory: null, total: '0.5' },
    ],
    mapping: {
      mapped: true,
      annotations: { 'finops-itam.io/cost-tags': 'application=checkout' },
    },
    ...overrides,
  });
}

/**
 * A FinopsItamApi whose health check and cost answer with the given promises; by default
 * a healthy backend and an entity with nothing mapped to it.
 */
export function mockFinopsItamApi(
  health: () => Promise<HealthResponse> = async () => healthyBackend,
  cost: FinopsItamApi['getEntityCost'] = async () => makeCost(),
): jest.Mocked<FinopsItamApi> {
  return {
    getHealth: jest.fn(health),
    getEntityCost: jest.fn(cost),
    getUnitCost: jest.fn(notStubbed('getUnitCost')),
    getEntityLicenses: jest.fn(notStubbed('getEntityLicenses')),
    getTeamCost: jest.fn(notStubbed('getTeamCost')),
    getCostSources: jest.fn(notStubbed('getCostSources')),
    getLicensePosition: jest.fn(notStubbed('getLicensePosition')),
    getLicenseReharvest: jest.fn(notStubbed('getLicenseReharvest')),
    getLicenseComplianceRisks: jest.fn(notStubbed('getLicenseComplianceRisks')),
    listOnboardingRequests: jest.fn(notStubbed('listOnboardingRequests')),
    getOnboardingRequest: jest.fn(notStubbed('getOnboardingRequest')),
    createOnboardingRequest: jest.fn(notStubbed('createOnboardingRequest')),
    updateOnboardingRequest: jest.fn(notStubbed('updateOnboardingRequest')),
    decideOnboardingRequest: jest.fn(notStubbed('decideOnboardingRequest')),
    getOnboardingOptions: jest.fn(notStubbed('getOnboardingOptions')),
    getEntityOnboarding: jest.fn(notStubbed('getEntityOnboarding')),
    listBudgets: jest.fn(notStubbed('listBudgets')),
    putBudgets: jest.fn(notStubbed('putBudgets')),
    deleteBudget: jest.fn(notStubbed('deleteBudget')),
    getEntityBudget: jest.fn(notStubbed('getEntityBudget')),
    getEntityForecast: jest.fn(notStubbed('getEntityForecast')),
    listAnomalies: jest.fn(notStubbed('listAnomalies')),
    setAnomalyStatus: jest.fn(notStubbed('setAnomalyStatus')),
    getKpis: jest.fn(notStubbed('getKpis')),
    getAllocationCoverage: jest.fn(notStubbed('getAllocationCoverage')),
    getUnallocated: jest.fn(notStubbed('getUnallocated')),
    getChargebackCsv: jest.fn(notStubbed('getChargebackCsv')),
    listCommitments: jest.fn(notStubbed('listCommitments')),
    getMarketplaceSpend: jest.fn(notStubbed('getMarketplaceSpend')),
    listSaasContracts: jest.fn(notStubbed('listSaasContracts')),
    getPolicyCompliance: jest.fn(notStubbed('getPolicyCompliance')),
    getUnitEconomics: jest.fn(notStubbed('getUnitEconomics')),
    getGlossary: jest.fn(notStubbed('getGlossary')),
    getAccountability: jest.fn(notStubbed('getAccountability')),
  };
}

/** A mock method that fails loudly, so a test that forgets to stub it cannot pass by accident. */
function notStubbed<K extends keyof FinopsItamApi>(
  method: K,
): jest.MockedFunction<FinopsItamApi[K]> {
  const fail = jest.fn(async () => {
    throw new Error(`${method} is not stubbed in this test`);
  });
  return fail as unknown as jest.MockedFunction<FinopsItamApi[K]>;
}
