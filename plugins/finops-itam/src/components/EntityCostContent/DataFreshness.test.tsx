import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CostSourceStatus } from '@finops-itam/plugin-finops-itam-common';
import { finopsItamApiRef } from '../../api';
import { makeSource } from '../../testUtils/costFixtures';
import { mockFinopsItamApi } from '../../testUtils/fixtures';
import { DataFreshness } from './DataFreshness';
import { forbiddenCostError } from '../../testUtils/apiErrors';

async function renderFreshness(
  sources: () => Promise<CostSourceStatus[]>,
  lastDayShown = '2026-11-25',
) {
  const api = mockFinopsItamApi();
  api.getCostSources.mockImplementation(sources);
  await renderInTestApp(
    <TestApiProvider apis={[[finopsItamApiRef, api]]}>
      <DataFreshness lastDayShown={lastDayShown} />
    </TestApiProvider>,
  );
}

describe('DataFreshness', () => {
  it('says how far the data reaches and lists the sources on demand', async () => {
    const user = userEvent.setup();
    await renderFreshness(async () => [makeSource('aws-focus', '2026-11-25')]);

    await user.click(
      await screen.findByRole('button', {
        name: 'Data through 2026-11-25 from aws-focus',
      }),
    );

    const dialog = await screen.findByRole('dialog', {
      name: 'Cost source status',
    });
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      'aws-focus2026-11-25succeeded 2026-11-27 06:00 UTC, 2 rows skipped, ContractedCost unknown in 3 rows',
    ]);
  });

  it('with several sources, names the one whose data ends first', async () => {
    await renderFreshness(
      async () => [
        makeSource('aws-focus', '2026-11-25'),
        makeSource('azure-focus', '2026-11-20'),
        makeSource('gcp-focus', null),
      ],
      '2026-11-26',
    );

    expect(
      await screen.findByRole('button', {
        name: 'Data through 2026-11-20 from azure-focus',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('· days after 2026-11-20 are not in yet'),
    ).toBeInTheDocument();
  });

  it('says when nothing has been ingested', async () => {
    await renderFreshness(async () => [makeSource('aws-focus', null)]);

    expect(
      await screen.findByRole('button', { name: 'No cost data ingested yet' }),
    ).toBeInTheDocument();
  });

  it('stays quiet when the sources cannot be read', async () => {
    const error = await forbiddenCostError();
    await renderFreshness(() => Promise.reject(error));

    expect(
      await screen.findByText('Data freshness unavailable'),
    ).toBeInTheDocument();
  });
});
