import { screen, within } from '@testing-library/react';
import { TeamCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { mockFinopsItamApi } from '../../testUtils/fixtures';
import { makeGroup, makeTeamCost } from '../../testUtils/teamCostFixtures';
import { presetPeriod, todayUtc } from '../../lib';
import { EntityTeamCostCard } from './EntityTeamCostCard';
import {
  forbiddenError,
  unreachableBackendError,
} from '../../testUtils/apiErrors';
import { renderWithFinopsApi } from '../../testUtils/renderWithFinopsApi';
import { usd } from '../../testUtils/usd';

describe('EntityTeamCostCard', () => {
  async function renderCard(teamCost: () => Promise<TeamCostResponse>) {
    const api = mockFinopsItamApi();
    api.getTeamCost.mockImplementation(teamCost);
    await renderWithFinopsApi(<EntityTeamCostCard />, api, {
      entity: makeGroup(),
    });
    return api;
  }

  it('shows progress inside the card while the cost loads', async () => {
    await renderCard(() => new Promise(() => {}));

    expect(await screen.findByText('Team cost')).toBeInTheDocument();
    expect(
      await screen.findByRole('progressbar', {
        name: 'Loading the cost of team-checkout',
      }),
    ).toBeInTheDocument();
  });

  it('shows the last 30 days all-in, the change and the costliest services', async () => {
    const api = await renderCard(async () => makeTeamCost());

    expect(
      await screen.findByTestId('finops-itam-team-total'),
    ).toHaveTextContent(usd('2000.5'));
    expect(api.getTeamCost).toHaveBeenCalledWith(
      { kind: 'Group', namespace: 'default', name: 'team-checkout' },
      presetPeriod('30d', todayUtc()),
    );
    expect(
      screen.getAllByText(
        (_, element) =>
          element?.textContent ===
          `up ${usd('200.5', {
            signDisplay: 'always',
          })} (+11.1%) against the previous 30 days`,
      ).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText(/2026-10-28 – 2026-11-26 · .* of 4 owned entities/),
    ).toBeInTheDocument();

    const top = screen.getByRole('list', { name: 'Costliest services' });
    const items = within(top).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      `Checkout API${usd('1200')}`,
      `cart-service${usd('500.5')}`,
      `storefront-web${usd('250')}`,
    ]);
    expect(within(items[0]).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api',
    );
  });

  it('says plainly when the user may not read the team cost', async () => {
    const error = await forbiddenError(
      'denied',
      '/api/finops-itam/teams/default/team-checkout/cost',
    );
    await renderCard(() => Promise.reject(error));

    expect(
      await screen.findByText(
        "You don't have access to cost data for this team",
      ),
    ).toBeInTheDocument();
  });

  it('says what failed when the backend cannot answer', async () => {
    const error = await unreachableBackendError();
    await renderCard(() => Promise.reject(error));

    expect(
      await screen.findByText(/Could not load the cost of team-checkout/),
    ).toBeInTheDocument();
  });

  it('says when nothing the team owns had cost', async () => {
    await renderCard(async () =>
      makeTeamCost({ currency: null, total: '0', entities: [] }),
    );

    expect(
      await screen.findByText(
        'No cost for team-checkout in 2026-10-28 – 2026-11-26',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('finops-itam-team-total'),
    ).not.toBeInTheDocument();
  });
});
