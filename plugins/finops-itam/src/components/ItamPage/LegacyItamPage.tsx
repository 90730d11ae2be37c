import { Content, Header, Page } from '@backstage/core-components';
import { ItamPage } from './ItamPage';

/**
 * The ITAM page in a legacy app, which gives pages no header of their own; in the new
 * frontend system the page blueprint provides it.
 */
export function LegacyItamPage() {
  return (
    <Page themeId="tool">
      <Header
        title="ITAM"
        subtitle="Workload onboarding, license position, compliance risks and reharvest"
      />
      <Content>
        <ItamPage />
      </Content>
    </Page>
  );
}
