import { useApi } from '@backstage/core-plugin-api';
import { Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { addDays, CostPeriod } from '../../lib';
import { GlossaryTerm } from '../GlossaryTerm';
import { AsyncContent } from './AsyncContent';
import { MarketplaceTable } from './MarketplaceTable';
import { SaasContractsTable } from './SaasContractsTable';

/**
 * Marketplace spend of the period per seller, and the SaaS contracts as of the period's last
 * day, each loaded on its own so one failing does not hide the other.
 */
export function MarketplaceTab(props: { period: CostPeriod }) {
  const { period } = props;
  const api = useApi(finopsItamApiRef);
  const asOf = addDays(period.to, -1);
  const marketplace = useAsync(
    () => api.getMarketplaceSpend(period),
    [api, period.from, period.to],
  );
  const contracts = useAsync(
    () => api.listSaasContracts({ asOf }),
    [api, asOf],
  );

  return (
    <Flex direction="column" gap="4">
      <Text as="h2" variant="title-small">
        <GlossaryTerm term="marketplace-purchase">
          Marketplace purchases
        </GlossaryTerm>
      </Text>
      <AsyncContent state={marketplace} what="marketplace spend">
        {answer => <MarketplaceTable marketplace={answer} />}
      </AsyncContent>
      <Text as="h2" variant="title-small">
        SaaS contracts
      </Text>
      <AsyncContent state={contracts} what="SaaS contracts">
        {answer => (
          <>
            <Text as="p" variant="body-small" color="secondary">
              {`As of ${answer.asOf}. `}
              <GlossaryTerm term="saas-drawdown">
                Prepaid drawdown
              </GlossaryTerm>{' '}
              against the commitment;{' '}
              <GlossaryTerm term="consumption-based-saas">
                consumption-based
              </GlossaryTerm>{' '}
              contracts against their contracted run rate.
            </Text>
            <SaasContractsTable contracts={answer.items} />
          </>
        )}
      </AsyncContent>
    </Flex>
  );
}
