import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import finopsItamPlugin from './alpha';
import { finopsItamApiRef } from './api';
import { mockFinopsItamApi } from './testUtils/fixtures';
import { makeEmptyKpis } from './testUtils/finopsFixtures';

// A cold compile of a lazily loaded page can take longer than the default second.
const LAZY_LOAD = { timeout: 10_000 };

describe('finops-itam FinOps page (new frontend system)', () => {
  const finopsPage = finopsItamPlugin.getExtension('page:finops-itam/finops');

  it('mounts the FinOps page at /finops-itam/finops with a title and icon for the sidebar', () => {
    const tester = createExtensionTester(finopsPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/finops-itam/finops');
    expect(tester.get(coreExtensionData.title)).toBe('FinOps');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
    expect(tester.get(coreExtensionData.routeRef)).toBeDefined();
  });

  it('renders the FinOps page with its tabs', async () => {
    const api = mockFinopsItamApi();
    api.getKpis.mockResolvedValue(makeEmptyKpis());

    renderInTestApp(createExtensionTester(finopsPage).reactElement(), {
      apis: [[finopsItamApiRef, api]],
    });

    expect(
      await screen.findByRole('tab', { name: 'KPIs' }, LAZY_LOAD),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Glossary & accountability' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No cost in this period'),
    ).toBeInTheDocument();
  });
});
