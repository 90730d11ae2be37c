import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { finopsItamApiRef } from './api';
import {
  EntityFinopsItamCostContent,
  EntityFinopsItamLicensesContent,
  EntityFinopsItamOnboardingCard,
  finopsItamPlugin,
} from './plugin';
import { makeEntity, mockFinopsItamApi } from './testUtils/fixtures';

describe('finopsItamPlugin (legacy frontend system)', () => {
  it('has the finops-itam id and provides the API client', () => {
    expect(finopsItamPlugin.getId()).toBe('finops-itam');
    expect(
      Array.from(finopsItamPlugin.getApis()).map(factory => factory.api.id),
    ).toEqual(['plugin.finops-itam.api']);
  });

  async function renderEntityPageAt(path: string) {
    await renderInTestApp(
      <TestApiProvider apis={[[finopsItamApiRef, mockFinopsItamApi()]]}>
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
      screen.getByText('No onboarding request for this workload'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No license data/)).not.toBeInTheDocument();
  });

  it('renders the Licenses tab', async () => {
    await renderEntityPageAt('/licenses');

    expect(
      await screen.findByText('No license data for checkout yet'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No cost data/)).not.toBeInTheDocument();
  });
});
