import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import finopsItamPlugin from './alpha';
import { finopsItamApiRef } from './api';
import { makeNoBudget } from './testUtils/budgetFixtures';
import { makeEntity, mockFinopsItamApi } from './testUtils/fixtures';
import { makeGroup } from './testUtils/teamCostFixtures';

// A cold compile of a lazily loaded page can take longer than the default second.
const LAZY_LOAD = { timeout: 10_000 };

describe('finops-itam plugin budget extensions (new frontend system)', () => {
  const budgetsPage = finopsItamPlugin.getExtension('page:finops-itam/budgets');
  const groupBudgets = finopsItamPlugin.getExtension(
    'entity-content:finops-itam/group-budgets',
  );
  const groupBudgetCard = finopsItamPlugin.getExtension(
    'entity-card:finops-itam/group-budget',
  );

  it('mounts the Budgets page at /finops-itam/budgets with a title and icon for the sidebar', () => {
    const tester = createExtensionTester(budgetsPage);
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/finops-itam/budgets',
    );
    expect(tester.get(coreExtensionData.title)).toBe('Budgets');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
    expect(tester.get(coreExtensionData.routeRef)).toBeDefined();
  });

  it('renders the Budgets page with its Budgets and Anomalies tabs', async () => {
    const api = mockFinopsItamApi();
    api.listBudgets.mockResolvedValue({ items: [] });

    renderInTestApp(createExtensionTester(budgetsPage).reactElement(), {
      apis: [[finopsItamApiRef, api]],
    });

    expect(
      await screen.findByRole('tab', { name: 'Budgets' }, LAZY_LOAD),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Anomalies' })).toBeInTheDocument();
    expect(
      await screen.findByText('No budgets for this period'),
    ).toBeInTheDocument();
  });

  it('mounts the Budgets tab at "budgets" and the Budget card in the info column, on Groups only', () => {
    const tab = createExtensionTester(groupBudgets);
    expect(tab.get(coreExtensionData.routePath)).toBe('budgets');
    expect(tab.get(EntityContentBlueprint.dataRefs.title)).toBe('Budgets');
    const tabAppliesTo = tab.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    expect(tabAppliesTo?.(makeGroup())).toBe(true);
    expect(tabAppliesTo?.(makeEntity({ kind: 'Component' }))).toBe(false);

    const card = createExtensionTester(groupBudgetCard);
    expect(card.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
    const cardAppliesTo = card.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(cardAppliesTo?.(makeGroup())).toBe(true);
    expect(cardAppliesTo?.(makeEntity({ kind: 'Component' }))).toBe(false);
  });

  it('renders the Budget card of a group', async () => {
    const api = mockFinopsItamApi();
    api.getEntityBudget.mockResolvedValue(
      makeNoBudget('group:default/team-checkout'),
    );

    renderInTestApp(
      <EntityProvider entity={makeGroup('team-checkout')}>
        {createExtensionTester(groupBudgetCard).reactElement()}
      </EntityProvider>,
      { apis: [[finopsItamApiRef, api]] },
    );

    expect(
      await screen.findByRole('heading', { name: 'Budget' }, LAZY_LOAD),
    ).toBeInTheDocument();
    expect(await screen.findByText('No budget')).toBeInTheDocument();
  });
});
