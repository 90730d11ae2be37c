import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { finopsItamApiRef } from '../../api';
import {
  makeEntity,
  mockFinopsItamApi,
  unreachableBackendError,
} from '../../testUtils/fixtures';
import { EntityCostContent } from './EntityCostContent';

describe('EntityCostContent', () => {
  async function renderCost(
    entity = makeEntity({}),
    api = mockFinopsItamApi(),
  ) {
    await renderInTestApp(
      <TestApiProvider apis={[[finopsItamApiRef, api]]}>
        <EntityProvider entity={entity}>
          <EntityCostContent />
        </EntityProvider>
      </TestApiProvider>,
    );
  }

  it('shows progress while the backend is checked', async () => {
    await renderCost(
      makeEntity({}),
      mockFinopsItamApi(() => new Promise(() => {})),
    );

    expect(
      await screen.findByRole('heading', { name: 'Cost' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('progressbar', {
        name: 'Checking the finops-itam backend',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No cost data/)).not.toBeInTheDocument();
  });

  it('says the backend is unreachable instead of showing an empty state', async () => {
    const error = await unreachableBackendError();
    await renderCost(
      makeEntity({}),
      mockFinopsItamApi(() => Promise.reject(error)),
    );

    expect(
      await screen.findByText(/Could not reach the finops-itam backend/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/backend is down/).length).toBeGreaterThan(0);
    expect(screen.queryByText(/No cost data/)).not.toBeInTheDocument();
  });

  it('without a mapping annotation, shows the annotation to add', async () => {
    await renderCost(makeEntity({ name: 'checkout' }));

    expect(
      await screen.findByText('No cost data for checkout yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/mapping them to catalog entities is not served to this page yet/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No annotation maps costs to checkout yet/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        (_, element) =>
          element?.tagName === 'CODE' &&
          /finops-itam\.io\/cost-tags: application=checkout,environment=prod/.test(
            element.textContent ?? '',
          ),
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/backend 0\.1\.0 is connected/),
    ).toBeInTheDocument();
  });

  it('with mapping annotations, lists what costs will be mapped by', async () => {
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
      screen.getByText('Costs will be mapped to this entity by:'),
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
});
