import { Key } from 'react';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import { Box, Tab, TabList, TabPanel, Tabs } from '@backstage/ui';
import { ComplianceRisksTab } from '../ComplianceRisksTab';
import { LicensePositionTab } from '../LicensePositionTab';
import { ReharvestTab } from '../ReharvestTab';
import { OnboardingTab } from './OnboardingTab';

const TABS = ['onboarding', 'position', 'compliance', 'reharvest'] as const;
type TabId = (typeof TABS)[number];

function tabOf(value: string | null): TabId {
  return TABS.includes(value as TabId) ? (value as TabId) : 'onboarding';
}

/**
 * The ITAM page: the onboarding queue and requests, the license position, compliance risks
 * and reharvest candidates. The tab and the open request live in the query (`?tab=`,
 * `?request=<id>`, `?new=1&entityRef=<ref>`), so every view has a link.
 */
export function ItamPage() {
  const [params, setParams] = useAppSearchParams();
  const requestId = params.get('request') ?? undefined;
  const newFor =
    params.get('new') === '1' ? params.get('entityRef') ?? '' : undefined;
  // A request or the filing form is on the Onboarding tab, whatever `tab` says.
  const tab: TabId =
    requestId || newFor !== undefined ? 'onboarding' : tabOf(params.get('tab'));

  return (
    <Box p="4">
      <Tabs
        selectedKey={tab}
        onSelectionChange={(key: Key) =>
          setParams(key === 'onboarding' ? {} : { tab: String(key) })
        }
      >
        <TabList aria-label="ITAM">
          <Tab id="onboarding">Onboarding</Tab>
          <Tab id="position">License position</Tab>
          <Tab id="compliance">Compliance risks</Tab>
          <Tab id="reharvest">Reharvest</Tab>
        </TabList>
        <TabPanel id="onboarding">
          <OnboardingTab
            requestId={requestId}
            newFor={newFor}
            onOpen={id => setParams({ request: id })}
            onNew={() => setParams({ new: '1' })}
            onClose={() => setParams({})}
          />
        </TabPanel>
        <TabPanel id="position">
          <LicensePositionTab />
        </TabPanel>
        <TabPanel id="compliance">
          <ComplianceRisksTab />
        </TabPanel>
        <TabPanel id="reharvest">
          <ReharvestTab />
        </TabPanel>
      </Tabs>
    </Box>
  );
}
