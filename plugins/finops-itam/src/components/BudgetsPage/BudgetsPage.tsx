import { Key } from 'react';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import { Box, Tab, TabList, TabPanel, Tabs } from '@backstage/ui';
import { AnomalyStatus } from '@finops-itam/plugin-finops-itam-common';
import { AnomaliesTab } from './AnomaliesTab';
import { AnomalyFilterValues } from './AnomalyFilters';
import { isAnomalyPeriod } from './anomalyPeriods';
import { BudgetsTab } from './BudgetsTab';

const STATUSES: AnomalyStatus[] = ['open', 'acknowledged', 'resolved'];

function filtersOf(params: URLSearchParams): AnomalyFilterValues {
  const status = params.get('status');
  const period = params.get('period');
  return {
    status: STATUSES.includes(status as AnomalyStatus)
      ? (status as AnomalyStatus)
      : undefined,
    entityRef: params.get('entityRef') || undefined,
    period: isAnomalyPeriod(period) ? period : '90d',
  };
}

/**
 * The Budgets page for FinOps: every budget with its status, and the anomalies with their
 * status actions. The tab and the anomaly filters live in the query (`?tab=anomalies`,
 * `status`, `entityRef`, `period`), so every view has a link.
 */
export function BudgetsPage() {
  const [params, setParams] = useAppSearchParams();
  const tab = params.get('tab') === 'anomalies' ? 'anomalies' : 'budgets';

  const setFilters = (next: AnomalyFilterValues) => {
    const query: Record<string, string> = { tab: 'anomalies' };
    if (next.status) query.status = next.status;
    if (next.entityRef) query.entityRef = next.entityRef;
    if (next.period !== '90d') query.period = next.period;
    setParams(query);
  };

  return (
    <Box p="4">
      <Tabs
        selectedKey={tab}
        onSelectionChange={(key: Key) =>
          setParams(key === 'budgets' ? {} : { tab: String(key) })
        }
      >
        <TabList aria-label="Budgets and anomalies">
          <Tab id="budgets">Budgets</Tab>
          <Tab id="anomalies">Anomalies</Tab>
        </TabList>
        <TabPanel id="budgets">
          <BudgetsTab />
        </TabPanel>
        <TabPanel id="anomalies">
          <AnomaliesTab
            filters={filtersOf(params)}
            onFiltersChange={setFilters}
          />
        </TabPanel>
      </Tabs>
    </Box>
  );
}
