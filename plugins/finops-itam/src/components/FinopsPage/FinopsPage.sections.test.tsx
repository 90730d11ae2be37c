import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  Commitment,
  SaasContract,
} from '@finops-itam/plugin-finops-itam-common';
import { downloadTextFile } from '../../lib/download';
import { finopsRouteRef } from '../../routes';
import { forbiddenError } from '../../testUtils/apiErrors';
import { mockFinopsItamApi } from '../../testUtils/fixtures';
import {
  accountabilityFixture,
  glossaryFixture,
} from '../../testUtils/glossaryFixtures';
import { renderWithFinopsApi } from '../../testUtils/renderWithFinopsApi';
import { FinopsPage } from './FinopsPage';

jest.mock('../../lib/download', () => ({ downloadTextFile: jest.fn() }));

const page = { '/finops-itam/finops': finopsRouteRef };
const SLOW = { timeout: 5_000 };

function api() {
  const mock = mockFinopsItamApi();
  mock.getGlossary.mockResolvedValue(glossaryFixture);
  return mock;
}

async function openTab(tab: string, mock: ReturnType<typeof api>) {
  await renderWithFinopsApi(<FinopsPage />, mock, {
    mountedRoutes: page,
    routeEntries: [`/?tab=${tab}`],
  });
}

const PERIOD = { from: '2026-10-28', to: '2026-11-27' };

const commitment: Commitment = {
  commitmentDiscountId: 'ri-0abc',
  currency: 'USD',
  providerName: 'AWS',
  type: 'Reserved Instance',
  category: 'Usage',
  usedCost: '300',
  unusedCost: '20',
  usedQuantity: '700',
  unusedQuantity: '20',
  utilization: {
    value: '0.97222222222222222222',
    numerator: '700',
    denominator: '720',
    notCovered: '0',
    unit: 'Hours',
  },
  coveredOwners: [
    { ownerRef: 'group:default/team-a', cost: '200' },
    { ownerRef: null, cost: '100' },
  ],
  unusedCostOwners: [{ ownerRef: 'group:default/team-a', cost: '20' }],
};

const prepaid: SaasContract = {
  id: 'lumenwatch-ingest',
  title: 'Lumenwatch ingestion',
  vendor: 'Lumenwatch',
  kind: 'prepaid',
  currency: 'USD',
  start: '2026-01-01',
  end: '2026-12-31',
  ownerRef: 'group:default/team-a',
  productId: null,
  committed: '12000',
  contractedMonthlyRunRate: null,
  consumedToDate: '9000',
  remaining: '3000',
  recentMonthlyRunRate: '1500',
  projectedExhaustion: '2026-12-29',
  status: 'warning',
  message: 'Runs out two days before the end of the contract.',
  months: [],
  source: 'cost rows of publisher "Lumenwatch"',
};

describe('FinopsPage, sections', () => {
  afterEach(() => jest.mocked(downloadTextFile).mockReset());

  it('shows allocation coverage with its band and the costliest unallocated resources with a suggested owner', async () => {
    const mock = api();
    mock.getAllocationCoverage.mockResolvedValue({
      ...PERIOD,
      currency: 'USD',
      total: '1000',
      allocated: '905',
      unallocated: '95',
      allocatedPercent: 90.5,
      basis: 'amortized',
      byBillingAccount: [],
      allocation: { state: 'current', lastRunAt: '2026-11-27T06:00:00.000Z' },
    });
    mock.getUnallocated.mockResolvedValue({
      ...PERIOD,
      currency: 'USD',
      total: '95',
      resources: [
        {
          resourceId: 'i-0123',
          resourceName: 'checkout-vm-1',
          serviceName: 'Amazon EC2',
          subAccountId: null,
          billingAccountId: '1111',
          cost: '60',
          tags: {},
          suggestedOwner: {
            entityRef: 'component:default/checkout',
            reason: 'resource name "checkout-vm-1" contains "checkout"',
          },
        },
      ],
      missingTags: [],
    });
    await openTab('allocation', mock);

    expect(await screen.findByText('90.5% allocated')).toBeInTheDocument();
    expect(screen.getByText('Maturity: Run')).toBeInTheDocument();
    expect(
      screen.getByText('$905.00 of $1,000.00 allocated; $95.00 unallocated.'),
    ).toBeInTheDocument();
    const table = screen.getByRole('grid', {
      name: 'Top unallocated resources',
    });
    const row = within(table).getByRole('row', { name: /checkout-vm-1/ });
    expect(row).toHaveTextContent('$60.00');
    expect(within(row).getByRole('link', { name: 'checkout' })).toBeDefined();
    expect(row).toHaveTextContent('contains "checkout"');
    expect(mock.getUnallocated).toHaveBeenCalledWith(
      expect.objectContaining({ limit: 20 }),
    );
  });

  it('lists commitments with used and unused cost, utilization and whose usage they covered', async () => {
    const mock = api();
    mock.listCommitments.mockResolvedValue({ ...PERIOD, items: [commitment] });
    await openTab('commitments', mock);

    const table = await screen.findByRole('grid', { name: 'Commitments' });
    const row = within(table).getByRole('row', { name: /ri-0abc/ });
    expect(row).toHaveTextContent('Reserved Instance');
    expect(row).toHaveTextContent('$300.00');
    expect(row).toHaveTextContent('$20.00');
    // 700 / 720 hours.
    expect(row).toHaveTextContent('97.2%');
    expect(row).toHaveTextContent('700 of 720 Hours used');
    expect(row).toHaveTextContent('Unallocated $100.00');
  });

  it('says when no commitment covered usage', async () => {
    const mock = api();
    mock.listCommitments.mockResolvedValue({ ...PERIOD, items: [] });
    await openTab('commitments', mock);

    expect(
      await screen.findByText(/No commitment discount .* covered usage/),
    ).toBeInTheDocument();
  });

  it('shows marketplace spend per seller and SaaS drawdown with its projection', async () => {
    const mock = api();
    mock.getMarketplaceSpend.mockResolvedValue({
      ...PERIOD,
      items: [
        {
          publisherName: 'Lumenwatch',
          invoiceIssuerName: 'Amazon Web Services',
          providerName: 'AWS',
          productIds: ['lumenwatch-apm'],
          countsTowardCommitment: true,
          policy: 'needs-approval',
          cost: [{ currency: 'USD', amount: '120' }],
          billedCost: [{ currency: 'USD', amount: '0' }],
          resources: 2,
          owners: [],
        },
      ],
      totals: [{ currency: 'USD', amount: '120' }],
      countingTowardCommitment: [{ currency: 'USD', amount: '120' }],
    });
    mock.listSaasContracts.mockResolvedValue({
      asOf: '2026-11-26',
      items: [prepaid],
    });
    await openTab('marketplace', mock);

    const sellers = await screen.findByRole('grid', {
      name: 'Marketplace spend by seller',
    });
    const seller = within(sellers).getByRole('row', { name: /Lumenwatch/ });
    expect(seller).toHaveTextContent('$120.00');
    expect(seller).toHaveTextContent('billed $0.00');
    expect(seller).toHaveTextContent('Yes');
    expect(seller).toHaveTextContent('Needs approval');

    const contracts = await screen.findByRole('grid', {
      name: 'SaaS contracts',
    });
    const contract = within(contracts).getByRole('row', {
      name: /Lumenwatch ingestion/,
    });
    // 9,000 of 12,000 drawn.
    expect(
      within(contract).getByRole('progressbar', {
        name: 'Drawdown of Lumenwatch ingestion',
      }),
    ).toHaveAttribute('aria-valuenow', '75');
    expect(contract).toHaveTextContent('$9,000.00 of $12,000.00 drawn (75.0%)');
    expect(contract).toHaveTextContent('$3,000.00');
    expect(contract).toHaveTextContent('2026-12-29');
    expect(contract).toHaveTextContent(
      'Runs out two days before the end of the contract.',
    );
    expect(mock.listSaasContracts).toHaveBeenCalledWith({
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it('keeps SaaS contracts on screen when marketplace spend fails', async () => {
    const mock = api();
    mock.getMarketplaceSpend.mockRejectedValue(new Error('query timed out'));
    mock.listSaasContracts.mockResolvedValue({ asOf: '2026-11-26', items: [] });
    await openTab('marketplace', mock);

    expect(
      await screen.findByText(
        /Could not load marketplace spend: query timed out/,
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/No SaaS contracts: add prepaid/),
    ).toBeInTheDocument();
  });

  it('shows the compliance report per owner and each resource outside policy', async () => {
    const mock = api();
    const none = { cost: [], resources: [] };
    mock.getPolicyCompliance.mockResolvedValue({
      ...PERIOD,
      owners: [
        {
          ownerRef: 'group:default/team-a',
          untagged: {
            cost: [{ currency: 'USD', amount: '40' }],
            resources: [
              {
                providerName: 'AWS',
                resourceId: 'vol-1',
                resourceName: 'orphan-disk',
                regionIds: ['eu-west-1'],
                suggestedOwnerRef: 'group:default/team-b',
                cost: [{ currency: 'USD', amount: '40' }],
                reasons: ['missing tag cost-center'],
              },
            ],
          },
          disallowedLocation: none,
          marketplaceOutsidePolicy: none,
          blockedProduct: none,
        },
      ],
      policies: {
        requiredTags: ['cost-center'],
        requiredTagsByProvider: { Azure: ['environment'] },
        allowedProviders: ['AWS', 'Azure'],
        allowedRegions: null,
        marketplace: 'needs-approval',
        approvedMarketplacePublishers: ['Lumenwatch'],
        blockedProducts: [],
      },
    });
    await openTab('compliance', mock);

    const owners = await screen.findByRole('grid', {
      name: 'Compliance by owner',
    });
    const owner = within(owners).getByRole('row', { name: /team-a/ });
    expect(owner).toHaveTextContent('$40.00');
    expect(owner).toHaveTextContent('1 resource');

    const resources = screen.getByRole('grid', {
      name: 'Resources outside policy',
    });
    const disk = within(resources).getByRole('row', { name: /orphan-disk/ });
    expect(disk).toHaveTextContent('Untagged');
    expect(disk).toHaveTextContent('missing tag cost-center');
    expect(within(disk).getByRole('link', { name: 'team-b' })).toBeDefined();
    expect(
      screen.getByText(
        'Policies applied: required tags cost-center, and environment on Azure; providers AWS, Azure; regions any; marketplace needs-approval (approved sellers: Lumenwatch); blocked products none.',
      ),
    ).toBeInTheDocument();
  });

  it('downloads the chargeback of the chosen month as CSV', async () => {
    const user = userEvent.setup({ delay: null });
    const mock = api();
    mock.getChargebackCsv.mockResolvedValue(
      'cost center,amount\r\nCC-1,10\r\n',
    );
    await renderWithFinopsApi(<FinopsPage />, mock, {
      mountedRoutes: page,
      routeEntries: ['/?tab=chargeback&period=2026-09'],
    });

    await user.click(
      await screen.findByRole('button', { name: 'Download CSV' }),
    );

    expect(mock.getChargebackCsv).toHaveBeenCalledWith('2026-09');
    expect(downloadTextFile).toHaveBeenCalledWith(
      'chargeback-2026-09.csv',
      'cost center,amount\r\nCC-1,10\r\n',
    );
  });

  it('says the user may not download the chargeback', async () => {
    const user = userEvent.setup({ delay: null });
    const mock = api();
    mock.getChargebackCsv.mockRejectedValue(
      await forbiddenError('no', '/chargeback'),
    );
    await openTab('chargeback', mock);

    await user.click(
      await screen.findByRole('button', { name: 'Download CSV' }),
    );

    expect(
      await screen.findByText(/You don't have access to chargeback data/),
    ).toBeInTheDocument();
    expect(downloadTextFile).not.toHaveBeenCalled();
  });

  it('sorts unit economics highest unit cost first, lines without volume last', async () => {
    const mock = api();
    const line = (name: string, unitCost: string | null, volume: string) => ({
      entityRef: `component:default/${name}`,
      metric: 'orders',
      unit: 'order',
      currency: 'USD',
      allInCost: '100',
      volume,
      unitCost,
    });
    mock.getUnitEconomics.mockResolvedValue({
      ...PERIOD,
      items: [
        line('cheap', '0.5', '200'),
        line('idle', null, '0'),
        line('dear', '2', '50'),
      ],
    });
    await openTab('unit-economics', mock);

    const table = await screen.findByRole('grid', { name: 'Unit economics' });
    const services = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).getByRole('link').textContent);
    expect(services).toEqual(['dear', 'cheap', 'idle']);
    expect(within(table).getByRole('row', { name: /idle/ })).toHaveTextContent(
      'No volume',
    );
  });

  it('shows who decides what and the glossary with an anchor per term', async () => {
    const mock = api();
    mock.getAccountability.mockResolvedValue(accountabilityFixture);
    await openTab('glossary', mock);

    const table = await screen.findByRole('grid', { name: 'Accountability' });
    const onboarding = within(table).getByRole('row', {
      name: /Onboarding approval/,
    });
    expect(onboarding).toHaveTextContent('ITAM team (itam-team)');
    expect(onboarding).toHaveTextContent('Owner');

    const term = await screen.findByText('Effective savings rate', {}, SLOW);
    expect(term.closest('[id]')).toHaveAttribute(
      'id',
      'effective-savings-rate',
    );
    expect(screen.getByText(/also ESR/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'FOCUS use case: effective savings rate',
      }),
    ).toHaveAttribute('href', 'https://focus.finops.org/');
  });
});
