import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { downloadTextFile } from '../../lib/download';
import { budgetsRouteRef } from '../../routes';
import { forbiddenError } from '../../testUtils/apiErrors';
import { makeBudget, makeBudgetStatus } from '../../testUtils/budgetFixtures';
import { mockFinopsItamApi } from '../../testUtils/fixtures';
import { renderWithFinopsApi } from '../../testUtils/renderWithFinopsApi';
import { BudgetsPage } from './BudgetsPage';

jest.mock('../../lib/download', () => ({ downloadTextFile: jest.fn() }));

const page = { '/finops-itam/budgets': budgetsRouteRef };

function entry(
  id: string,
  status: 'on-track' | 'at-risk' | 'over' | 'under',
  forecastVariance: number,
) {
  return makeBudgetStatus({
    budget: makeBudget({ id, entityRef: `component:default/${id}` }),
    status,
    forecastVariance,
  });
}

/** The entity link of each body row, in order. */
function entityOrder(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getByRole('link').textContent ?? '');
}

describe('BudgetsPage, budgets', () => {
  afterEach(() => jest.mocked(downloadTextFile).mockReset());

  it('lists every budget worst status first and re-sorts by status and variance', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockFinopsItamApi();
    api.listBudgets.mockResolvedValue({
      items: [
        entry('alpha', 'on-track', -0.1),
        entry('beta', 'over', 0.3),
        entry('gamma', 'under', -0.4),
        entry('delta', 'at-risk', 0.05),
      ],
    });
    await renderWithFinopsApi(<BudgetsPage />, api, { mountedRoutes: page });

    const table = await screen.findByRole('table', { name: 'Budgets' });
    expect(entityOrder(table)).toEqual(['beta', 'delta', 'gamma', 'alpha']);
    expect(
      within(table)
        .getAllByTestId('finops-itam-budget-status')
        .map(s => s.textContent),
    ).toEqual(['Over', 'At risk', 'Under', 'On track']);

    await user.click(within(table).getByRole('button', { name: 'Variance' }));
    expect(entityOrder(table)).toEqual(['beta', 'delta', 'alpha', 'gamma']);
    expect(
      within(table).getByRole('columnheader', { name: /Variance/ }),
    ).toHaveAttribute('aria-sort', 'descending');

    await user.click(within(table).getByRole('button', { name: 'Variance' }));
    expect(entityOrder(table)).toEqual(['gamma', 'alpha', 'delta', 'beta']);

    await user.click(within(table).getByRole('button', { name: 'Status' }));
    expect(entityOrder(table)).toEqual(['beta', 'delta', 'gamma', 'alpha']);
  });

  it('exports the budgets as CSV', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockFinopsItamApi();
    api.listBudgets.mockResolvedValue({
      items: [entry('beta', 'over', 0.3)],
    });
    await renderWithFinopsApi(<BudgetsPage />, api, { mountedRoutes: page });

    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));

    expect(downloadTextFile).toHaveBeenCalledTimes(1);
    const [fileName, csv] = jest.mocked(downloadTextFile).mock.calls[0];
    expect(fileName).toMatch(/^budgets-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^id,entity,period,/);
    expect(lines[1]).toMatch(
      /^beta,component:default\/beta,quarter,2026-10-01,2027-01-01,all-in,USD,45000\.00,/,
    );
    expect(lines[1]).toContain(',Over,');
  });

  it('says there are no budgets and how to add one', async () => {
    const api = mockFinopsItamApi();
    api.listBudgets.mockResolvedValue({ items: [] });
    await renderWithFinopsApi(<BudgetsPage />, api, { mountedRoutes: page });

    expect(
      await screen.findByText('No budgets for this period'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/finopsItam\.budgets in app-config/),
    ).toBeInTheDocument();
  });

  it('says the user may not read budgets', async () => {
    const api = mockFinopsItamApi();
    api.listBudgets.mockRejectedValue(await forbiddenError('no', '/budgets'));
    await renderWithFinopsApi(<BudgetsPage />, api, { mountedRoutes: page });

    expect(
      await screen.findByText("You don't have access to budgets"),
    ).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const api = mockFinopsItamApi();
    api.listBudgets.mockRejectedValue(new Error('database is down'));
    await renderWithFinopsApi(<BudgetsPage />, api, { mountedRoutes: page });

    expect(
      await screen.findByText(/Could not load the budgets: database is down/),
    ).toBeInTheDocument();
  });
});
