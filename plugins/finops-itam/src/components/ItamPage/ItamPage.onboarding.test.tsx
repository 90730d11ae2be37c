import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { OnboardingProblemsError } from '../../api';
import { mockFinopsItamApi } from '../../testUtils/fixtures';
import { accountabilityFixture } from '../../testUtils/glossaryFixtures';
import {
  failedByolCheck,
  makeCheck,
  makeOptions,
  makeRequest,
  makeRequestDetail,
} from '../../testUtils/onboardingFixtures';
import { renderWithFinopsApi } from '../../testUtils/renderWithFinopsApi';
import { ItamPage } from './ItamPage';

describe('ItamPage, Onboarding tab', () => {
  it('lists requests waiting for review first and highlights failed checks', async () => {
    const api = mockFinopsItamApi();
    api.listOnboardingRequests.mockResolvedValue({
      requests: [
        makeRequest({
          id: 'approved',
          title: 'Approved analytics',
          status: 'approved',
          createdAt: '2026-12-06T00:00:00.000Z',
          checks: [makeCheck()],
        }),
        makeRequest({
          id: 'pending',
          title: 'New billing service',
          createdAt: '2026-12-01T00:00:00.000Z',
          checks: [makeCheck(), failedByolCheck],
        }),
        makeRequest({
          id: 'warned',
          title: 'Reporting',
          createdAt: '2026-12-02T00:00:00.000Z',
          checks: [makeCheck({ id: 'budget-fit', status: 'warn' })],
        }),
      ],
    });

    await renderWithFinopsApi(<ItamPage />, api);

    const table = await screen.findByRole('grid', {
      name: 'Onboarding requests',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(row => within(row).getAllByRole('rowheader')[0].textContent),
    ).toEqual([
      'Reportingcomponent:default/new-billing',
      'New billing servicecomponent:default/new-billing',
      'Approved analyticscomponent:default/new-billing',
    ]);
    expect(within(rows[0]).getByText('1 warning')).toBeInTheDocument();
    expect(within(rows[1]).getByText('1 failed check')).toBeInTheDocument();
    expect(within(rows[2]).getByText('All checks pass')).toBeInTheDocument();
    expect(api.listOnboardingRequests).toHaveBeenCalledWith({});
  });

  it('says how to file the first request when there is none', async () => {
    const api = mockFinopsItamApi();
    api.listOnboardingRequests.mockResolvedValue({ requests: [] });

    await renderWithFinopsApi(<ItamPage />, api);

    expect(
      await screen.findByText(/No onboarding requests yet/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'New onboarding request' }),
    ).toBeInTheDocument();
  });

  it('opens the request named in the query with its checks, estimate, reservations and history', async () => {
    const api = mockFinopsItamApi();
    api.listOnboardingRequests.mockResolvedValue({ requests: [makeRequest()] });
    api.getOnboardingRequest.mockResolvedValue(makeRequestDetail());

    await renderWithFinopsApi(<ItamPage />, api, {
      routeEntries: ['/?request=req-1'],
    });

    expect(
      await screen.findByRole('heading', { name: 'New billing service' }),
    ).toBeInTheDocument();
    expect(api.getOnboardingRequest).toHaveBeenCalledWith('req-1');
    expect(screen.getByText('Status: Pending review')).toBeInTheDocument();
    expect(
      screen.getByText(
        /3 × m5.xlarge \(4 vCPUs\) on AWS eu-west-1, shared tenancy/,
      ),
    ).toBeInTheDocument();

    const checks = within(screen.getByRole('list', { name: 'Checks' }));
    expect(checks.getByText('BYOL eligibility')).toBeInTheDocument();
    expect(checks.getByText('Fail')).toBeInTheDocument();
    expect(checks.getByText(failedByolCheck.message)).toBeInTheDocument();
    expect(checks.getByText(`Fix: ${failedByolCheck.fix}`)).toBeInTheDocument();

    const estimate = within(
      screen.getByRole('grid', { name: 'Cost estimate' }),
    );
    expect(estimate.getByText('$1,234.56')).toBeInTheDocument();
    expect(estimate.getByText('No price known')).toBeInTheDocument();
    expect(
      screen.getByText(/\(1 line without a known price\)/),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Reservations' })).getByText(
        '12 core licenses of microsoft-sql-server-standard',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'History' })).getByText(
        /user:default\/alice · filed: Filed with 1 deployment/,
      ),
    ).toBeInTheDocument();
  });

  it('opens a request from the queue with the keyboard', async () => {
    const api = mockFinopsItamApi();
    api.listOnboardingRequests.mockResolvedValue({ requests: [makeRequest()] });
    api.getOnboardingRequest.mockResolvedValue(makeRequestDetail());
    const user = userEvent.setup({ delay: null });

    await renderWithFinopsApi(<ItamPage />, api);
    const table = await screen.findByRole('grid', {
      name: 'Onboarding requests',
    });
    // Tab into the table, which focuses its first request, and open it with Enter.
    for (let press = 0; press < 6; press++) {
      if (table.contains(document.activeElement)) break;
      await user.tab();
    }
    expect(table).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Enter}');

    expect(
      await screen.findByRole('heading', { name: 'New billing service' }),
    ).toBeInTheDocument();
    expect(api.getOnboardingRequest).toHaveBeenCalledWith('req-1');
  });

  it('asks for an exception reason to approve despite a failed check, and sends it', async () => {
    const api = mockFinopsItamApi();
    api.listOnboardingRequests.mockResolvedValue({ requests: [makeRequest()] });
    api.getOnboardingRequest.mockResolvedValue(makeRequestDetail());
    api.decideOnboardingRequest.mockResolvedValue(
      makeRequestDetail({
        status: 'approved',
        decisions: [
          {
            decision: 'approve',
            reason: 'Needed for the billing migration',
            exception: 'Vendor confirmed License Mobility in writing',
            failedChecks: ['byol-eligibility'],
            by: 'user:default/rita',
            at: '2026-12-07T09:00:00.000Z',
          },
        ],
      }),
    );
    const user = userEvent.setup({ delay: null });

    await renderWithFinopsApi(<ItamPage />, api, {
      routeEntries: ['/?request=req-1'],
    });
    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    expect(screen.getByRole('button', { name: 'Approve' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.type(
      screen.getByRole('textbox', { name: /^Reason/ }),
      'Needed for the billing migration',
    );
    await user.click(screen.getByRole('button', { name: 'Submit decision' }));

    const exception = screen.getByRole('textbox', {
      name: /^Exception reason/,
    });
    expect(exception).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText(
        'A check failed: say why the request is approved anyway.',
      ),
    ).toBeInTheDocument();
    expect(api.decideOnboardingRequest).not.toHaveBeenCalled();

    await user.type(exception, 'Vendor confirmed License Mobility in writing');
    await user.click(screen.getByRole('button', { name: 'Submit decision' }));

    expect(api.decideOnboardingRequest).toHaveBeenCalledWith('req-1', {
      decision: 'approve',
      reason: 'Needed for the billing migration',
      exception: 'Vendor confirmed License Mobility in writing',
    });
    expect(await screen.findByText('Status: Approved')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Exception for BYOL eligibility: Vendor confirmed License Mobility in writing',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Submit decision' }),
    ).not.toBeInTheDocument();
  });

  it('rejects without asking for an exception', async () => {
    const api = mockFinopsItamApi();
    api.listOnboardingRequests.mockResolvedValue({ requests: [makeRequest()] });
    api.getOnboardingRequest.mockResolvedValue(makeRequestDetail());
    api.decideOnboardingRequest.mockResolvedValue(
      makeRequestDetail({ status: 'rejected' }),
    );
    const user = userEvent.setup({ delay: null });

    await renderWithFinopsApi(<ItamPage />, api, {
      routeEntries: ['/?request=req-1'],
    });
    await user.click(await screen.findByRole('button', { name: 'Reject' }));
    expect(
      screen.queryByRole('textbox', { name: /^Exception reason/ }),
    ).not.toBeInTheDocument();
    await user.type(
      screen.getByRole('textbox', { name: /^Reason/ }),
      'Use the shared billing platform',
    );
    await user.click(screen.getByRole('button', { name: 'Submit decision' }));

    expect(api.decideOnboardingRequest).toHaveBeenCalledWith('req-1', {
      decision: 'reject',
      reason: 'Use the shared billing platform',
    });
  });

  it("says beside the decision who is accountable for it, for the request's owner", async () => {
    const api = mockFinopsItamApi();
    api.listOnboardingRequests.mockResolvedValue({ requests: [makeRequest()] });
    api.getOnboardingRequest.mockResolvedValue(makeRequestDetail());
    api.getAccountability.mockResolvedValue(accountabilityFixture);

    await renderWithFinopsApi(<ItamPage />, api, {
      routeEntries: ['/?request=req-1'],
    });

    const accountable = await screen.findByTestId('finops-itam-accountable');
    expect(accountable).toHaveTextContent(
      'Accountable: ITAM team (itam-team); consulted: Owner',
    );
    expect(api.getAccountability).toHaveBeenCalledWith({
      ownerRef: 'group:default/team-payments',
    });
  });

  it('lets the requester change a request a reviewer sent back', async () => {
    const api = mockFinopsItamApi();
    const sentBack = makeRequestDetail({ status: 'changes-requested' });
    api.listOnboardingRequests.mockResolvedValue({ requests: [sentBack] });
    api.getOnboardingRequest.mockResolvedValue(sentBack);
    api.getOnboardingOptions.mockResolvedValue(makeOptions());
    api.updateOnboardingRequest.mockResolvedValue(
      makeRequestDetail({ title: 'Billing service v2' }),
    );
    const user = userEvent.setup({ delay: null });

    await renderWithFinopsApi(<ItamPage />, api, {
      routeEntries: ['/?request=req-1'],
    });
    await user.click(
      await screen.findByRole('button', { name: 'Change request' }),
    );
    const title = await screen.findByRole('textbox', { name: /^Title/ });
    expect(title).toHaveValue('New billing service');
    await user.clear(title);
    await user.type(title, 'Billing service v2');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(api.updateOnboardingRequest).toHaveBeenCalledWith(
      'req-1',
      expect.objectContaining({
        title: 'Billing service v2',
        entityRef: 'component:default/new-billing',
      }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Billing service v2' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Status: Pending review')).toBeInTheDocument();
  });

  it('asks for the exception the backend requires when a check failed since the page loaded', async () => {
    const api = mockFinopsItamApi();
    const passing = makeRequestDetail({ checks: [makeCheck()] });
    api.listOnboardingRequests.mockResolvedValue({ requests: [passing] });
    api.getOnboardingRequest.mockResolvedValue(passing);
    api.decideOnboardingRequest.mockRejectedValueOnce(
      new OnboardingProblemsError(
        'The decision is invalid',
        {} as ResponseError,
        [
          {
            field: 'exception',
            reason:
              'approving with failed checks (byol-eligibility) needs an exception: why it is approved anyway',
          },
        ],
      ),
    );
    api.decideOnboardingRequest.mockResolvedValueOnce(
      makeRequestDetail({ status: 'approved' }),
    );
    const user = userEvent.setup({ delay: null });

    await renderWithFinopsApi(<ItamPage />, api, {
      routeEntries: ['/?request=req-1'],
    });
    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    expect(
      screen.queryByRole('textbox', { name: /^Exception reason/ }),
    ).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /^Reason/ }), 'Go');
    await user.click(screen.getByRole('button', { name: 'Submit decision' }));

    const exception = await screen.findByRole('textbox', {
      name: /^Exception reason/,
    });
    expect(exception).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText(/needs an exception: why it is approved anyway/),
    ).toBeInTheDocument();

    await user.type(exception, 'Accepted by the ITAM lead');
    await user.click(screen.getByRole('button', { name: 'Submit decision' }));

    expect(api.decideOnboardingRequest).toHaveBeenLastCalledWith('req-1', {
      decision: 'approve',
      reason: 'Go',
      exception: 'Accepted by the ITAM lead',
    });
    expect(await screen.findByText('Status: Approved')).toBeInTheDocument();
  });
});
