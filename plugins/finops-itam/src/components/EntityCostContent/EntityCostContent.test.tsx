import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import {
  costByPeriod,
  makeUnitCost,
  pinTodayForTests,
} from '../../testUtils/costFixtures';
import { makeCost, makeEntity, makeMappedCost } from '../../testUtils/fixtures';
import { renderCostTab } from './__testUtils__/renderCostTab';
import {
  forbiddenCostError,
  unreachableBackendError,
} from '../../testUtils/apiErrors';
import { usd } from '../../testUtils/usd';

const always =
  (cost: EntityCostResponse | Promise<EntityCostResponse>) => async () =>
    cost;

describe('EntityCostContent', () => {
  beforeEach(() => pinTodayForTests());
  afterEach(() => jest.useRealTimers());

  it('shows progress while the cost loads', async () => {
    await renderCostTab({
      api: { getEntityCost: () => new Promise(() => {}) },
    });

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

  it('asks for the 30 days ending yesterday and the 30 days before', async () => {
    const api = await renderCostTab({
      entity: makeEntity({ name: 'payments' }),
    });

    await screen.findByTestId('finops-itam-all-in-cost');
    const ref = { kind: 'Component', namespace: 'default', name: 'payments' };
    expect(api.getEntityCost).toHaveBeenCalledWith(ref, {
      from: '2026-10-28',
      to: '2026-11-27',
      granularity: 'day',
    });
    expect(api.getEntityCost).toHaveBeenCalledWith(ref, {
      from: '2026-09-28',
      to: '2026-10-28',
      granularity: 'month',
    });
  });

  it('asks for the unit cost at once rather than after the cost', async () => {
    const api = await renderCostTab({
      api: { getEntityCost: () => new Promise(() => {}) },
    });

    await screen.findByRole('progressbar', {
      name: 'Loading the cost of checkout',
    });
    expect(api.getUnitCost).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'checkout' },
      { from: '2026-10-28', to: '2026-11-27', granularity: 'day' },
    );
  });

  it('shows the unit cost next to the all-in cost', async () => {
    await renderCostTab({
      api: { getUnitCost: async () => makeUnitCost() },
    });

    expect(
      await screen.findByTestId('finops-itam-unit-cost'),
    ).toHaveTextContent(
      new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency: 'USD',
        maximumSignificantDigits: 4,
      }).format(0.041152),
    );
    expect(screen.getByTestId('finops-itam-all-in-cost')).toHaveTextContent(
      usd('1234.56'),
    );
  });

  it('shows how to set up a unit metric when the entity names none', async () => {
    await renderCostTab();

    expect(
      await screen.findByText('No business metric named yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('PUT /api/finops-itam/metrics/orders'),
    ).toBeInTheDocument();
  });

  it('shows the all-in cost, its change, its parts and the services of a mapped entity', async () => {
    await renderCostTab({
      entity: makeEntity({
        annotations: { 'finops-itam.io/cost-tags': 'application=checkout' },
      }),
      api: { getEntityCost: costByPeriod({ previousTotal: '1000' }) },
    });

    expect(
      await screen.findByTestId('finops-itam-all-in-cost'),
    ).toHaveTextContent(usd('1234.56'));
    expect(
      await screen.findByText(
        `+${usd('234.56')} (+23.5%) vs 2026-09-28 – 2026-10-27: ${usd('1000')}`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/2026-10-28 – 2026-11-26/).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText(usd('1034.56'))).toBeInTheDocument();
    expect(screen.getByText(usd('200'))).toBeInTheDocument();
    expect(screen.getByText('no license cost allocated')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Cost by service' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      `Amazon Elastic Compute CloudCompute${usd('1000')}81.0%`,
      `Amazon Simple Storage ServiceStorage${usd('234.56')}19.0%`,
      `No service name—${usd('0.5')}0.0%`,
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

  it('shows a decrease against the previous period', async () => {
    await renderCostTab({
      api: { getEntityCost: costByPeriod({ previousTotal: '2469.12' }) },
    });

    expect(
      await screen.findByText(
        `${usd('-1234.56')} (-50.0%) vs 2026-09-28 – 2026-10-27: ${usd(
          '2469.12',
        )}`,
      ),
    ).toBeInTheDocument();
  });

  it('says so when there is nothing to compare with', async () => {
    await renderCostTab({
      api: { getEntityCost: costByPeriod({ previousTotal: '0' }) },
    });

    expect(
      await screen.findByText(
        'No cost in the previous period (2026-09-28 – 2026-10-27) to compare with.',
      ),
    ).toBeInTheDocument();
  });

  it('charts each day stacked by part, with the exact figures for screen readers', async () => {
    await renderCostTab();

    const table = await screen.findByRole('table', {
      name: 'Cost by day, 2026-10-28 – 2026-11-26',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .map(row => row.textContent),
    ).toEqual([
      'DayCloudSharedLicensesTotal',
      `2026-11-25${usd('30.5')}${usd('4.06')}${usd('0')}${usd('34.56')}`,
      `2026-11-26${usd('1004.06')}${usd('195.94')}${usd('0')}${usd('1200')}`,
    ]);
  });

  it('charts cloud cost by service category, summed exactly', async () => {
    const user = userEvent.setup();
    await renderCostTab({
      api: {
        getEntityCost: always(
          makeMappedCost({
            byService: [
              { serviceName: 'EC2', serviceCategory: 'Compute', total: '0.1' },
              {
                serviceName: 'Lambda',
                serviceCategory: 'Compute',
                total: '0.2',
              },
              { serviceName: 'S3', serviceCategory: 'Storage', total: '0.25' },
              { serviceName: null, serviceCategory: null, total: '0.05' },
            ],
          }),
        ),
      },
    });

    await user.click(
      await screen.findByRole('button', { name: 'By service category' }),
    );

    expect(
      screen.getByRole('button', { name: 'By service category' }),
    ).toHaveAttribute('aria-pressed', 'true');
    const table = screen.getByRole('table', {
      name: 'Cloud cost by service category, 2026-10-28 – 2026-11-26',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map(row => row.textContent),
    ).toEqual([
      `Compute${usd('0.3')}`,
      `Storage${usd('0.25')}`,
      `Uncategorized${usd('0.05')}`,
    ]);
  });

  it('explains each part of the cost in a tooltip reachable by keyboard', async () => {
    await renderCostTab();
    await screen.findByTestId('finops-itam-all-in-cost');

    const user = userEvent.setup();
    await user.tab();
    while (
      document.activeElement?.getAttribute('aria-label') !==
      'What cloud cost includes'
    ) {
      await user.tab();
    }
    await user.keyboard('{Enter}');
    // By text: role queries over the whole chart page outlast findBy's timeout in jsdom.
    expect(
      await screen.findByText(
        /Amortized FOCUS EffectiveCost .* allocated directly to this entity by its cost annotations. Includes license-included charges/,
      ),
    ).toBeInTheDocument();

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
        /bring-your-own-license \(BYOL\) and separately bought subscriptions.*Excludes license-included charges, which are already in cloud/,
      ),
    ).toBeInTheDocument();
    // Tabbing through the whole page in jsdom is slow, not the page.
  }, 30_000);

  it('says when allocation is running and figures may change', async () => {
    await renderCostTab({
      api: {
        getEntityCost: always(
          makeMappedCost({
            allocation: { state: 'running', lastRunAt: '2026-11-27T06:00:00Z' },
          }),
        ),
      },
    });

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Allocation is running, figures may change.',
    );
    expect(screen.getByTestId('finops-itam-all-in-cost')).toHaveTextContent(
      usd('1234.56'),
    );
  });

  it('shows totals in other currencies apart, without adding them', async () => {
    await renderCostTab({
      api: {
        getEntityCost: always(
          makeMappedCost({
            otherCurrencies: [
              { currency: 'EUR', total: '99.5' },
              { currency: 'GBP', total: '10' },
            ],
          }),
        ),
      },
    });
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

  it('without cost or a mapping annotation, shows the annotation to add instead of a zero', async () => {
    await renderCostTab({
      api: {
        getEntityCost: always(
          makeCost({
            mapping: {
              mapped: false,
              annotations: {},
              suggestion: 'finops-itam.io/cost-tags: application=checkout',
            },
          }),
        ),
      },
    });

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
    expect(screen.queryByText(usd('0'))).not.toBeInTheDocument();
  });

  it('with annotations that match nothing, lists them as matching no cost rows', async () => {
    await renderCostTab({
      entity: makeEntity({
        name: 'payments',
        annotations: {
          'finops-itam.io/cost-tags': 'application=payments,environment=prod',
          'finops-itam.io/cost-accounts': '123456789012',
        },
      }),
      api: { getEntityCost: always(makeCost()) },
    });

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

  it('says when a mapped entity has no cost in the period', async () => {
    await renderCostTab({
      api: {
        getEntityCost: always(
          makeCost({
            mapping: {
              mapped: true,
              annotations: {
                'finops-itam.io/cost-tags': 'application=checkout',
              },
            },
          }),
        ),
      },
    });

    expect(
      await screen.findByText(
        'No cost for checkout in 2026-10-28 – 2026-11-26',
      ),
    ).toBeInTheDocument();
  });

  it('accepts the Cost Insights tag annotation as an alias', async () => {
    await renderCostTab({
      entity: makeEntity({
        annotations: { 'aws.amazon.com/cost-insights-tags': 'app=checkout' },
      }),
      api: { getEntityCost: always(makeCost()) },
    });

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
    await renderCostTab({
      entity: makeEntity({
        annotations: {
          'finops-itam.io/cost-tags': 'application=checkout',
          'aws.amazon.com/cost-insights-tags': 'app=checkout',
        },
      }),
      api: { getEntityCost: always(makeCost()) },
    });

    expect(
      await screen.findByText(
        'not used: finops-itam.io/cost-tags takes precedence',
      ),
    ).toBeInTheDocument();
  });

  it('says the user has no access instead of showing the error', async () => {
    const error = await forbiddenCostError();
    await renderCostTab({
      api: { getEntityCost: () => Promise.reject(error) },
    });

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
    await renderCostTab({
      api: { getEntityCost: () => Promise.reject(error) },
    });

    expect(
      await screen.findByText(
        /Could not load the cost of checkout: Request failed with 503/,
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/backend is down/).length).toBeGreaterThan(0);
    expect(screen.queryByText(/No cost data/)).not.toBeInTheDocument();
  });
});
