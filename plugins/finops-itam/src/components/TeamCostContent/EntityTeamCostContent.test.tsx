import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TeamCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { mockFinopsItamApi } from '../../testUtils/fixtures';
import { makeGroup, makeTeamCost } from '../../testUtils/teamCostFixtures';
import { presetPeriod, todayUtc } from '../../lib';
import { EntityTeamCostContent } from './EntityTeamCostContent';
import {
  forbiddenError,
  unreachableBackendError,
} from '../../testUtils/apiErrors';
import { renderWithFinopsApi } from '../../testUtils/renderWithFinopsApi';
import { usd } from '../../testUtils/usd';

describe('EntityTeamCostContent', () => {
  async function renderTab(teamCost: () => Promise<TeamCostResponse>) {
    const api = mockFinopsItamApi();
    api.getTeamCost.mockImplementation(teamCost);
    await renderWithFinopsApi(<EntityTeamCostContent />, api, {
      entity: makeGroup(),
    });
    return api;
  }

  /** Service names in table order. */
  function rankedServices(): string[] {
    const table = screen.getByRole('table', {
      name: 'Services of team-checkout',
    });
    return within(table)
      .getAllByRole('link')
      .map(link => link.textContent ?? '');
  }

  it('shows progress while the cost loads', async () => {
    await renderTab(() => new Promise(() => {}));

    expect(
      await screen.findByRole('heading', { name: 'Team cost' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('progressbar', {
        name: 'Loading the cost of team-checkout',
      }),
    ).toBeInTheDocument();
  });

  it('asks for the last 30 days of the current group', async () => {
    const api = await renderTab(async () => makeTeamCost());

    await screen.findByTestId('finops-itam-team-total');
    expect(api.getTeamCost).toHaveBeenCalledWith(
      { kind: 'Group', namespace: 'default', name: 'team-checkout' },
      presetPeriod('30d', todayUtc()),
    );
  });

  it('says what failed when the backend cannot answer', async () => {
    const error = await unreachableBackendError();
    await renderTab(() => Promise.reject(error));

    expect(
      await screen.findByText(/Could not load the cost of team-checkout/),
    ).toBeInTheDocument();
  });

  it('says plainly when the user may not read the team cost', async () => {
    const error = await forbiddenError(
      'denied',
      '/api/finops-itam/teams/default/team-checkout/cost',
    );
    await renderTab(() => Promise.reject(error));

    expect(
      await screen.findByText(
        "You don't have access to cost data for this team",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/group:default\/team-checkout/),
    ).toBeInTheDocument();
  });

  it('explains how costs reach a team when none did', async () => {
    await renderTab(async () =>
      makeTeamCost({
        currency: null,
        total: '0',
        previousTotal: '0',
        change: '0',
        entities: [],
      }),
    );

    expect(
      await screen.findByText(
        'No cost for team-checkout in 2026-10-28 – 2026-11-26',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Costs reach a team through/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the all-in total and its change against the previous period', async () => {
    await renderTab(async () => makeTeamCost());

    expect(
      await screen.findByTestId('finops-itam-team-total'),
    ).toHaveTextContent(usd('2000.5'));
    expect(
      screen.getByText(`against 2026-09-28 – 2026-10-27 (${usd('1800')})`, {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(
        (_, element) =>
          element?.textContent ===
          `up ${usd('200.5', { signDisplay: 'always' })} (+11.1%)`,
      ).length,
    ).toBeGreaterThan(0);
  });

  it('lists cost in another currency beside the total and the service, never added to them', async () => {
    const base = makeTeamCost();
    await renderTab(async () => ({
      ...base,
      otherCurrencies: [{ currency: 'EUR', total: '12.5', previousTotal: '7' }],
      entities: base.entities.map(entity =>
        entity.name === 'checkout-api'
          ? {
              ...entity,
              otherCurrencies: [
                { currency: 'EUR', total: '12.5', previousTotal: '7' },
              ],
            }
          : entity,
      ),
    }));

    expect(
      await screen.findByTestId('finops-itam-team-total'),
    ).toHaveTextContent(usd('2000.5'));
    const eur = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: 'EUR',
    }).format(12.5);
    expect(
      screen.getByText(
        `Also in other currencies, neither converted nor included above: ${eur}`,
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Services of team-checkout',
    });
    const checkoutRow = within(table)
      .getByRole('link', { name: 'Checkout API' })
      .closest('tr')!;
    expect(within(checkoutRow).getByText(`+ ${eur}`)).toBeInTheDocument();
  });

  it('ranks services by cost, then by change, from the column headings', async () => {
    await renderTab(async () => makeTeamCost());
    await screen.findByTestId('finops-itam-team-total');

    expect(rankedServices()).toEqual([
      'Checkout API',
      'cart-service',
      'storefront-web',
      'payments-gateway',
    ]);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Change' }));
    expect(rankedServices()).toEqual([
      'cart-service',
      'Checkout API',
      'payments-gateway',
      'storefront-web',
    ]);
    expect(
      screen.getByText('Ranked by change, highest first'),
    ).toBeInTheDocument();

    // The same heading again, from the keyboard, flips the order.
    act(() => screen.getByRole('button', { name: 'Change' }).focus());
    await user.keyboard('{Enter}');
    expect(rankedServices()).toEqual([
      'storefront-web',
      'Checkout API',
      'payments-gateway',
      'cart-service',
    ]);
    expect(
      screen.getByRole('columnheader', { name: 'Change' }),
    ).toHaveAttribute('aria-sort', 'ascending');

    await user.click(screen.getByRole('button', { name: 'Cost' }));
    expect(rankedServices()[0]).toBe('Checkout API');
  });

  it('puts each service’s change and unit cost beside its cost, linking to it', async () => {
    await renderTab(async () => makeTeamCost());
    await screen.findByTestId('finops-itam-team-total');

    const rows = within(
      screen.getByRole('table', { name: 'Services of team-checkout' }),
    )
      .getAllByRole('row')
      .slice(1);
    const [checkout, cart, storefront, payments] = rows;

    expect(within(checkout).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api',
    );
    expect(checkout).toHaveTextContent(usd('1200'));
    expect(checkout).toHaveTextContent(
      `${usd('50', { signDisplay: 'always' })} (+4.4%)`,
    );
    expect(checkout).toHaveTextContent(
      `${usd('0.01234', { maximumSignificantDigits: 4 })}per unit of orders`,
    );
    expect(cart).toHaveTextContent('no orders reported');
    expect(storefront).toHaveTextContent('down');
    expect(storefront).toHaveTextContent(`${usd('-100')} (-28.6%)`);
    expect(storefront).toHaveTextContent('no unit metric');
    // No previous cost, so no percentage: it is new.
    expect(payments).toHaveTextContent(
      `${usd('50', { signDisplay: 'always' })} (new)`,
    );
  });

  it('loads another period without clearing what is on screen', async () => {
    let answerSecond: (cost: TeamCostResponse) => void = () => {};
    const api = await renderTab(async () => makeTeamCost());
    await screen.findByTestId('finops-itam-team-total');
    api.getTeamCost.mockImplementation(
      () => new Promise(resolve => (answerSecond = resolve)),
    );

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Last 30 days/ }));
    await user.click(
      await screen.findByRole('option', { name: 'Last 90 days' }),
    );

    expect(api.getTeamCost).toHaveBeenLastCalledWith(
      { kind: 'Group', namespace: 'default', name: 'team-checkout' },
      presetPeriod('90d', todayUtc()),
    );
    expect(
      await screen.findByRole('progressbar', {
        name: 'Loading the cost of team-checkout',
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('finops-itam-team-total')).toHaveTextContent(
      usd('2000.5'),
    );

    answerSecond(makeTeamCost({ total: '6000', from: '2026-08-29' }));
    expect(await screen.findByText(usd('6000'))).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});
