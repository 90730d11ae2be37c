import { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { FinopsItamApi, finopsItamApiRef } from '../../api';
import {
  makeBudget,
  makeBudgetStatus,
  makeNoBudget,
} from '../../testUtils/budgetFixtures';
import { forbiddenError } from '../../testUtils/apiErrors';
import { mockFinopsItamApi } from '../../testUtils/fixtures';
import { accountabilityFixture } from '../../testUtils/glossaryFixtures';
import { usd } from '../../testUtils/usd';
import { EntityGroupBudgetCard } from './EntityGroupBudgetCard';
import { EntityGroupBudgetsContent } from './EntityGroupBudgetsContent';

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-checkout', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const teamBudget = makeBudgetStatus({
  status: 'at-risk',
  unbudgeted: { amount: '33000.00', currency: 'USD' },
});
const serviceBudget = (name: string, status: 'over' | 'on-track') =>
  makeBudgetStatus({
    budget: makeBudget({
      id: `${name}-q4`,
      entityRef: `component:default/${name}`,
      amount: '6000.00',
    }),
    status,
  });
const otherTeamsBudget = makeBudgetStatus({
  budget: makeBudget({
    id: 'payments-q4',
    entityRef: 'component:default/payments-api',
  }),
});

async function render(
  element: JSX.Element,
  api: FinopsItamApi,
  owned: string[] = [],
) {
  const catalogApi = catalogApiMock.mock({
    getEntities: jest.fn(async () => ({
      items: owned.map(name => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name, namespace: 'default' },
      })),
    })),
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [finopsItamApiRef, api],
        [catalogApiRef, catalogApi],
      ]}
    >
      <EntityProvider entity={team}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return catalogApi;
}

describe('EntityGroupBudgetsContent', () => {
  it("lists the team's budget with the unbudgeted part and its services' budgets", async () => {
    const api = mockFinopsItamApi();
    api.listBudgets.mockResolvedValue({
      items: [
        serviceBudget('checkout-api', 'on-track'),
        teamBudget,
        otherTeamsBudget,
        serviceBudget('Cart-Web', 'over'),
      ],
    });
    const catalogApi = await render(<EntityGroupBudgetsContent />, api, [
      'checkout-api',
      'cart-web',
    ]);

    const table = await screen.findByRole('table', {
      name: 'Budgets of the services of team-checkout',
    });
    expect(catalogApi.getEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: { 'relations.ownedBy': 'group:default/team-checkout' },
      }),
    );
    const rows = within(table).getAllByRole('row').slice(1);
    // Worst status first; the other team's budget is not listed.
    expect(rows.map(row => within(row).getByRole('link').textContent)).toEqual([
      'Cart-Web',
      'checkout-api',
    ]);
    expect(within(rows[0]).getByText('Over')).toBeInTheDocument();

    const teamCard = screen
      .getByRole('heading', { name: 'Budget of team-checkout' })
      .closest('.MuiCard-root') as HTMLElement;
    expect(within(teamCard).getByText('At risk')).toBeInTheDocument();
    expect(within(teamCard).getByText('Unbudgeted')).toBeInTheDocument();
    expect(within(teamCard).getByText(usd('33000.00'))).toBeInTheDocument();
  });

  it("says who decides the team's budget and who is consulted", async () => {
    const api = mockFinopsItamApi();
    api.listBudgets.mockResolvedValue({ items: [teamBudget] });
    api.getAccountability.mockResolvedValue(accountabilityFixture);
    await render(<EntityGroupBudgetsContent />, api);

    expect(
      await screen.findByTestId('finops-itam-accountable'),
    ).toHaveTextContent(
      'Accountable: Owner (team-a); consulted: Finance (finance), FinOps team',
    );
    expect(api.getAccountability).toHaveBeenCalledWith({
      ownerRef: 'group:default/team-checkout',
    });
  });

  it('says when neither the team nor its services have a budget', async () => {
    const api = mockFinopsItamApi();
    api.listBudgets.mockResolvedValue({ items: [otherTeamsBudget] });
    await render(<EntityGroupBudgetsContent />, api, ['checkout-api']);

    expect(await screen.findByText('No budget')).toBeInTheDocument();
    expect(
      screen.getByText(/None of the entities team-checkout owns has a budget/),
    ).toBeInTheDocument();
  });

  it('says the user may not read budgets', async () => {
    const api = mockFinopsItamApi();
    api.listBudgets.mockRejectedValue(await forbiddenError('no', '/budgets'));
    await render(<EntityGroupBudgetsContent />, api);

    expect(
      await screen.findByText("You don't have access to budgets"),
    ).toBeInTheDocument();
  });
});

describe('EntityGroupBudgetCard', () => {
  it("shows the team's actual, forecast, budget and status under the heading Budget", async () => {
    const api = mockFinopsItamApi();
    api.getEntityBudget.mockResolvedValue({
      entityRef: 'group:default/team-checkout',
      ...teamBudget,
    });
    await render(<EntityGroupBudgetCard />, api);

    const heading = await screen.findByRole('heading', { name: 'Budget' });
    const card = heading.closest('.MuiCard-root') as HTMLElement;
    expect(await within(card).findByText('At risk')).toBeInTheDocument();
    expect(within(card).getByText(usd('45000.00'))).toBeInTheDocument();
    expect(within(card).getByText(usd('30000.00'))).toBeInTheDocument();
    expect(api.getEntityBudget).toHaveBeenCalledWith({
      kind: 'Group',
      namespace: 'default',
      name: 'team-checkout',
    });
  });

  it('says the team has no budget', async () => {
    const api = mockFinopsItamApi();
    api.getEntityBudget.mockResolvedValue(
      makeNoBudget('group:default/team-checkout'),
    );
    await render(<EntityGroupBudgetCard />, api);

    expect(await screen.findByText('No budget')).toBeInTheDocument();
  });
});
