import { screen } from '@testing-library/react';
import { UnitCostResponse } from '@finops-itam/plugin-finops-itam-common';
import {
  makeNoMetricUnitCost,
  makeUnitCost,
} from '../../testUtils/costFixtures';
import { mockFinopsItamApi } from '../../testUtils/fixtures';
import { useUnitCost } from '../../hooks/useUnitCost';
import { UnitCostCard } from './UnitCostCard';
import {
  forbiddenCostError,
  unreachableBackendError,
} from '../../testUtils/apiErrors';
import { renderWithFinopsApi } from '../../testUtils/renderWithFinopsApi';
import { usd } from '../../testUtils/usd';

const ref = { kind: 'Component', namespace: 'default', name: 'checkout' };
const period = {
  from: '2026-10-28',
  to: '2026-11-27',
  granularity: 'day' as const,
};

/** The card with its answer loaded the way the Cost tab loads it. */
function LoadedUnitCostCard() {
  const unitCost = useUnitCost(ref, period);
  return <UnitCostCard entityRef={ref} to={period.to} unitCost={unitCost} />;
}

async function renderUnitCost(answer: () => Promise<UnitCostResponse>) {
  const api = mockFinopsItamApi();
  api.getUnitCost.mockImplementation(answer);
  await renderWithFinopsApi(<LoadedUnitCostCard />, api);
  return api;
}

describe('UnitCostCard', () => {
  it('shows progress while the unit cost loads', async () => {
    await renderUnitCost(() => new Promise(() => {}));

    expect(
      await screen.findByRole('progressbar', { name: 'Loading the unit cost' }),
    ).toBeInTheDocument();
  });

  it('divides the all-in cost by the metric and shows its trend', async () => {
    const api = await renderUnitCost(async () => makeUnitCost());

    expect(
      await screen.findByTestId('finops-itam-unit-cost'),
    ).toHaveTextContent(usd('0.041152', { maximumSignificantDigits: 4 }));
    expect(api.getUnitCost).toHaveBeenCalledWith(ref, period);
    expect(
      screen.getByText(
        `per orders: ${usd('1234.56')} ÷ ${new Intl.NumberFormat().format(
          30000,
        )} orders`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        `From ${usd('0.0432', {
          maximumSignificantDigits: 4,
        })} on 2026-11-25 to ${usd('0.04', {
          maximumSignificantDigits: 4,
        })} on 2026-11-27 (-7.4%).`,
      ),
    ).toBeInTheDocument();
  });

  it('gives cost in another currency its own unit cost, never added to the main one', async () => {
    await renderUnitCost(async () =>
      makeUnitCost({
        otherCurrencies: [
          { currency: 'EUR', allInCost: '9', unitCost: '0.0003' },
        ],
      }),
    );
    const eur = (amount: string, options: Intl.NumberFormatOptions = {}) =>
      new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency: 'EUR',
        ...options,
      }).format(amount as `${number}`);

    // The USD figure stays 1234.56 / 30000; the EUR cost is shown apart.
    expect(
      await screen.findByTestId('finops-itam-unit-cost'),
    ).toHaveTextContent(usd('0.041152', { maximumSignificantDigits: 4 }));
    expect(
      screen.getByText(
        `Cost in EUR is not included above: ${eur('0.0003', {
          maximumSignificantDigits: 4,
        })} per orders (${eur('9')} ÷ ${new Intl.NumberFormat().format(
          30000,
        )} orders).`,
      ),
    ).toBeInTheDocument();
  });

  it('shows how to name and feed a metric when the entity names none', async () => {
    await renderUnitCost(async () => makeNoMetricUnitCost());

    expect(
      await screen.findByText('No business metric named yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        (_, element) =>
          element?.tagName === 'CODE' &&
          /finops-itam\.io\/unit-metric: orders$/.test(
            element.textContent ?? '',
          ),
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('PUT /api/finops-itam/metrics/orders'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        (_, element) =>
          element?.tagName === 'CODE' &&
          (element.textContent ?? '').includes(
            '"entityRef":"component:default/checkout","date":"2026-11-26"',
          ),
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('finops-itam-unit-cost'),
    ).not.toBeInTheDocument();
  });

  it('says when the metric has no volume in the period', async () => {
    await renderUnitCost(async () =>
      makeUnitCost({
        metric: 'sessions',
        volume: '0',
        unitCost: null,
        series: [],
      }),
    );

    expect(
      await screen.findByText(
        'No sessions reported for 2026-10-28 – 2026-11-26, so there is no unit cost to show.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('PUT /api/finops-itam/metrics/sessions'),
    ).toBeInTheDocument();
  });

  it('says the user has no access on a 403', async () => {
    const error = await forbiddenCostError();
    await renderUnitCost(() => Promise.reject(error));

    expect(
      await screen.findByText(
        "You don't have access to cost data for this entity",
      ),
    ).toBeInTheDocument();
  });

  it('shows other failures in the card only', async () => {
    const error = await unreachableBackendError();
    await renderUnitCost(() => Promise.reject(error));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Could not load the unit cost: Request failed with 503/,
    );
  });
});
