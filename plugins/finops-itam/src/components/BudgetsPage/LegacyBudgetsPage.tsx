import { Content, Header, Page } from '@backstage/core-components';
import { BudgetsPage } from './BudgetsPage';

/**
 * The Budgets page in a legacy app, which gives pages no header of their own; in the new
 * frontend system the page blueprint provides it.
 */
export function LegacyBudgetsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Budgets"
        subtitle="Budget against actual and forecast for every team and service, and cost anomalies"
      />
      <Content>
        <BudgetsPage />
      </Content>
    </Page>
  );
}
