import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { CostPeriod, formatPeriod } from '../../lib';
import { AsyncContent } from './AsyncContent';
import { KpiCards } from './KpiCards';
import { KpiGroups } from './KpiGroups';
import { KpiSetTable } from './KpiSetTable';
import { KpiTrend } from './KpiTrend';

/**
 * The FinOps KPIs of the period in its main currency, the other currencies apart (never
 * converted or added), the six-month trend and the KPIs per group.
 */
export function KpisTab(props: { period: CostPeriod; today: string }) {
  const { period, today } = props;
  const api = useApi(finopsItamApiRef);
  const state = useAsync(
    () => api.getKpis({ from: period.from, to: period.to }),
    [api, period.from, period.to],
  );

  return (
    <AsyncContent state={state} what="the KPIs">
      {kpis =>
        kpis.currency === null ? (
          <EmptyState
            missing="data"
            title="No cost in this period"
            description="The KPIs need cost data: check that a cost source is configured under finopsItam.sources and has ingested, or pick another period."
          />
        ) : (
          <Flex direction="column" gap="4">
            <Text as="p" variant="body-medium" color="secondary">
              {`${formatPeriod(kpis.from, kpis.to)}, usage rows in ${
                kpis.currency
              }, commitment purchases excluded.`}
            </Text>
            <KpiCards kpis={kpis} currency={kpis.currency} />
            {kpis.otherCurrencies.length > 0 && (
              <Flex direction="column" gap="2">
                <Text as="h3" variant="title-x-small">
                  {`Other currencies, not converted and not added to ${kpis.currency}`}
                </Text>
                <KpiSetTable
                  label="KPIs in other currencies"
                  keyLabel="Currency"
                  rows={kpis.otherCurrencies.map(other => ({
                    ...other,
                    id: other.currency,
                    label: other.currency,
                  }))}
                  empty="No other currency."
                />
              </Flex>
            )}
            <KpiTrend period={period} today={today} />
            <KpiGroups period={period} />
          </Flex>
        )
      }
    </AsyncContent>
  );
}
