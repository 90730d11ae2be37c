import { screen, within } from '@testing-library/react';
import userEvent, { UserEvent } from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { OnboardingProblemsError } from '../../api';
import { mockFinopsItamApi } from '../../testUtils/fixtures';
import {
  makeOptions,
  makeRequestDetail,
} from '../../testUtils/onboardingFixtures';
import { renderWithFinopsApi } from '../../testUtils/renderWithFinopsApi';
import { ItamPage } from './ItamPage';

/** The text of the elements that label `element`, as a screen reader joins them. */
function accessibleName(element: HTMLElement): string {
  const ids = element.getAttribute('aria-labelledby')?.split(' ') ?? [];
  return ids
    .map(id => document.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

/** Picks `option` in the `@backstage/ui` Select labelled `label`. */
async function choose(user: UserEvent, label: string, option: string) {
  // The trigger is named by its current value and then its label.
  const trigger = screen
    .getAllByRole('button')
    .find(
      button =>
        button.getAttribute('aria-haspopup') &&
        button.textContent !== null &&
        new RegExp(`(^| )${label}(\\(Required\\))?$`).test(
          accessibleName(button),
        ),
    );
  if (!trigger) throw new Error(`No select labelled ${label}`);
  await user.click(trigger);
  await user.click(await screen.findByRole('option', { name: option }));
}

async function fillRequest(user: UserEvent) {
  await user.type(
    screen.getByRole('textbox', { name: /^Owner/ }),
    'group:default/team-payments',
  );
  await user.type(
    screen.getByRole('textbox', { name: /^Title/ }),
    'New billing service',
  );
  await user.type(
    screen.getByRole('textbox', { name: /^Go-live date/ }),
    '2027-02-01',
  );
  await choose(user, 'Procurement', 'Enterprise agreement');
  await choose(user, 'Provider', 'AWS');
  await choose(user, 'Region', 'eu-west-1');
  await choose(user, 'Instance type', 'm5.xlarge (4 vCPUs)');
  await user.clear(screen.getByRole('textbox', { name: /^Count/ }));
  await user.type(screen.getByRole('textbox', { name: /^Count/ }), '3');
  await choose(user, 'Product', 'Microsoft SQL Server Standard');
  await choose(user, 'License model', 'BYOL');
}

describe('ItamPage, New onboarding request', () => {
  function apiWithOptions() {
    const api = mockFinopsItamApi();
    api.listOnboardingRequests.mockResolvedValue({ requests: [] });
    api.getOnboardingOptions.mockResolvedValue(makeOptions());
    return api;
  }

  it('opens the form pre-filled with the workload from the query', async () => {
    await renderWithFinopsApi(<ItamPage />, apiWithOptions(), {
      routeEntries: ['/?new=1&entityRef=component%3Adefault%2Fnew-billing'],
    });

    expect(
      await screen.findByRole('textbox', { name: /^Workload/ }),
    ).toHaveValue('component:default/new-billing');
    expect(
      screen.getByText(/Required by policy: cost-center\./),
    ).toBeInTheDocument();
  });

  it('opens the form from the button', async () => {
    const user = userEvent.setup({ delay: null });
    await renderWithFinopsApi(<ItamPage />, apiWithOptions());

    await user.click(
      await screen.findByRole('button', { name: 'New onboarding request' }),
    );

    expect(
      await screen.findByRole('form', { name: 'New onboarding request' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Workload/ })).toHaveValue('');
  });

  it('shows the problems of a refused request next to their fields', async () => {
    const api = apiWithOptions();
    const refusal = new OnboardingProblemsError(
      'The request is invalid',
      {} as ResponseError,
      [
        { field: 'goLive', reason: 'is in the past (today is 2026-12-07)' },
        {
          field: 'deployments[0].region',
          reason: 'eu-west-1 has no m5.xlarge in the instance type table',
        },
        { field: 'saas[4].seats', reason: 'must be at least 1' },
      ],
    );
    api.createOnboardingRequest.mockRejectedValue(refusal);
    const user = userEvent.setup({ delay: null });

    await renderWithFinopsApi(<ItamPage />, api, {
      routeEntries: ['/?new=1&entityRef=component%3Adefault%2Fnew-billing'],
    });
    await screen.findByRole('form', { name: 'New onboarding request' });
    await fillRequest(user);
    await user.click(screen.getByRole('button', { name: 'File request' }));

    expect(
      await screen.findByText(
        'The request was not filed: 3 problems, shown at their fields or listed here.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: /^Go-live date/ }),
    ).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText('is in the past (today is 2026-12-07)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('eu-west-1 has no m5.xlarge in the instance type table'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Other problems' })).getByText(
        'saas[4].seats: must be at least 1',
      ),
    ).toBeInTheDocument();
    expect(api.createOnboardingRequest).toHaveBeenCalledWith({
      entityRef: 'component:default/new-billing',
      owner: 'group:default/team-payments',
      title: 'New billing service',
      goLive: '2027-02-01',
      procurement: 'enterprise-agreement',
      deployments: [
        {
          provider: 'AWS',
          region: 'eu-west-1',
          tenancy: 'shared',
          instanceType: 'm5.xlarge',
          count: 3,
          products: [
            {
              productId: 'microsoft-sql-server-standard',
              licenseModel: 'byol',
            },
          ],
        },
      ],
    });
  });

  it('marks missing fields without asking the backend', async () => {
    const api = apiWithOptions();
    const user = userEvent.setup({ delay: null });

    await renderWithFinopsApi(<ItamPage />, api, {
      routeEntries: ['/?new=1'],
    });
    await user.click(
      await screen.findByRole('button', { name: 'File request' }),
    );

    expect(screen.getByRole('textbox', { name: /^Workload/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByText('Choose a provider.')).toBeInTheDocument();
    expect(api.createOnboardingRequest).not.toHaveBeenCalled();
  });

  it('opens the new request once it is filed', async () => {
    const api = apiWithOptions();
    api.createOnboardingRequest.mockResolvedValue(
      makeRequestDetail({ id: 'req-9' }),
    );
    api.getOnboardingRequest.mockResolvedValue(
      makeRequestDetail({ id: 'req-9' }),
    );
    const user = userEvent.setup({ delay: null });

    await renderWithFinopsApi(<ItamPage />, api, {
      routeEntries: ['/?new=1&entityRef=component%3Adefault%2Fnew-billing'],
    });
    await screen.findByRole('form', { name: 'New onboarding request' });
    await fillRequest(user);
    await user.click(screen.getByRole('button', { name: 'File request' }));

    expect(
      await screen.findByRole('heading', { name: 'New billing service' }),
    ).toBeInTheDocument();
    expect(api.getOnboardingRequest).toHaveBeenCalledWith('req-9');
    expect(
      screen.queryByRole('form', { name: 'New onboarding request' }),
    ).not.toBeInTheDocument();
  });
});
