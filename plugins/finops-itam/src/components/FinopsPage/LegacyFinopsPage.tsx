import { Content, Header, Page } from '@backstage/core-components';
import { FinopsPage } from './FinopsPage';

/**
 * The FinOps page in a legacy app, which gives pages no header of their own; in the new
 * frontend system the page blueprint provides it.
 */
export function LegacyFinopsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="FinOps"
        subtitle="Savings, commitments, allocation, marketplace and SaaS, compliance, chargeback and unit economics"
      />
      <Content>
        <FinopsPage />
      </Content>
    </Page>
  );
}
