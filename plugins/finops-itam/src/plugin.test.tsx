import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { finopsItamApiRef } from './api';
import {
  EntityFinopsItamCostContent,
  EntityFinopsItamLicensesContent,
  EntityFinopsItamOnboardingCard,
  EntityFinopsItamTeamCostCard,
  EntityFinopsItamTeamCostContent,
  FinopsItamPage,
  finopsItamPlugin,
} from './plugin';
import { makeEntity, mockFinopsItamApi } from './testUtils/fixtures';
import { makeLicenses } from './testUtils/licenseFixtures';
import { makeGroup, makeTeamCost } from './testUtils/teamCostFixtures';

describe('finopsItamPlugin (legacy frontend system)', () => {
  it('has the finops-itam id and provides the API client', () => {
    expect(finopsItamPlugin.getId()).toBe('finops-itam');
    expect(
      Array.from(finopsItamPlugin.getApis()).map(factory => factory.api.id),
    ).toEqual(['plugin.finops-itam.api']);
  });

  async function renderEntityPageAt(path: string) {
    const api = mockFinopsItamApi();
    api.getEntityLicenses.mockResolvedValue(makeLicenses([]));
    api.getEntityOnboarding.mockResolvedValue({ requests: [] });
    await renderInTestApp(
      <TestApiProvider apis={[[finopsItamApiRef, api]]}>
        <EntityProvider entity={makeEntity({ name: 'checkout' })}>
          <Routes>
            <Route path="/cost" element={<EntityFinopsItamCostContent />} />
            <Route
              path="/licenses"
              element={<EntityFinopsItamLicensesContent />}
            />
          </Routes>
          <EntityFinopsItamOnboardingCard />
        </EntityProvider>
      </TestApiProvider>,
      { routeEntries: [path] },
    );
  }

  it('renders the Cost tab and the Onboarding card', async () => {
    await renderEntityPageAt('/cost');

    expect(
      await screen.findByText('No cost data for checkout yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No onboarding request for this workload'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/No licensed software found/),
    ).not.toBeInTheDocument();
  });

  it('renders the Licenses tab', async () => {
    await renderEntityPageAt('/licenses');

    expect(
      await screen.findByText('No licensed software found for checkout'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No cost data/)).not.toBeInTheDocument();
  });

  it('renders the ITAM page with its header', async () => {
    const api = mockFinopsItamApi();
    api.listOnboardingRequests.mockResolvedValue({ requests: [] });
    await renderInTestApp(
      <TestApiProvider apis={[[finopsItamApiRef, api]]}>
        <Routes>
          <Route path="/finops-itam/itam" element={<FinopsItamPage />} />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/finops-itam/itam'] },
    );

    expect(
      await screen.findByRole('heading', { name: 'ITAM' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/No onboarding requests yet/),
    ).toBeInTheDocument();
  });

  it('renders the team cost tab and card on a group page', async () => {
    const api = mockFinopsItamApi();
    api.getTeamCost.mockResolvedValue(makeTeamCost());
    await renderInTestApp(
      <TestApiProvider apis={[[finopsItamApiRef, api]]}>
        <EntityProvider entity={makeGroup('team-checkout')}>
          <Routes>
            <Route
              path="/team-cost"
              element={<EntityFinopsItamTeamCostContent />}
            />
          </Routes>
          <EntityFinopsItamTeamCostCard />
        </EntityProvider>
      </TestApiProvider>,
      {
        routeEntries: ['/team-cost'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    expect(
      await screen.findByRole('heading', { name: 'Team cost' }),
    ).toBeInTheDocument();
    expect(await screen.findAllByTestId('finops-itam-team-total')).toHaveLength(
      2,
    );
  });
});
