import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PolicyComplianceResponse } from '@finops-itam/plugin-finops-itam-common';
import { DayRange } from '../../database/CostReportStore';
import { GovernancePolicies } from '../policies/GovernancePolicies';
import { ProviderNames } from '../policies/ProviderNames';
import { CatalogOwners } from './CatalogOwners';
import { buildComplianceReport } from './complianceReport';
import { GovernanceCostReader } from './GovernanceCostReader';
import { toGovernanceCostRows } from './governanceCostRows';

const ZERO = /^-?0(\.0*)?$/;

/** `GET /governance/compliance`: running cost of a period judged against the policies. */
export class ComplianceService {
  constructor(
    private readonly options: {
      reader: GovernanceCostReader;
      catalog: Pick<CatalogService, 'getEntities'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      policies: GovernancePolicies;
      names: ProviderNames;
      /** The tag naming a row's license product (`finopsItam.licenses.costData.productTag`). */
      productTag: string;
    },
  ) {}

  async report(days: DayRange): Promise<PolicyComplianceResponse> {
    const { reader, policies, names, productTag } = this.options;
    // Groups costing nothing (commitment purchases in the amortized view, charges and their
    // credits) spend nothing outside policy.
    const groups = (await reader.costGroups(days)).filter(
      group => !ZERO.test(group.effectiveCost),
    );
    const owners = await CatalogOwners.read(this.options);
    const report = buildComplianceReport(
      toGovernanceCostRows(groups, owners, names, productTag),
      policies,
      names,
    );
    return {
      from: days.from,
      to: days.to,
      owners: report.owners,
      // As the onboarding options show them: null allow-lists mean no restriction.
      policies: {
        allowedProviders: policies.allowedProviders,
        allowedRegions: policies.allowedRegions,
        requiredTags: policies.requiredTags,
        requiredTagsByProvider: policies.requiredTagsByProvider,
        blockedProducts: policies.blockedProducts,
        marketplace: policies.marketplace,
        approvedMarketplacePublishers: policies.approvedMarketplacePublishers,
      },
    };
  }
}
