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

  it('provides the API client, the two tabs and the card', () => {
    expect(finopsItamPlugin.pluginId).toBe('finops-itam');
    expect(finopsItamPlugin.getExtension('api:finops-itam')).toBeDefined();
    expect(costContent).toBeDefined();
    expect(licensesContent).toBeDefined();
    expect(onboardingCard).toBeDefined();
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

  it('mounts the Licenses tab at "licenses" for Components and Resources', () => {
    const tester = createExtensionTester(licensesContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('licenses');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Licenses');

    const appliesTo = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    expect(appliesTo?.(makeEntity({ kind: 'Component' }))).toBe(true);
    expect(appliesTo?.(makeEntity({ kind: 'Resource' }))).toBe(true);
    expect(appliesTo?.(makeEntity({ kind: 'System' }))).toBe(false);
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
      await screen.findByRole('heading', { name: 'Cost' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No cost data for checkout yet'),
    ).toBeInTheDocument();
  });

  it('renders the Onboarding card', async () => {
    const tester = createExtensionTester(onboardingCard);

    renderInTestApp(tester.reactElement());

    expect(
      await screen.findByText('No onboarding request for this workload'),
    ).toBeInTheDocument();
  });
});
