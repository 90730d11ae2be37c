import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityLicensesResponse } from '@finops-itam/plugin-finops-itam-common';
import { makeEntity, mockFinopsItamApi } from '../../testUtils/fixtures';
import {
  makeLicenses,
  sqlServerShortage,
} from '../../testUtils/licenseFixtures';
import { renderWithFinopsApi } from '../../testUtils/renderWithFinopsApi';
import { EntityLicensesContent } from './EntityLicensesContent';

describe('EntityLicensesContent and license rights', () => {
  async function renderLicenses(licenses: EntityLicensesResponse) {
    const api = mockFinopsItamApi();
    api.getEntityLicenses.mockResolvedValue(licenses);
    await renderWithFinopsApi(<EntityLicensesContent />, api, {
      entity: makeEntity({}),
    });
  }

  const row = async () => {
    const table = await screen.findByRole('table', {
      name: 'Licensed products used by checkout',
    });
    return within(table).getAllByRole('row')[1];
  };

  it('says a BYOL deployment outside its rights is not covered, with the rule that failed, even with licenses to spare', async () => {
    const message =
      'Windows Server Datacenter acquired on or after 2019-10-01 may not be brought to dedicated hosts on AWS (entitlement win-2021, acquired 2021-03-01)';
    await renderLicenses(
      makeLicenses([
        sqlServerShortage({
          productName: 'Windows Server Datacenter',
          covered: false,
          status: 'non-compliant',
          flags: [
            {
              kind: 'byol-not-allowed',
              rule: 'dedicated-host-cutoff',
              message,
            },
          ],
        }),
      ]),
    );

    const windows = await row();
    expect(
      screen.getByTestId('finops-itam-licenses-summary'),
    ).toHaveTextContent(
      /^1 licensed product · 1 product outside BYOL rights · 1 product flagged/,
    );
    expect(within(windows).queryByText('Shortage')).not.toBeInTheDocument();
    const chip = within(windows).getByText('Not covered: BYOL rights');
    await userEvent.setup().hover(chip);
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent(message);
    expect(tooltip).toHaveTextContent(
      /non-compliant whatever the licenses on hand/,
    );
  });

  it('names the other product’s entitlements that cover part of the product', async () => {
    await renderLicenses(
      makeLicenses([
        sqlServerShortage({
          productId: 'microsoft-sql-server-standard',
          productName: 'SQL Server Standard',
          covered: true,
          status: 'compliant',
          coveredBy: [
            {
              entitlementId: 'ent-sa',
              productId: 'microsoft-sql-server-enterprise',
              quantity: 8,
              entitlementQuantity: 2,
              rule: '1 core license of SQL Server Enterprise covers 4 core licenses of SQL Server Standard on Microsoft, Azure, with Software Assurance',
            },
          ],
        }),
      ]),
    );

    const standard = await row();
    expect(within(standard).getByText('Covered')).toBeInTheDocument();
    expect(standard).toHaveTextContent(
      '8 covered by entitlement ent-sa of microsoft-sql-server-enterprise (2 used)',
    );
  });
});
