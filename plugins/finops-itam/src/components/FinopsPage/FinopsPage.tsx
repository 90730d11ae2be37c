import { Key, useMemo } from 'react';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import { Box, Flex, Tab, TabList, TabPanel, Tabs } from '@backstage/ui';
import { todayUtc } from '../../lib';
import { AllocationTab } from './AllocationTab';
import { ChargebackTab } from './ChargebackTab';
import { CommitmentsTab } from './CommitmentsTab';
import { ComplianceTab } from './ComplianceTab';
import {
  finopsPeriod,
  isFinopsPeriodChoice,
  LAST_30_DAYS,
  monthOf,
} from './finopsPeriod';
import { FinopsPeriodSelect } from './FinopsPeriodSelect';
import { GlossaryTab } from './GlossaryTab';
import { KpisTab } from './KpisTab';
import { MarketplaceTab } from './MarketplaceTab';
import { UnitEconomicsTab } from './UnitEconomicsTab';

const TABS = [
  { id: 'kpis', label: 'KPIs' },
  { id: 'allocation', label: 'Allocation' },
  { id: 'commitments', label: 'Commitments' },
  { id: 'marketplace', label: 'Marketplace & SaaS' },
  { id: 'compliance', label: 'Compliance' },
  { id: 'chargeback', label: 'Chargeback' },
  { id: 'unit-economics', label: 'Unit economics' },
  { id: 'glossary', label: 'Glossary & accountability' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function tabOf(value: string | null): TabId {
  return TABS.some(tab => tab.id === value) ? (value as TabId) : 'kpis';
}

/**
 * The FinOps page: KPIs with their trend and maturity, allocation, commitments, marketplace
 * and SaaS, policy compliance, the chargeback export, unit economics, and the glossary with
 * the accountability table. The tab and the period live in the query (`?tab=`, `?period=30d`
 * or `YYYY-MM`), so every view has a link; glossary terms are anchors on the glossary tab.
 */
export function FinopsPage() {
  const [params, setParams] = useAppSearchParams();
  // Read once per visit: the page's periods should not move under the user at midnight.
  const today = useMemo(() => todayUtc(), []);
  const tab = tabOf(params.get('tab'));
  const periodParam = params.get('period');
  const choice = isFinopsPeriodChoice(periodParam, today)
    ? periodParam
    : LAST_30_DAYS;
  const period = useMemo(() => finopsPeriod(choice, today), [choice, today]);

  const setQuery = (next: { tab?: string; period?: string }) => {
    const query: Record<string, string> = {};
    const nextTab = next.tab ?? tab;
    const nextPeriod = next.period ?? choice;
    if (nextTab !== 'kpis') query.tab = nextTab;
    if (nextPeriod !== LAST_30_DAYS) query.period = nextPeriod;
    setParams(query);
  };

  return (
    <Box p="4">
      <Flex direction="column" gap="3">
        {tab !== 'glossary' && tab !== 'chargeback' && (
          <Flex justify="end">
            <FinopsPeriodSelect
              value={choice}
              today={today}
              onChange={next => setQuery({ period: next })}
            />
          </Flex>
        )}
        <Tabs
          selectedKey={tab}
          onSelectionChange={(key: Key) => setQuery({ tab: String(key) })}
        >
          <TabList aria-label="FinOps">
            {TABS.map(t => (
              <Tab key={t.id} id={t.id}>
                {t.label}
              </Tab>
            ))}
          </TabList>
          <TabPanel id="kpis">
            <KpisTab period={period} today={today} />
          </TabPanel>
          <TabPanel id="allocation">
            <AllocationTab period={period} />
          </TabPanel>
          <TabPanel id="commitments">
            <CommitmentsTab period={period} />
          </TabPanel>
          <TabPanel id="marketplace">
            <MarketplaceTab period={period} />
          </TabPanel>
          <TabPanel id="compliance">
            <ComplianceTab period={period} />
          </TabPanel>
          <TabPanel id="chargeback">
            <ChargebackTab
              today={today}
              month={choice === LAST_30_DAYS ? monthOf(today) : choice}
            />
          </TabPanel>
          <TabPanel id="unit-economics">
            <UnitEconomicsTab period={period} />
          </TabPanel>
          <TabPanel id="glossary">
            <GlossaryTab />
          </TabPanel>
        </Tabs>
      </Flex>
    </Box>
  );
}
