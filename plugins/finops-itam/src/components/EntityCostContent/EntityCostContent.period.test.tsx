import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { pinTodayForTests } from '../../testUtils/costFixtures';
import {
  currentQueryString,
  renderCostTab,
} from './__testUtils__/renderCostTab';

const ref = { kind: 'Component', namespace: 'default', name: 'checkout' };

describe('EntityCostContent period selection', () => {
  beforeEach(() => pinTodayForTests());
  afterEach(() => jest.useRealTimers());

  it('refetches the last 90 days and their comparison, and keeps the choice in the URL', async () => {
    const user = userEvent.setup();
    const api = await renderCostTab();
    await screen.findByTestId('finops-itam-all-in-cost');

    await user.click(screen.getByRole('button', { name: 'Last 90 days' }));

    await waitFor(() =>
      expect(api.getEntityCost).toHaveBeenCalledWith(ref, {
        from: '2026-08-29',
        to: '2026-11-27',
        granularity: 'day',
      }),
    );
    expect(api.getEntityCost).toHaveBeenCalledWith(ref, {
      from: '2026-05-31',
      to: '2026-08-29',
      granularity: 'month',
    });
    expect(api.getUnitCost).toHaveBeenCalledWith(ref, {
      from: '2026-08-29',
      to: '2026-11-27',
      granularity: 'day',
    });
    expect(currentQueryString()).toBe('?period=90d');
    // The headline now compares with the 90 days before.
    expect(
      await screen.findByText(/vs 2026-05-31 – 2026-08-28/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Last 90 days' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('charts the last 12 months by month', async () => {
    const user = userEvent.setup();
    const api = await renderCostTab();
    await screen.findByTestId('finops-itam-all-in-cost');

    await user.click(screen.getByRole('button', { name: 'Last 12 months' }));

    await waitFor(() =>
      expect(api.getEntityCost).toHaveBeenCalledWith(ref, {
        from: '2025-11-27',
        to: '2026-11-27',
        granularity: 'month',
      }),
    );
    expect(screen.getByRole('button', { name: 'Monthly' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('switches to monthly buckets from the keyboard', async () => {
    const user = userEvent.setup();
    const api = await renderCostTab();
    await screen.findByTestId('finops-itam-all-in-cost');

    screen.getByRole('button', { name: 'Monthly' }).focus();
    await user.keyboard('{Enter}');

    await waitFor(() =>
      expect(api.getEntityCost).toHaveBeenCalledWith(ref, {
        from: '2026-10-28',
        to: '2026-11-27',
        granularity: 'month',
      }),
    );
    expect(currentQueryString()).toBe('?granularity=month');
  });

  it('asks for a custom period with its last day included', async () => {
    const user = userEvent.setup();
    const api = await renderCostTab();
    await screen.findByTestId('finops-itam-all-in-cost');

    await user.click(screen.getByRole('button', { name: 'Custom' }));
    const from = screen.getByLabelText('From');
    const through = screen.getByLabelText('Through');
    await user.clear(from);
    await user.type(from, '2026-01-01');
    await user.clear(through);
    await user.type(through, '2026-01-31');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    await waitFor(() =>
      expect(api.getEntityCost).toHaveBeenCalledWith(ref, {
        from: '2026-01-01',
        to: '2026-02-01',
        granularity: 'day',
      }),
    );
    expect(api.getEntityCost).toHaveBeenCalledWith(ref, {
      from: '2025-12-01',
      to: '2026-01-01',
      granularity: 'month',
    });
    expect(currentQueryString()).toBe('?from=2026-01-01&to=2026-02-01');
  });

  it('refuses a custom period that ends before it starts', async () => {
    const user = userEvent.setup();
    const api = await renderCostTab();
    await screen.findByTestId('finops-itam-all-in-cost');
    const calls = api.getEntityCost.mock.calls.length;

    await user.click(screen.getByRole('button', { name: 'Custom' }));
    const through = screen.getByLabelText('Through');
    await user.clear(through);
    await user.type(through, '2026-01-31');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The first day must not be after the last day.',
    );
    expect(api.getEntityCost).toHaveBeenCalledTimes(calls);
  });

  it('opens on the period of a shared link', async () => {
    const api = await renderCostTab({
      url: '/?from=2026-01-01&to=2026-04-01&granularity=month',
    });
    await screen.findByTestId('finops-itam-all-in-cost');

    expect(api.getEntityCost).toHaveBeenCalledWith(ref, {
      from: '2026-01-01',
      to: '2026-04-01',
      granularity: 'month',
    });
    expect(screen.getByRole('button', { name: 'Custom' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByLabelText('Through')).toHaveValue('2026-03-31');
  });

  it('falls back to the last 30 days on a link with an impossible period', async () => {
    const api = await renderCostTab({ url: '/?from=2026-04-01&to=2026-01-01' });
    await screen.findByTestId('finops-itam-all-in-cost');

    expect(api.getEntityCost).toHaveBeenCalledWith(ref, {
      from: '2026-10-28',
      to: '2026-11-27',
      granularity: 'day',
    });
  });
});
