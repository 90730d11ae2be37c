import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { pinTodayForTests } from '../../testUtils/costFixtures';
import {
  makeAnomaly,
  makeBudget,
  makeEntityBudget,
  makeForecast,
} from '../../testUtils/budgetFixtures';
import { forbiddenError } from '../../testUtils/apiErrors';
import { usd } from '../../testUtils/usd';
import {
  currentQueryString,
  renderCostTab,
} from './__testUtils__/renderCostTab';

describe('EntityCostContent budget, forecast and anomalies', () => {
  beforeEach(() => pinTodayForTests());
  afterEach(() => jest.useRealTimers());

  /** The Budget card, found by its heading. */
  async function budgetCard() {
    const heading = await screen.findByRole('heading', { name: 'Budget' });
    return heading.closest('.MuiCard-root') as HTMLElement;
  }

  it('says there is no budget and how to add one', async () => {
    await renderCostTab();

    const card = await budgetCard();
    expect(await within(card).findByText('No budget')).toBeInTheDocument();
    expect(
      within(card).getByText(/finopsItam\.budgets in app-config/),
    ).toBeInTheDocument();
    // The cost itself is still there.
    expect(screen.getByTestId('finops-itam-all-in-cost')).toBeInTheDocument();
  });

  it('shows budget, actual, forecast with its band, variance and the status word', async () => {
    const api = await renderCostTab({
      api: {
        getEntityBudget: async () =>
          makeEntityBudget({
            actual: { amount: '9000.00', currency: 'USD' },
            forecast: {
              expected: '12600.00',
              low: '12100.00',
              high: '13100.00',
            },
            variance: -0.25,
            forecastVariance: 0.05,
            status: 'at-risk',
          }),
      },
    });

    const card = await budgetCard();
    expect(await within(card).findByText('At risk')).toBeInTheDocument();
    expect(within(card).getByText(usd('12000.00'))).toBeInTheDocument();
    expect(within(card).getByText(usd('9000.00'))).toBeInTheDocument();
    expect(
      within(card).getByText(
        `${usd('12600.00')} (${usd('12100.00')} – ${usd('13100.00')})`,
      ),
    ).toBeInTheDocument();
    expect(within(card).getByText('-25% · forecast +5%')).toBeInTheDocument();
    expect(api.getEntityBudget).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
  });

  it.each([
    ['on-track', 'On track'],
    ['over', 'Over'],
    ['under', 'Under'],
  ] as const)('names status %s "%s"', async (status, word) => {
    await renderCostTab({
      api: { getEntityBudget: async () => makeEntityBudget({ status }) },
    });

    const card = await budgetCard();
    expect(
      await within(card).findByTestId('finops-itam-budget-status'),
    ).toHaveTextContent(word);
  });

  it('says why a budget in another currency has no status', async () => {
    await renderCostTab({
      api: {
        getEntityBudget: async () =>
          makeEntityBudget({
            budget: makeBudget({ currency: 'EUR' }),
            status: null,
            message: 'The cost is in USD, the budget in EUR.',
          }),
      },
    });

    const card = await budgetCard();
    expect(
      await within(card).findByText('The cost is in USD, the budget in EUR.'),
    ).toBeInTheDocument();
  });

  it('keeps the cost when the budget is forbidden', async () => {
    await renderCostTab({
      api: {
        getEntityBudget: async () => {
          throw await forbiddenError('no', '/budget');
        },
      },
    });

    const card = await budgetCard();
    expect(
      await within(card).findByText(
        "You don't have access to budget data for this entity",
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('finops-itam-all-in-cost')).toBeInTheDocument();
  });

  it('draws the forecast after the actual days and lists it for screen readers', async () => {
    await renderCostTab();

    const table = await screen.findByRole('table', { name: 'Forecast by day' });
    const rows = within(table).getAllByRole('row').slice(1);
    // The forecast day 2026-11-26 already has actual cost; the chart continues after it.
    expect(
      rows.map(row => within(row).getByRole('rowheader').textContent),
    ).toEqual(['2026-11-27', '2026-11-28', '2026-11-29']);
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual([usd('40.00'), usd('35.00'), usd('45.00')]);
    expect(
      screen.getByText(/then the forecast with its band/),
    ).toBeInTheDocument();
  });

  it('draws no forecast in another currency than the cost', async () => {
    await renderCostTab({
      api: {
        getEntityForecast: async () => makeForecast({ currency: 'EUR' }),
      },
    });

    await screen.findByTestId('finops-itam-all-in-cost');
    await screen.findByRole('table', { name: /Cost by day/ });
    expect(
      screen.queryByRole('table', { name: 'Forecast by day' }),
    ).not.toBeInTheDocument();
  });

  it('asks for the anomalies of the entity in the period', async () => {
    const api = await renderCostTab();

    await screen.findByTestId('finops-itam-all-in-cost');
    expect(api.listAnomalies).toHaveBeenCalledWith({
      entityRef: 'component:default/checkout',
      from: '2026-10-28',
      to: '2026-11-27',
    });
  });

  it('marks an anomaly with a button that opens its actual, expected, impact and drivers', async () => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    await renderCostTab({
      api: {
        listAnomalies: async () => ({
          items: [makeAnomaly({ date: '2026-11-25', lastDate: '2026-11-25' })],
        }),
      },
    });

    const marker = await screen.findByRole('button', {
      name: 'Anomaly on 2026-11-25',
    });
    await user.click(marker);

    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByRole('heading', { name: 'Anomaly on 2026-11-25' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(usd('140.00'))).toBeInTheDocument();
    expect(within(dialog).getByText(usd('40.00'))).toBeInTheDocument();
    expect(within(dialog).getByText(`+${usd('100.00')}`)).toBeInTheDocument();
    const drivers = within(dialog).getByRole('list', { name: 'Drivers' });
    expect(
      within(drivers)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      `Service Amazon DynamoDB: +${usd('95.00')}`,
      `Resource checkout-sessions: +${usd('94.00')}`,
    ]);
  });

  it('reaches a marker with the keyboard and acknowledges the anomaly', async () => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    const anomaly = makeAnomaly({ date: '2026-11-26', lastDate: '2026-11-26' });
    const api = await renderCostTab({
      api: {
        listAnomalies: async () => ({ items: [anomaly] }),
        setAnomalyStatus: async (_id, input) => ({
          ...anomaly,
          status: input.status,
        }),
      },
    });

    const marker = await screen.findByRole('button', {
      name: 'Anomaly on 2026-11-26',
    });
    marker.focus();
    expect(marker).toHaveFocus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    await user.click(
      within(dialog).getByRole('button', { name: 'Acknowledge' }),
    );

    expect(await within(dialog).findByText('Acknowledged')).toBeInTheDocument();
    expect(api.setAnomalyStatus).toHaveBeenCalledWith('anomaly-1', {
      status: 'acknowledged',
    });
  });

  it('puts no marker for a license anomaly or a day outside the chart', async () => {
    await renderCostTab({
      api: {
        listAnomalies: async () => ({
          items: [
            makeAnomaly({
              id: 'a',
              kind: 'license-shortage',
              date: '2026-11-25',
            }),
            makeAnomaly({ id: 'b', date: '2026-10-01' }),
          ],
        }),
      },
    });

    await screen.findByRole('table', { name: /Cost by day/ });
    expect(
      screen.queryByRole('button', { name: /^Anomaly on/ }),
    ).not.toBeInTheDocument();
  });

  it('says when the forecast could not be loaded and keeps the chart', async () => {
    await renderCostTab({
      api: {
        getEntityForecast: async () => {
          throw new Error('forecast service down');
        },
      },
    });

    expect(
      await screen.findByText(
        'Could not load the forecast (forecast service down).',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: /Cost by day/ }),
    ).toBeInTheDocument();
  });

  it('opens the anomaly a notification links to, and forgets it when closed', async () => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    await renderCostTab({
      url: '/?from=2026-11-18&to=2026-11-27&granularity=day&anomaly=anomaly-1',
      api: {
        listAnomalies: async () => ({
          items: [makeAnomaly({ date: '2026-11-25', lastDate: '2026-11-25' })],
        }),
      },
    });

    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByRole('heading', { name: 'Anomaly on 2026-11-25' }),
    ).toBeInTheDocument();

    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(currentQueryString()).not.toContain('anomaly=');
    expect(currentQueryString()).toContain('from=2026-11-18');
  });
});
