import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { KpiGroupBy } from '@finops-itam/plugin-finops-itam-common';
import { finopsRouteRef } from '../../routes';
import { forbiddenError } from '../../testUtils/apiErrors';
import { mockFinopsItamApi } from '../../testUtils/fixtures';
import {
  makeEmptyKpis,
  makeKpi,
  makeKpis,
  makeKpiSet,
} from '../../testUtils/finopsFixtures';
import { renderWithFinopsApi } from '../../testUtils/renderWithFinopsApi';
import { FinopsPage } from './FinopsPage';

const page = { '/finops-itam/finops': finopsRouteRef };

// The KPI tab renders cards, a chart and three tables; in jsdom the last ones can take more
// than the default second to appear.
const FULL_TAB = { timeout: 10_000 };

/** A day `days` before today in UTC, computed apart from the code under test. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** The card of one KPI, found by its title as a screen reader announces it. */
async function kpiCard(name: string) {
  return screen.findByRole('group', { name });
}

/** `GET /kpis` by kind of request: grouped, one month of the trend, or the page's period. */
function kpisApi() {
  const api = mockFinopsItamApi();
  api.getGlossary.mockResolvedValue({ terms: [] });
  api.getKpis.mockImplementation(async (options = {}) => {
    if (options.groupBy) {
      return makeKpis({
        groups: [
          { ...makeKpiSet(), key: 'AWS' },
          {
            ...makeKpiSet({
              allocationCoverage: makeKpi('1', '4', '0.25'),
            }),
            key: null,
          },
        ],
      });
    }
    if (options.from?.endsWith('-01')) {
      // The trend asks month by month; each month is 50 / 200 saved, 180 / 200 allocated.
      return makeKpis({
        from: options.from,
        to: options.to!,
        effectiveSavingsRate: {
          againstList: makeKpi('50', '200', '0.25'),
          againstContracted: makeKpi('20', '200', '0.1'),
        },
        allocationCoverage: makeKpi('180', '200', '0.9'),
      });
    }
    return makeKpis();
  });
  return api;
}

describe('FinopsPage, KPIs', () => {
  it('shows each KPI as a percentage with the sums it comes from, the last 30 days by default', async () => {
    const api = kpisApi();
    await renderWithFinopsApi(<FinopsPage />, api, { mountedRoutes: page });

    const esrList = await kpiCard('Effective savings rate against list prices');
    expect(
      within(esrList).getByTestId('finops-itam-kpi-value'),
    ).toHaveTextContent('25.0%');
    expect(esrList).toHaveTextContent(
      '$250.00 of $1,000.00 list cost saved (list − effective)',
    );

    // 50 / 800 = 6.25 %, rounded half up; $12.50 of cost lacked a contracted price.
    const esrContracted = await kpiCard(
      'Effective savings rate against contracted prices',
    );
    expect(
      within(esrContracted).getByTestId('finops-itam-kpi-value'),
    ).toHaveTextContent('6.3%');
    expect(esrContracted).toHaveTextContent(
      'Not covered by this figure: $12.50',
    );
    expect(esrList).not.toHaveTextContent('Not covered');

    const utilization = await kpiCard('Commitment utilization');
    expect(utilization).toHaveTextContent('96.8%');
    expect(utilization).toHaveTextContent('720 of 744 Hours');

    const coverage = await kpiCard('Commitment coverage');
    expect(coverage).toHaveTextContent('80.0%');
    expect(coverage).toHaveTextContent(
      'Eligible cost decided by the list of eligible service categories (Compute, Databases).',
    );

    expect(await kpiCard('Commitment waste')).toHaveTextContent('3.2%');

    // 89.5 % allocated: Crawl, not Run, though it rounds close to 90 %.
    const allocation = await kpiCard('Allocation coverage');
    expect(allocation).toHaveTextContent('89.5%');
    expect(within(allocation).getByText('Maturity: Crawl')).toBeInTheDocument();

    expect(api.getKpis).toHaveBeenCalledWith({
      from: daysAgo(30),
      to: daysAgo(0),
    });
  });

  it('shows other currencies apart, never added to the main one', async () => {
    const api = kpisApi();
    await renderWithFinopsApi(<FinopsPage />, api, { mountedRoutes: page });

    expect(
      await screen.findByText(
        'Other currencies, not converted and not added to USD',
      ),
    ).toBeInTheDocument();
    const table = await screen.findByRole(
      'grid',
      { name: 'KPIs in other currencies' },
      FULL_TAB,
    );
    const eur = within(table).getByRole('row', { name: /EUR/ });
    // 7 / 40 EUR allocated.
    expect(eur).toHaveTextContent('17.5%');
  });

  it('shows the trend of the last six months, one request per month', async () => {
    const api = kpisApi();
    await renderWithFinopsApi(<FinopsPage />, api, { mountedRoutes: page });

    const trend = await screen.findByRole(
      'grid',
      { name: 'KPI trend by month' },
      FULL_TAB,
    );
    const rows = within(trend).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row).toHaveTextContent('25.0%');
      expect(row).toHaveTextContent('90.0%');
    }
    const monthly = api.getKpis.mock.calls.filter(([options]) =>
      options?.from?.endsWith('-01'),
    );
    expect(monthly).toHaveLength(6);
  });

  it('groups the KPIs by provider, billing account or team', async () => {
    const user = userEvent.setup({ delay: null });
    const api = kpisApi();
    await renderWithFinopsApi(<FinopsPage />, api, { mountedRoutes: page });

    const byProvider = await screen.findByRole(
      'grid',
      { name: 'KPIs by provider' },
      FULL_TAB,
    );
    expect(within(byProvider).getByRole('row', { name: /AWS/ })).toBeDefined();
    expect(
      within(byProvider).getByRole('row', { name: /No provider named/ }),
    ).toHaveTextContent('25.0%');

    await user.click(screen.getByRole('button', { name: /Group by/ }));
    await user.click(await screen.findByRole('option', { name: 'Team' }));

    const byTeam = await screen.findByRole(
      'grid',
      { name: 'KPIs by team' },
      FULL_TAB,
    );
    expect(
      within(byTeam).getByRole('row', { name: /Unallocated/ }),
    ).toBeDefined();
    const groupings = api.getKpis.mock.calls
      .map(([options]) => options?.groupBy)
      .filter((g): g is KpiGroupBy => Boolean(g));
    expect(groupings).toEqual(['provider', 'team']);
  });

  it('asks for a whole month when one is picked, and keeps it in the link', async () => {
    const api = kpisApi();
    await renderWithFinopsApi(<FinopsPage />, api, {
      mountedRoutes: page,
      routeEntries: ['/?period=2026-09'],
    });

    await kpiCard('Commitment waste');
    expect(api.getKpis).toHaveBeenCalledWith({
      from: '2026-09-01',
      to: '2026-10-01',
    });
  });

  it('says there is no cost in the period, and what to check', async () => {
    const api = mockFinopsItamApi();
    api.getKpis.mockResolvedValue(makeEmptyKpis());
    await renderWithFinopsApi(<FinopsPage />, api, { mountedRoutes: page });

    expect(
      await screen.findByText('No cost in this period'),
    ).toBeInTheDocument();
    expect(screen.getByText(/finopsItam\.sources/)).toBeInTheDocument();
  });

  it('shows a progress bar while the KPIs load', async () => {
    const api = mockFinopsItamApi();
    api.getKpis.mockReturnValue(new Promise(() => {}));
    await renderWithFinopsApi(<FinopsPage />, api, { mountedRoutes: page });

    expect(
      await screen.findByRole('progressbar', { name: 'Loading the KPIs' }),
    ).toBeInTheDocument();
  });

  it('says the user may not read the KPIs', async () => {
    const api = mockFinopsItamApi();
    api.getKpis.mockRejectedValue(await forbiddenError('no', '/kpis'));
    await renderWithFinopsApi(<FinopsPage />, api, { mountedRoutes: page });

    expect(
      await screen.findByText("You don't have access to the KPIs"),
    ).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const api = mockFinopsItamApi();
    api.getKpis.mockRejectedValue(new Error('database is down'));
    await renderWithFinopsApi(<FinopsPage />, api, { mountedRoutes: page });

    expect(
      await screen.findByText(/Could not load the KPIs: database is down/),
    ).toBeInTheDocument();
  });
});
