import { screen, within } from '@testing-library/react';
import { itamRouteRef } from '../../routes';
import { forbiddenError } from '../../testUtils/apiErrors';
import { makeEntity, mockFinopsItamApi } from '../../testUtils/fixtures';
import {
  failedByolCheck,
  makeCheck,
  makeRequest,
} from '../../testUtils/onboardingFixtures';
import { renderWithFinopsApi } from '../../testUtils/renderWithFinopsApi';
import { EntityOnboardingCard } from './EntityOnboardingCard';

describe('EntityOnboardingCard', () => {
  const entity = makeEntity({ name: 'new-billing' });
  const itamPage = { '/finops-itam/itam': itamRouteRef };

  it('offers to file a request, pre-filled with the workload, when there is none', async () => {
    const api = mockFinopsItamApi();
    api.getEntityOnboarding.mockResolvedValue({ requests: [] });

    await renderWithFinopsApi(<EntityOnboardingCard />, api, {
      entity,
      mountedRoutes: itamPage,
    });

    expect(
      await screen.findByText('No onboarding request for this workload'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'File an onboarding request' }),
    ).toHaveAttribute(
      'href',
      '/finops-itam/itam?new=1&entityRef=component%3Adefault%2Fnew-billing',
    );
    expect(api.getEntityOnboarding).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'new-billing',
    });
  });

  it('says whom to ask when the app has no ITAM page', async () => {
    const api = mockFinopsItamApi();
    api.getEntityOnboarding.mockResolvedValue({ requests: [] });

    await renderWithFinopsApi(<EntityOnboardingCard />, api, { entity });

    expect(
      await screen.findByText(
        'Ask your ITAM team to file one for component:default/new-billing.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows the latest request, its status and checks, and links to it', async () => {
    const api = mockFinopsItamApi();
    api.getEntityOnboarding.mockResolvedValue({
      requests: [
        makeRequest({
          id: 'req-2',
          checks: [makeCheck(), failedByolCheck],
        }),
        makeRequest({ id: 'req-1', status: 'rejected' }),
      ],
    });

    await renderWithFinopsApi(<EntityOnboardingCard />, api, {
      entity,
      mountedRoutes: itamPage,
    });

    expect(await screen.findByText('New billing service')).toBeInTheDocument();
    expect(
      screen.getByText('Status: Pending review · go-live 2027-02-01'),
    ).toBeInTheDocument();
    const checks = within(screen.getByRole('list', { name: 'Checks' }))
      .getAllByRole('listitem')
      .map(item => item.textContent);
    expect(checks).toEqual([
      expect.stringMatching(/^License availabilityPass/),
      expect.stringMatching(/^BYOL eligibilityFail/),
    ]);
    expect(
      screen.getByRole('link', { name: 'Open the request on the ITAM page' }),
    ).toHaveAttribute('href', '/finops-itam/itam?request=req-2');
    expect(
      screen.getByText('1 earlier request for this workload.'),
    ).toBeInTheDocument();
  });

  it('says so when the user may not read onboarding requests', async () => {
    const api = mockFinopsItamApi();
    api.getEntityOnboarding.mockRejectedValue(
      await forbiddenError(
        'not allowed',
        '/api/finops-itam/entities/component/default/new-billing/onboarding',
      ),
    );

    await renderWithFinopsApi(<EntityOnboardingCard />, api, { entity });

    expect(
      await screen.findByText("You don't have access to onboarding requests"),
    ).toBeInTheDocument();
  });
});
