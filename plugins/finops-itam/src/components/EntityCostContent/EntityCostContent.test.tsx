import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { finopsItamApiRef } from '../../api';
import {
  forbiddenCostError,
  healthyBackend,
  makeCost,
  makeEntity,
  makeMappedCost,
  mockFinopsItamApi,
  unreachableBackendError,
} from '../../testUtils/fixtures';
import { EntityCostContent } from './EntityCostContent';

const usd = (amount: string) =>
  new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: 'USD',
  }).format(amount as `${number}`);

describe('EntityCostContent', () => {
  async function renderCost(
    entity = makeEntity({}),
    cost: () => Promise<EntityCostResponse> = async () => makeCost(),
  ) {
    const api = mockFinopsItamApi(async () => healthyBackend, cost);
    await renderInTestApp(
      <TestApiProvider apis={[[finopsItamApiRef, api]]}>
        <EntityProvider entity={entity}>
          <EntityCostContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    return api;
  }

  it('shows progress while the cost loads', async () => {
    await renderCost(makeEntity({}), () => new Promise(() => {}));

    expect(
      await screen.findByRole('heading', { name: 'Cost' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('progressbar', {
        name: 'Loading the cost of checkout',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No cost data/)).not.toBeInTheDocument();
  });

  it('asks the backend for the cost of the current entity', async () => {
    const api = await renderCost(makeEntity({ name: 'payments' }));

    await screen.findByText('No cost data for payments yet');
    expect(api.getEntityCost).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments',
    });
  });

  it('shows the all-in cost, its parts and the services of a mapped entity', async () => {
    await renderCost(
      makeEntity({
        annotations: { 'finops-itam.io/cost-tags': 'application=checkout' },
      }),
      async () => makeMappedCost(),
    );

    expect(
      await screen.findByTestId('finops-itam-all-in-cost'),
    ).toHaveTextContent(usd('1234.56'));
    expect(
      screen.getAllByText(/2026-10-28 – 2026-11-26/).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText(usd('1034.56'))).toBeInTheDocument();
    expect(screen.getByText(usd('200'))).toBeInTheDocument();
    expect(screen.getByText('not computed yet')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Cost by service' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      `Amazon Elastic Compute CloudCompute${usd('1000')}`,
      `Amazon Simple Storage ServiceStorage${usd('234.56')}`,
      `No service name—${usd('0.5')}`,
    ]);

    // The annotations in use stay visible below.
    expect(
      screen.getByText('Costs are mapped to this entity by:'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('finops-itam.io/cost-tags: application=checkout'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No cost data/)).not.toBeInTheDocument();
  });

  it('explains each part of the cost in a tooltip reachable by keyboard', async () => {
    await renderCost(makeEntity({}), async () => makeMappedCost());
    await screen.findByTestId('finops-itam-all-in-cost');

    const user = userEvent.setup();
    await user.tab();
    while (
      document.activeElement?.getAttribute('aria-label') !==
      'What cloud cost includes'
    ) {
      await user.tab();
    }
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      /Amortized FOCUS EffectiveCost .* allocated directly to this entity by its cost annotations/,
    );

    await user.hover(
      screen.getByRole('button', { name: 'What shared cost includes' }),
    );
    expect(
      await screen.findByText(/share of shared-cost pools/),
    ).toBeInTheDocument();

    await user.hover(
      screen.getByRole('button', { name: 'What licenses cost includes' }),
    );
    expect(
      await screen.findByText(
        /Not computed yet; license-included charges are already inside the cloud cost/,
      ),
    ).toBeInTheDocument();
  });

  it('says when allocation is running and figures may change', async () => {
    await renderCost(makeEntity({}), async () =>
      makeMappedCost({
        allocation: { state: 'running', lastRunAt: '2026-11-27T06:00:00Z' },
      }),
    );

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Allocation is running, figures may change.',
    );
    expect(screen.getByTestId('finops-itam-all-in-cost')).toHaveTextContent(
      usd('1234.56'),
    );
  });

  it('shows totals in other currencies apart, without adding them', async () => {
    await renderCost(makeEntity({}), async () =>
      makeMappedCost({
        otherCurrencies: [
          { currency: 'EUR', total: '99.5' },
          { currency: 'GBP', total: '10' },
        ],
      }),
    );
    const eur = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: 'EUR',
    }).format(99.5);
    const gbp = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: 'GBP',
    }).format(10);

    expect(
      await screen.findByText(
        `Also in other currencies, neither converted nor included above: ${eur}, ${gbp}`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('finops-itam-all-in-cost')).toHaveTextContent(
      usd('1234.56'),
    );
  });

  it('without cost or a mapping annotation, shows the annotation to add', async () => {
    await renderCost(makeEntity({ name: 'checkout' }), async () =>
      makeCost({
        mapping: {
          mapped: false,
          annotations: {},
          suggestion: 'finops-itam.io/cost-tags: application=checkout',
        },
      }),
    );

    expect(
      await screen.findByText('No cost data for checkout yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /none of them map to this entity \(2026-10-28 – 2026-11-26\)/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No annotation maps costs to checkout yet/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        (_, element) =>
          element?.tagName === 'CODE' &&
          /finops-itam\.io\/cost-tags: application=checkout$/.test(
            element.textContent ?? '',
          ),
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('finops-itam-all-in-cost'),
    ).not.toBeInTheDocument();
  });

  it('with annotations that match nothing, lists them as matching no cost rows', async () => {
    await renderCost(
      makeEntity({
        name: 'payments',
        annotations: {
          'finops-itam.io/cost-tags': 'application=payments,environment=prod',
          'finops-itam.io/cost-accounts': '123456789012',
        },
      }),
    );

    expect(
      await screen.findByText('No cost data for payments yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('These annotations match no cost rows in this period:'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'finops-itam.io/cost-tags: application=payments,environment=prod',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('finops-itam.io/cost-accounts: 123456789012'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/No annotation maps costs/),
    ).not.toBeInTheDocument();
  });

  it('accepts the Cost Insights tag annotation as an alias', async () => {
    await renderCost(
      makeEntity({
        annotations: { 'aws.amazon.com/cost-insights-tags': 'app=checkout' },
      }),
    );

    expect(
      await screen.findByText(
        'aws.amazon.com/cost-insights-tags: app=checkout',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('cost rows with these tags (Cost Insights alias)'),
    ).toBeInTheDocument();
  });

  it('flags a mapping annotation the backend will ignore', async () => {
    await renderCost(
      makeEntity({
        annotations: {
          'finops-itam.io/cost-tags': 'application=checkout',
          'aws.amazon.com/cost-insights-tags': 'app=checkout',
        },
      }),
    );

    expect(
      await screen.findByText(
        'not used: finops-itam.io/cost-tags takes precedence',
      ),
    ).toBeInTheDocument();
  });

  it('says the user has no access instead of showing the error', async () => {
    const error = await forbiddenCostError();
    await renderCost(makeEntity({}), () => Promise.reject(error));

    expect(
      await screen.findByText(
        "You don't have access to cost data for this entity",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Ask its owner or your FinOps team for access/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Request failed/)).not.toBeInTheDocument();
    expect(
      screen.queryByTestId('finops-itam-all-in-cost'),
    ).not.toBeInTheDocument();
  });

  it('shows other errors in an error panel', async () => {
    const error = await unreachableBackendError();
    await renderCost(makeEntity({}), () => Promise.reject(error));

    expect(
      await screen.findByText(
        /Could not load the cost of checkout: Request failed with 503/,
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/backend is down/).length).toBeGreaterThan(0);
    expect(screen.queryByText(/No cost data/)).not.toBeInTheDocument();
  });
});
