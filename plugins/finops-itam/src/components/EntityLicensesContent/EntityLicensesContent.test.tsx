import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { finopsItamApiRef } from '../../api';
import {
  makeEntity,
  mockFinopsItamApi,
  unreachableBackendError,
} from '../../testUtils/fixtures';
import { EntityLicensesContent } from './EntityLicensesContent';

describe('EntityLicensesContent', () => {
  async function renderLicenses(
    entity = makeEntity({}),
    api = mockFinopsItamApi(),
  ) {
    await renderInTestApp(
      <TestApiProvider apis={[[finopsItamApiRef, api]]}>
        <EntityProvider entity={entity}>
          <EntityLicensesContent />
        </EntityProvider>
      </TestApiProvider>,
    );
  }

  it('shows progress while the backend is checked', async () => {
    await renderLicenses(
      makeEntity({}),
      mockFinopsItamApi(() => new Promise(() => {})),
    );

    expect(
      await screen.findByRole('heading', { name: 'Licenses' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('progressbar', {
        name: 'Checking the finops-itam backend',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No license data/)).not.toBeInTheDocument();
  });

  it('says the backend is unreachable instead of showing an empty state', async () => {
    const error = await unreachableBackendError();
    await renderLicenses(
      makeEntity({}),
      mockFinopsItamApi(() => Promise.reject(error)),
    );

    expect(
      await screen.findByText(/Could not reach the finops-itam backend/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No license data/)).not.toBeInTheDocument();
  });

  it('without a licenses annotation, shows the annotation to add', async () => {
    await renderLicenses(makeEntity({ name: 'checkout' }));

    expect(
      await screen.findByText('No license data for checkout yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No licensed products are declared for checkout/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        (_, element) =>
          element?.tagName === 'CODE' &&
          /finops-itam\.io\/licenses: microsoft-sql-server-enterprise=8,rhel=2/.test(
            element.textContent ?? '',
          ),
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('with a licenses annotation, lists the declared products and quantities', async () => {
    await renderLicenses(
      makeEntity({
        name: 'orders-db',
        kind: 'Resource',
        annotations: {
          'finops-itam.io/licenses': 'microsoft-sql-server-enterprise=8,rhel=2',
        },
      }),
    );

    expect(
      await screen.findByText('No license data for orders-db yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Entitlement coverage is not computed yet/),
    ).toBeInTheDocument();

    const table = screen.getByRole('table', {
      name: 'Licenses declared by orders-db',
    });
    const rows = within(table)
      .getAllByRole('row')
      .map(row => row.textContent);
    expect(rows).toEqual([
      'ProductDeclared quantity',
      'microsoft-sql-server-enterprise8',
      'rhel2',
    ]);
  });

  it('with a malformed licenses annotation, says what to fix', async () => {
    await renderLicenses(
      makeEntity({
        name: 'orders-db',
        annotations: { 'finops-itam.io/licenses': 'Oracle DB=lots' },
      }),
    );

    expect(
      await screen.findByText('No license data for orders-db yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'The finops-itam.io/licenses annotation of orders-db cannot be read:',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/product id "Oracle DB" is not lowercase kebab-case/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
