import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { downloadTextFile } from '../../lib/download';
import { makeMappedCost } from '../../testUtils/fixtures';
import { CostBreakdownCard } from './CostBreakdownCard';
import { usd } from '../../testUtils/usd';

// The browser's download is out of jsdom's reach; the file name and text handed to it are what matter.
jest.mock('../../lib/download', () => ({ downloadTextFile: jest.fn() }));

function rowsOf(name: string) {
  return within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .slice(1)
    .map(row => row.textContent);
}

async function renderBreakdown(cost: EntityCostResponse = makeMappedCost()) {
  await renderInTestApp(
    <CostBreakdownCard cost={cost} currency="USD" entityName="checkout" />,
  );
}

describe('CostBreakdownCard', () => {
  it('sorts by a column from the keyboard, and back the other way', async () => {
    const user = userEvent.setup();
    await renderBreakdown();

    expect(rowsOf('Cost by service')[0]).toContain(
      'Amazon Elastic Compute Cloud',
    );

    screen.getByRole('button', { name: 'Service' }).focus();
    await user.keyboard('{Enter}');
    expect(rowsOf('Cost by service')).toEqual([
      `Amazon Elastic Compute CloudCompute${usd('1000')}81.0%`,
      `Amazon Simple Storage ServiceStorage${usd('234.56')}19.0%`,
      `No service name—${usd('0.5')}0.0%`,
    ]);
    expect(
      screen.getByRole('columnheader', { name: /Service/ }),
    ).toHaveAttribute('aria-sort', 'ascending');

    await user.keyboard('{Enter}');
    expect(rowsOf('Cost by service')[0]).toContain(
      'Amazon Simple Storage Service',
    );

    await user.click(screen.getByRole('button', { name: 'Cost' }));
    expect(rowsOf('Cost by service')[0]).toContain(
      'Amazon Elastic Compute Cloud',
    );
  });

  it('breaks down by charge category and by resource', async () => {
    const user = userEvent.setup();
    await renderBreakdown(
      makeMappedCost({
        byChargeCategory: [
          { chargeCategory: 'Usage', total: '1300' },
          { chargeCategory: 'Credit', total: '-65.44' },
        ],
        byResource: [
          {
            resourceId: 'i-0abc',
            resourceName: 'checkout-vm-1',
            serviceName: 'Amazon Elastic Compute Cloud',
            total: '1000',
          },
        ],
      }),
    );

    await user.click(screen.getByRole('tab', { name: 'Charge category' }));
    expect(rowsOf('Cost by charge category')).toEqual([
      `Usage${usd('1300')}105.3%`,
      `Credit${usd('-65.44')}-5.3%`,
    ]);

    await user.click(screen.getByRole('tab', { name: 'Resource' }));
    expect(rowsOf('Cost by resource')).toEqual([
      `checkout-vm-1i-0abcAmazon Elastic Compute Cloud${usd('1000')}100.0%`,
    ]);
  });

  it('says when the backend gives no resource breakdown', async () => {
    const user = userEvent.setup();
    await renderBreakdown();

    await user.click(screen.getByRole('tab', { name: 'Resource' }));

    expect(
      screen.getByText(
        'This backend does not break cost down by resource yet.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
  });

  it('downloads the rows as shown as CSV, with formulas neutralised', async () => {
    const user = userEvent.setup();
    await renderBreakdown(
      makeMappedCost({
        byService: [
          {
            serviceName: '=HYPERLINK("http://x")',
            serviceCategory: '@cat',
            total: '0.1',
          },
          {
            serviceName: 'EC2',
            serviceCategory: 'Compute',
            total: '1234567890.123456',
          },
        ],
      }),
    );

    screen.getByRole('button', { name: 'Download CSV' }).focus();
    await user.keyboard('{Enter}');

    expect(downloadTextFile).toHaveBeenCalledTimes(1);
    const [fileName, text] = jest.mocked(downloadTextFile).mock.calls[0];
    expect(fileName).toBe(
      'checkout-cost-by-service-2026-10-28-to-2026-11-26.csv',
    );
    expect(text.split('\r\n')).toEqual([
      'Service,Category,Cost,Share (%),Currency,From,Through',
      'EC2,Compute,1234567890.123456,100.0,USD,2026-10-28,2026-11-26',
      `"'=HYPERLINK(""http://x"")",'@cat,0.1,0.0,USD,2026-10-28,2026-11-26`,
      '',
    ]);
  });
});
