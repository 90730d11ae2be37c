import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Flex, Text } from '@backstage/ui';
import { KpiGroup, KpiGroupBy } from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { CostPeriod } from '../../lib';
import { SimpleSelect } from '../FormFields';
import { AsyncContent } from './AsyncContent';
import { KpiSetTable } from './KpiSetTable';

const GROUPINGS: Record<KpiGroupBy, { label: string; none: string }> = {
  provider: { label: 'Provider', none: 'No provider named' },
  billingAccount: { label: 'Billing account', none: 'No billing account' },
  team: { label: 'Team', none: 'Unallocated' },
};

function rowOf(group: KpiGroup, groupBy: KpiGroupBy) {
  return {
    ...group,
    id: group.key ?? '',
    label: group.key ?? GROUPINGS[groupBy].none,
  };
}

/** The KPIs per provider, billing account or team, in the main currency of the period. */
export function KpiGroups(props: { period: CostPeriod }) {
  const { period } = props;
  const api = useApi(finopsItamApiRef);
  const [groupBy, setGroupBy] = useState<KpiGroupBy>('provider');
  const state = useAsync(
    () => api.getKpis({ from: period.from, to: period.to, groupBy }),
    [api, period.from, period.to, groupBy],
  );
  const { label } = GROUPINGS[groupBy];

  return (
    <Flex direction="column" gap="2">
      <Flex justify="between" align="end" gap="3">
        <Text as="h3" variant="title-x-small">
          By {label.toLowerCase()}
        </Text>
        <SimpleSelect
          label="Group by"
          value={groupBy}
          choices={(Object.keys(GROUPINGS) as KpiGroupBy[]).map(id => ({
            id,
            label: GROUPINGS[id].label,
          }))}
          onChange={id => setGroupBy((id || 'provider') as KpiGroupBy)}
        />
      </Flex>
      <AsyncContent state={state} what="the KPIs per group">
        {kpis => (
          <>
            {kpis.currency && (
              <Text as="p" variant="body-small" color="secondary">
                {`In ${kpis.currency}; other currencies are not included.`}
              </Text>
            )}
            <KpiSetTable
              label={`KPIs by ${label.toLowerCase()}`}
              keyLabel={label}
              rows={(kpis.groups ?? []).map(group => rowOf(group, groupBy))}
              empty="No cost in this period to group."
            />
          </>
        )}
      </AsyncContent>
    </Flex>
  );
}
