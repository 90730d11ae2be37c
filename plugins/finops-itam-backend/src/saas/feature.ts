import { FinopsItamFeatureFactory } from '../feature/FinopsItamFeature';
import { DEFAULT_COST_DATA_SETTINGS } from '../licenses/licenseConfig';
import { createSaasRoutes } from '../routes/saas';
import { readSaasContracts } from './saasConfig';
import { SaasContractService } from './SaasContractService';

/**
 * SaaS contracts (`GET /saas/contracts`): prepaid commitments drawn down by the cost rows
 * they match, consumption-based ones against their contracted run rate. The contracts are
 * read from `finopsItam.saas.contracts` at start-up, so a mistake stops the backend.
 */
export const createSaasFeature: FinopsItamFeatureFactory = core => {
  const { config, stores, requirePermission } = core;
  const contracts = new SaasContractService({
    contracts: readSaasContracts(config),
    store: stores.saasConsumption,
    productTag:
      config.getOptionalString('finopsItam.licenses.costData.productTag') ??
      DEFAULT_COST_DATA_SETTINGS.productTag,
  });
  return {
    id: 'saas',
    routes: [
      {
        mount: router =>
          router.use(createSaasRoutes({ contracts, requirePermission })),
      },
    ],
  };
};
