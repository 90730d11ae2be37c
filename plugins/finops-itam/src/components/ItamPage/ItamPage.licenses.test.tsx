import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { downloadTextFile } from '../../lib/download';
import { itamRouteRef } from '../../routes';
import { forbiddenError } from '../../testUtils/apiErrors';
import { mockFinopsItamApi } from '../../testUtils/fixtures';
import {
  makeCandidate,
  makePositionEntry,
  rhelShelfware,
} from '../../testUtils/positionFixtures';
import { renderWithFinopsApi } from '../../testUtils/renderWithFinopsApi';
import { ItamPage } from './ItamPage';

jest.mock('../../lib/download', () => ({ downloadTextFile: jest.fn() }));

const itamPage = { '/finops-itam/itam': itamRouteRef };

function apiWithLicenses() {
  const api = mockFinopsItamApi();
  api.listOnboardingRequests.mockResolvedValue({ requests: [] });
  api.getLicensePosition.mockResolvedValue([
    makePositionEntry(),
    rhelShelfware,
  ]);
  api.getLicenseReharvest.mockResolvedValue({
    candidates: [makeCandidate()],
  });
  return api;
}

describe('ItamPage, license tabs', () => {
  it('shows the position per product and expands one to its reservations and non-compliance', async () => {
    const user = userEvent.setup({ delay: null });
    await renderWithFinopsApi(<ItamPage />, apiWithLicenses(), {
      routeEntries: ['/?tab=position'],
      mountedRoutes: itamPage,
    });

    const table = await screen.findByRole('grid', { name: 'License position' });
    const sql = within(table).getByRole('row', {
      name: /Microsoft SQL Server Standard/,
    });
    const cells = [
      ...within(sql).getAllByRole('rowheader'),
      ...within(sql).getAllByRole('gridcell'),
    ].map(cell => cell.textContent);
    expect(cells).toEqual([
      'Microsoft SQL Server Standardper core',
      '16',
      '20now 18',
      '12',
      '8 / 12',
      '-4',
      'Shortage',
      '$7,200.00',
      '2027-03-31projected -6',
      'Details',
    ]);
    expect(
      within(table).getByRole('row', { name: /Red Hat Enterprise Linux/ }),
    ).toHaveTextContent('+4');

    await user.click(
      within(sql).getByRole('button', {
        name: 'Show details of Microsoft SQL Server Standard',
      }),
    );

    const reservations = within(
      await screen.findByRole('list', { name: 'Reservations' }),
    );
    expect(reservations.getByText(/^12 for/)).toBeInTheDocument();
    expect(
      reservations.getByRole('link', { name: 'new-billing' }),
    ).toHaveAttribute('href', '/catalog/default/component/new-billing');
    expect(reservations.getByRole('link', { name: 'req-1' })).toHaveAttribute(
      'href',
      '/finops-itam/itam?request=req-1',
    );
    const nonCompliance = within(
      screen.getByRole('list', { name: 'Non-compliance' }),
    );
    expect(
      nonCompliance.getByText(
        /BYOL on shared AWS tenancy needs License Mobility.*resource orders-db-1/,
      ),
    ).toBeInTheDocument();
    expect(
      nonCompliance.getByRole('link', { name: 'orders' }),
    ).toBeInTheDocument();
  });

  it('groups compliance risks by kind with who runs them', async () => {
    const api = apiWithLicenses();
    api.getLicenseComplianceRisks.mockResolvedValue({
      risks: [
        {
          kind: 'unknown-size',
          productId: 'rhel',
          productName: 'Red Hat Enterprise Linux',
          entityRef: null,
          owner: null,
          resourceId: 'i-0zzz',
          detail: 'instance type x9.weird is not in the table',
        },
        {
          kind: 'byol-not-allowed',
          productId: 'microsoft-sql-server-standard',
          productName: 'Microsoft SQL Server Standard',
          entityRef: 'component:default/orders',
          owner: 'group:default/team-orders',
          resourceId: 'i-0aaa',
          detail: 'BYOL on shared AWS tenancy needs License Mobility',
        },
      ],
    });

    await renderWithFinopsApi(<ItamPage />, api, {
      routeEntries: ['/?tab=compliance'],
    });

    const headings = (await screen.findAllByRole('heading', { level: 3 })).map(
      heading => heading.textContent,
    );
    expect(headings).toEqual(['BYOL not allowed here (1)', 'Unknown size (1)']);
    const byol = within(
      screen.getByRole('grid', { name: 'BYOL not allowed here' }),
    );
    expect(byol.getByRole('link', { name: 'orders' })).toHaveAttribute(
      'href',
      '/catalog/default/component/orders',
    );
    expect(byol.getByRole('link', { name: 'team-orders' })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-orders',
    );
    // Nobody known runs or owns the resource of unknown size.
    expect(
      within(screen.getByRole('grid', { name: 'Unknown size' })).getAllByText(
        'Unknown',
      ),
    ).toHaveLength(2);
  });

  it('says so when there is no compliance risk', async () => {
    const api = apiWithLicenses();
    api.getLicenseComplianceRisks.mockResolvedValue({ risks: [] });

    await renderWithFinopsApi(<ItamPage />, api, {
      routeEntries: ['/?tab=compliance'],
    });

    expect(
      await screen.findByText('No compliance risks found.'),
    ).toBeInTheDocument();
  });

  it('lists reharvest candidates and shelfware and exports them as CSV', async () => {
    const user = userEvent.setup({ delay: null });
    await renderWithFinopsApi(<ItamPage />, apiWithLicenses(), {
      routeEntries: ['/?tab=reharvest'],
      mountedRoutes: itamPage,
    });

    const candidates = within(
      await screen.findByRole('grid', { name: 'Reharvest candidates' }),
    );
    expect(candidates.getByText('Workload migrated')).toBeInTheDocument();
    expect(
      candidates.getByRole('link', { name: 'old-billing' }),
    ).toBeInTheDocument();
    expect(
      candidates.getByRole('link', { name: 'team-payments' }),
    ).toBeInTheDocument();
    expect(candidates.getByRole('link', { name: 'req-1' })).toHaveAttribute(
      'href',
      '/finops-itam/itam?request=req-1',
    );
    const shelfware = within(screen.getByRole('grid', { name: 'Shelfware' }));
    expect(shelfware.getAllByRole('row')).toHaveLength(2);
    expect(
      shelfware.getByRole('row', { name: /Red Hat Enterprise Linux/ }),
    ).toHaveTextContent('4');

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(downloadTextFile).toHaveBeenCalledTimes(1);
    const [fileName, text] = jest.mocked(downloadTextFile).mock.calls[0];
    expect(fileName).toBe('license-reharvest.csv');
    expect(text.split('\r\n')).toEqual([
      'kind,product,reason,entity,owner,resource,quantity released,onboarding request,detail',
      "candidate,microsoft-sql-server-standard,Workload migrated,component:default/old-billing,group:default/team-payments,,8,req-1,'=replaced by component:default/new-billing on 2027-02-01",
      'shelfware,rhel,Entitled but not required,,,,4,,"10 entitled, 6 required at the peak"',
      '',
    ]);
  });

  it('explains a refusal to read the position', async () => {
    const api = apiWithLicenses();
    api.getLicensePosition.mockRejectedValue(
      await forbiddenError('not allowed', '/api/finops-itam/licenses/position'),
    );

    await renderWithFinopsApi(<ItamPage />, api, {
      routeEntries: ['/?tab=position'],
    });

    expect(
      await screen.findByText("You don't have access to the license position"),
    ).toBeInTheDocument();
  });

  it('switches tabs with the keyboard', async () => {
    const api = apiWithLicenses();
    api.getLicenseComplianceRisks.mockResolvedValue({ risks: [] });
    const user = userEvent.setup({ delay: null });
    await renderWithFinopsApi(<ItamPage />, api);

    await screen.findByText(/No onboarding requests yet/);
    await user.click(screen.getByRole('tab', { name: 'License position' }));
    expect(
      await screen.findByRole('grid', { name: 'License position' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'License position' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Compliance risks' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(
      screen.getByRole('tab', { name: 'Compliance risks' }),
    ).toHaveAttribute('aria-selected', 'true');
    expect(
      await screen.findByText('No compliance risks found.'),
    ).toBeInTheDocument();
  });
});
