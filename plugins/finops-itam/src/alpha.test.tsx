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
import { makeEntity, mockFinopsItamApi } from './testUtils/fixtures';
import { makeLicenses } from './testUtils/licenseFixtures';
import { makeGroup, makeTeamCost } from './testUtils/teamCostFixtures';

// Extensions load their component with a dynamic import, compiled on first use in tests;
// a cold compile of a tab (with its chart library) can take longer than the default second.
const LAZY_LOAD = { timeout: 10_000 };

describe('finops-itam plugin (new frontend system)', () => {
  const costContent = finopsItamPlugin.getExtension(
    'entity-content:finops-itam/cost',
  );
  const licensesContent = finopsItamPlugin.getExtension(
    'entity-content:finops-itam/licenses',
  );
  const onboardingCard = finopsItamPlugin.getExtension(
    'entity-card:finops-itam/onboarding',
  );
  const teamCostContent = finopsItamPlugin.getExtension(
    'entity-content:finops-itam/team-cost',
  );
  const teamCostCard = finopsItamPlugin.getExtension(
    'entity-card:finops-itam/team-cost',
  );
  const itamPage = finopsItamPlugin.getExtension('page:finops-itam/itam');

  it('provides the API client, the entity tabs and cards, and the team tab and card', () => {
    expect(finopsItamPlugin.pluginId).toBe('finops-itam');
    expect(finopsItamPlugin.getExtension('api:finops-itam')).toBeDefined();
    expect(costContent).toBeDefined();
    expect(licensesContent).toBeDefined();
    expect(onboardingCard).toBeDefined();
    expect(teamCostContent).toBeDefined();
    expect(teamCostCard).toBeDefined();
    expect(itamPage).toBeDefined();
  });

  it('mounts the ITAM page at /finops-itam/itam with a title and icon for the sidebar', () => {
    const tester = createExtensionTester(itamPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/finops-itam/itam');
    // The app's nav lists a page when it has a route ref, a title and an icon.
    expect(tester.get(coreExtensionData.title)).toBe('ITAM');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
    expect(tester.get(coreExtensionData.routeRef)).toBeDefined();
  });

  it('renders the ITAM page with its tabs', async () => {
    const api = mockFinopsItamApi();
    api.listOnboardingRequests.mockResolvedValue({ requests: [] });

    renderInTestApp(createExtensionTester(itamPage).reactElement(), {
      apis: [[finopsItamApiRef, api]],
    });

    expect(
      await screen.findByRole('tab', { name: 'Onboarding' }, LAZY_LOAD),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'License position' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/No onboarding requests yet/),
    ).toBeInTheDocument();
  });

  it('mounts the Cost tab at "cost" for Components, Resources and Systems', () => {
    const tester = createExtensionTester(costContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('cost');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Cost');

    const appliesTo = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    expect(appliesTo?.(makeEntity({ kind: 'Component' }))).toBe(true);
    expect(appliesTo?.(makeEntity({ kind: 'Resource' }))).toBe(true);
    expect(appliesTo?.(makeEntity({ kind: 'System' }))).toBe(true);
    expect(appliesTo?.(makeEntity({ kind: 'Group' }))).toBe(false);
  });

  it('mounts the Licenses tab at "licenses" for Components, Resources and Systems', () => {
    const tester = createExtensionTester(licensesContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('licenses');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Licenses');

    const appliesTo = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    expect(appliesTo?.(makeEntity({ kind: 'Component' }))).toBe(true);
    expect(appliesTo?.(makeEntity({ kind: 'Resource' }))).toBe(true);
    expect(appliesTo?.(makeEntity({ kind: 'System' }))).toBe(true);
    expect(appliesTo?.(makeEntity({ kind: 'Group' }))).toBe(false);
  });

  it('mounts the team cost tab at "team-cost", titled Cost, on Groups only', () => {
    const tester = createExtensionTester(teamCostContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('team-cost');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Cost');

    const appliesTo = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    expect(appliesTo?.(makeGroup())).toBe(true);
    expect(appliesTo?.(makeEntity({ kind: 'Component' }))).toBe(false);
    expect(appliesTo?.(makeEntity({ kind: 'System' }))).toBe(false);
    expect(appliesTo?.(makeEntity({ kind: 'User' }))).toBe(false);
  });

  it('shows the team cost card in the info column of Groups only', () => {
    const tester = createExtensionTester(teamCostCard);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');

    const appliesTo = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(appliesTo?.(makeGroup())).toBe(true);
    expect(appliesTo?.(makeEntity({ kind: 'Component' }))).toBe(false);
    expect(appliesTo?.(makeEntity({ kind: 'User' }))).toBe(false);
  });

  it('shows the Onboarding card on Components only', () => {
    const tester = createExtensionTester(onboardingCard);
    const appliesTo = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(appliesTo?.(makeEntity({ kind: 'Component' }))).toBe(true);
    expect(appliesTo?.(makeEntity({ kind: 'Resource' }))).toBe(false);
  });

  it('renders the Cost tab content for an entity', async () => {
    const tester = createExtensionTester(costContent);

    renderInTestApp(
      <EntityProvider entity={makeEntity({ name: 'checkout' })}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[finopsItamApiRef, mockFinopsItamApi()]] },
    );

    expect(
      await screen.findByRole('heading', { name: 'Cost' }, LAZY_LOAD),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No cost data for checkout yet'),
    ).toBeInTheDocument();
  });

  it('renders the Licenses tab content for an entity', async () => {
    const tester = createExtensionTester(licensesContent);
    const api = mockFinopsItamApi();
    api.getEntityLicenses.mockResolvedValue(makeLicenses([]));

    renderInTestApp(
      <EntityProvider entity={makeEntity({ name: 'checkout' })}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[finopsItamApiRef, api]] },
    );

    expect(
      await screen.findByRole('heading', { name: 'Licenses' }, LAZY_LOAD),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No licensed software found for checkout'),
    ).toBeInTheDocument();
  });

  it('renders the team cost tab and card for a group', async () => {
    const api = mockFinopsItamApi();
    api.getTeamCost.mockResolvedValue(
      makeTeamCost({ currency: null, total: '0', entities: [] }),
    );

    renderInTestApp(
      <EntityProvider entity={makeGroup('team-checkout')}>
        {createExtensionTester(teamCostContent).reactElement()}
        {createExtensionTester(teamCostCard).reactElement()}
      </EntityProvider>,
      { apis: [[finopsItamApiRef, api]] },
    );

    expect(
      await screen.findByRole('heading', { name: 'Team cost' }, LAZY_LOAD),
    ).toBeInTheDocument();
    expect(
      await screen.findAllByText(
        'No cost for team-checkout in 2026-10-28 – 2026-11-26',
      ),
    ).toHaveLength(2);
  });

  it('renders the Onboarding card', async () => {
    const tester = createExtensionTester(onboardingCard);
    const api = mockFinopsItamApi();
    api.getEntityOnboarding.mockResolvedValue({ requests: [] });

    renderInTestApp(
      <EntityProvider entity={makeEntity({ name: 'checkout' })}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[finopsItamApiRef, api]] },
    );

    expect(
      await screen.findByText(
        'No onboarding request for this workload',
        undefined,
        LAZY_LOAD,
      ),
    ).toBeInTheDocument();
  });
});
