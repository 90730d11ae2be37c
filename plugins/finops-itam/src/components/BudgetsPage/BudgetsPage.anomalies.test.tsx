import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { UserEvent } from '@testing-library/user-event';
import { Anomaly } from '@finops-itam/plugin-finops-itam-common';
import { budgetsRouteRef } from '../../routes';
import { makeAnomaly } from '../../testUtils/budgetFixtures';
import { mockFinopsItamApi } from '../../testUtils/fixtures';
import { renderWithFinopsApi } from '../../testUtils/renderWithFinopsApi';
import { usd } from '../../testUtils/usd';
import { BudgetsPage } from './BudgetsPage';
import { anomalyPeriodDays } from './anomalyPeriods';

const page = { '/finops-itam/budgets': budgetsRouteRef };

/** An API whose anomaly list is `items` and whose status change answers the changed anomaly. */
function apiWith(items: Anomaly[]) {
  const api = mockFinopsItamApi();
  api.listAnomalies.mockResolvedValue({ items });
  api.setAnomalyStatus.mockImplementation(async (id, input) => ({
    ...items.find(item => item.id === id)!,
    status: input.status,
    resolution: input.resolution ?? null,
    note: input.note ?? null,
  }));
  return api;
}

async function openAnomaly(user: UserEvent, day: string) {
  const table = await screen.findByRole('grid', { name: 'Anomalies' });
  await user.click(within(table).getByRole('row', { name: new RegExp(day) }));
  return screen.findByRole('dialog');
}

describe('BudgetsPage, anomalies', () => {
  it('lists the anomalies of the last 90 days with their impact and status', async () => {
    const api = apiWith([
      makeAnomaly(),
      makeAnomaly({
        id: 'anomaly-2',
        date: '2026-11-10',
        lastDate: '2026-11-10',
        status: 'resolved',
        resolution: 'false-positive',
      }),
    ]);
    await renderWithFinopsApi(<BudgetsPage />, api, {
      routeEntries: ['/?tab=anomalies'],
      mountedRoutes: page,
    });

    const table = await screen.findByRole('grid', { name: 'Anomalies' });
    expect(api.listAnomalies).toHaveBeenCalledWith({
      ...anomalyPeriodDays('90d'),
      status: undefined,
      entityRef: undefined,
    });
    const first = within(table).getByRole('row', { name: /2026-11-18/ });
    expect(within(first).getByText(`+${usd('100.00')}`)).toBeInTheDocument();
    expect(
      within(first).getByText('mostly Amazon DynamoDB'),
    ).toBeInTheDocument();
    expect(within(first).getByText('Open')).toBeInTheDocument();
    const second = within(table).getByRole('row', { name: /2026-11-10/ });
    expect(
      within(second).getByText('Resolved: false positive'),
    ).toBeInTheDocument();
  });

  it('filters by status, period and entity from the query and the filters', async () => {
    const user = userEvent.setup({ delay: null });
    const api = apiWith([]);
    await renderWithFinopsApi(<BudgetsPage />, api, {
      routeEntries: ['/?tab=anomalies&status=open&period=30d'],
      mountedRoutes: page,
    });

    expect(
      await screen.findByText(/No anomalies match these filters/),
    ).toBeInTheDocument();
    expect(api.listAnomalies).toHaveBeenLastCalledWith({
      ...anomalyPeriodDays('30d'),
      status: 'open',
      entityRef: undefined,
    });

    await user.type(
      screen.getByRole('textbox', { name: 'Entity' }),
      'component:default/checkout',
    );
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    await screen.findByText(/No anomalies match these filters/);
    expect(api.listAnomalies).toHaveBeenLastCalledWith({
      ...anomalyPeriodDays('30d'),
      status: 'open',
      entityRef: 'component:default/checkout',
    });
  });

  it('asks again when a status or period is chosen', async () => {
    const user = userEvent.setup({ delay: null });
    const api = apiWith([]);
    await renderWithFinopsApi(<BudgetsPage />, api, {
      routeEntries: ['/?tab=anomalies'],
      mountedRoutes: page,
    });
    await screen.findByText(/No anomalies match these filters/);

    await user.click(screen.getByRole('button', { name: /All statuses/ }));
    await user.click(await screen.findByRole('option', { name: 'Resolved' }));
    await screen.findByText(/No anomalies match these filters/);
    expect(api.listAnomalies).toHaveBeenLastCalledWith({
      ...anomalyPeriodDays('90d'),
      status: 'resolved',
      entityRef: undefined,
    });

    await user.click(screen.getByRole('button', { name: /Last 90 days/ }));
    await user.click(
      await screen.findByRole('option', { name: 'Last 12 months' }),
    );
    await screen.findByText(/No anomalies match these filters/);
    expect(api.listAnomalies).toHaveBeenLastCalledWith({
      ...anomalyPeriodDays('12m'),
      status: 'resolved',
      entityRef: undefined,
    });
  });

  it('acknowledges an open anomaly', async () => {
    const user = userEvent.setup({ delay: null });
    const api = apiWith([makeAnomaly()]);
    await renderWithFinopsApi(<BudgetsPage />, api, {
      routeEntries: ['/?tab=anomalies'],
      mountedRoutes: page,
    });

    const dialog = await openAnomaly(user, '2026-11-18');
    expect(
      within(dialog).queryByRole('button', { name: 'Reopen' }),
    ).not.toBeInTheDocument();
    await user.click(
      within(dialog).getByRole('button', { name: 'Acknowledge' }),
    );

    expect(api.setAnomalyStatus).toHaveBeenCalledWith('anomaly-1', {
      status: 'acknowledged',
    });
    expect(await within(dialog).findByText('Acknowledged')).toBeInTheDocument();
    // The list shows the new status too, without asking the backend again. The dialog is
    // closed with its Close button: the Acknowledge button that held focus is gone, so an
    // Escape key press would land outside the dialog.
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    const table = await screen.findByRole('grid', { name: 'Anomalies' });
    expect(api.listAnomalies).toHaveBeenCalledTimes(1);
    expect(within(table).getByText('Acknowledged')).toBeInTheDocument();
  });

  it('resolves an anomaly as a false positive with a note', async () => {
    const user = userEvent.setup({ delay: null });
    const api = apiWith([makeAnomaly({ status: 'acknowledged' })]);
    await renderWithFinopsApi(<BudgetsPage />, api, {
      routeEntries: ['/?tab=anomalies'],
      mountedRoutes: page,
    });

    const dialog = await openAnomaly(user, '2026-11-18');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    const resolve = within(dialog).getByRole('button', {
      name: 'Resolve anomaly',
    });
    // A resolution must be chosen first.
    expect(resolve).toBeDisabled();
    await user.click(
      within(dialog).getByRole('radio', { name: 'False positive' }),
    );
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Note' }),
      '  load test announced in #ops  ',
    );
    await user.click(resolve);

    expect(api.setAnomalyStatus).toHaveBeenCalledWith('anomaly-1', {
      status: 'resolved',
      resolution: 'false-positive',
      note: 'load test announced in #ops',
    });
    expect(
      await within(dialog).findByText('Resolved (false positive)'),
    ).toBeInTheDocument();
  });

  it('resolves as expected without a note and reopens a resolved anomaly', async () => {
    const user = userEvent.setup({ delay: null });
    const api = apiWith([
      makeAnomaly(),
      makeAnomaly({
        id: 'anomaly-2',
        date: '2026-11-10',
        lastDate: '2026-11-10',
        status: 'resolved',
        resolution: 'fixed',
      }),
    ]);
    await renderWithFinopsApi(<BudgetsPage />, api, {
      routeEntries: ['/?tab=anomalies'],
      mountedRoutes: page,
    });

    let dialog = await openAnomaly(user, '2026-11-18');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Expected' }));
    await user.click(
      within(dialog).getByRole('button', { name: 'Resolve anomaly' }),
    );
    expect(api.setAnomalyStatus).toHaveBeenLastCalledWith('anomaly-1', {
      status: 'resolved',
      resolution: 'expected',
    });
    await within(dialog).findByText('Resolved (expected)');
    await user.keyboard('{Escape}');

    dialog = await openAnomaly(user, '2026-11-10');
    await user.click(within(dialog).getByRole('button', { name: 'Reopen' }));
    expect(api.setAnomalyStatus).toHaveBeenLastCalledWith('anomaly-2', {
      status: 'open',
    });
  });

  it('says when the user may not change an anomaly', async () => {
    const user = userEvent.setup({ delay: null });
    const api = apiWith([makeAnomaly()]);
    api.setAnomalyStatus.mockRejectedValue(
      Object.assign(new Error('forbidden'), { statusCode: 403 }),
    );
    await renderWithFinopsApi(<BudgetsPage />, api, {
      routeEntries: ['/?tab=anomalies'],
      mountedRoutes: page,
    });

    const dialog = await openAnomaly(user, '2026-11-18');
    await user.click(
      within(dialog).getByRole('button', { name: 'Acknowledge' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /finops-itam\.anomaly\.manage/,
    );
  });
});
