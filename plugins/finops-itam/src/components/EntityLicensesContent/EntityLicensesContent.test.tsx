import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityLicensesResponse } from '@finops-itam/plugin-finops-itam-common';
import { makeEntity, mockFinopsItamApi } from '../../testUtils/fixtures';
import {
  makeLicenses,
  rhelCovered,
  sqlServerShortage,
  windowsLicenseIncluded,
} from '../../testUtils/licenseFixtures';
import { EntityLicensesContent } from './EntityLicensesContent';
import {
  forbiddenError,
  unreachableBackendError,
} from '../../testUtils/apiErrors';
import { renderWithFinopsApi } from '../../testUtils/renderWithFinopsApi';
import { usd } from '../../testUtils/usd';

describe('EntityLicensesContent', () => {
  async function renderLicenses(
    licenses: () => Promise<EntityLicensesResponse>,
    entity = makeEntity({}),
  ) {
    const api = mockFinopsItamApi();
    api.getEntityLicenses.mockImplementation(licenses);
    await renderWithFinopsApi(<EntityLicensesContent />, api, { entity });
    return api;
  }

  /** The rows of the products table, without the header, as text. */
  function productRows() {
    const table = screen.getByRole('table', {
      name: 'Licensed products used by checkout',
    });
    return within(table).getAllByRole('row').slice(1);
  }

  it('shows progress while the licenses load', async () => {
    await renderLicenses(() => new Promise(() => {}));

    expect(
      await screen.findByRole('heading', { name: 'Licenses' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('progressbar', {
        name: 'Loading the licenses of checkout',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No licensed software/)).not.toBeInTheDocument();
  });

  it('asks the backend for the licenses of the current entity', async () => {
    const api = await renderLicenses(async () => makeLicenses([]), {
      ...makeEntity({ name: 'orders-db', kind: 'Resource' }),
    });

    await screen.findByText('No licensed software found for orders-db');
    expect(api.getEntityLicenses).toHaveBeenCalledWith({
      kind: 'Resource',
      namespace: 'default',
      name: 'orders-db',
    });
  });

  it('says what failed when the backend cannot answer', async () => {
    const error = await unreachableBackendError();
    await renderLicenses(() => Promise.reject(error));

    expect(
      await screen.findByText(/Could not load the licenses of checkout/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No licensed software/)).not.toBeInTheDocument();
  });

  it('says plainly when the user may not read license data', async () => {
    const error = await forbiddenError(
      'NotAllowedError: denied',
      '/api/finops-itam/entities/component/default/checkout/licenses',
    );
    await renderLicenses(() => Promise.reject(error));

    expect(
      await screen.findByText(
        "You don't have access to license data for this entity",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/component:default\/checkout\. Ask its owner/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/NotAllowedError/)).not.toBeInTheDocument();
  });

  describe('when the entity consumes nothing', () => {
    it('explains the license tags and the annotation, with examples', async () => {
      await renderLicenses(async () => makeLicenses([]));

      expect(
        await screen.findByText('No licensed software found for checkout'),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('heading', {
          name: 'Tag the cloud resources that run licensed software',
        }),
      ).toBeInTheDocument();
      expect(
        await screen.findByText(
          (_, element) =>
            element?.tagName === 'CODE' &&
            /license-product=microsoft-sql-server-enterprise\s+license-model=byol/.test(
              element.textContent ?? '',
            ),
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByText(/No licensed products are declared for checkout/),
      ).toBeInTheDocument();
      expect(
        screen.getByText(
          (_, element) =>
            element?.tagName === 'CODE' &&
            /finops-itam\.io\/licenses: microsoft-sql-server-enterprise=8,rhel=2/.test(
              element.textContent ?? '',
            ),
        ),
      ).toBeInTheDocument();
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
    });

    it('on a System, points to its components, where license use is counted', async () => {
      await renderLicenses(
        async () => makeLicenses([]),
        makeEntity({ name: 'storefront', kind: 'System' }),
      );

      expect(
        await screen.findByText('No licensed software found for storefront'),
      ).toBeInTheDocument();
      expect(
        screen.getByText(/see the Licenses tab of this system's components/),
      ).toBeInTheDocument();
    });

    it('lists what the annotation declares, saying the backend reports none of it yet', async () => {
      await renderLicenses(
        async () => makeLicenses([]),
        makeEntity({
          name: 'orders-db',
          annotations: {
            'finops-itam.io/licenses':
              'microsoft-sql-server-enterprise=8,rhel=2',
          },
        }),
      );

      expect(
        await screen.findByText(/reports no license use for it yet/),
      ).toBeInTheDocument();
      const table = screen.getByRole('table', {
        name: 'Licenses declared by orders-db',
      });
      expect(
        within(table)
          .getAllByRole('row')
          .map(row => row.textContent),
      ).toEqual([
        'ProductDeclared quantity',
        'microsoft-sql-server-enterprise8',
        'rhel2',
      ]);
    });

    it('says what to fix in a malformed annotation', async () => {
      await renderLicenses(
        async () => makeLicenses([]),
        makeEntity({
          name: 'orders-db',
          annotations: { 'finops-itam.io/licenses': 'Oracle DB=lots' },
        }),
      );

      expect(
        await screen.findByText(
          'The finops-itam.io/licenses annotation of orders-db cannot be read:',
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByText(/product id "Oracle DB" is not lowercase kebab-case/),
      ).toBeInTheDocument();
    });
  });

  it('shows a product bought in two currencies one line per currency, never summed', async () => {
    await renderLicenses(async () =>
      makeLicenses([
        sqlServerShortage({
          monthlyCost: { amount: '3100', currency: 'USD' },
          monthlyCosts: [
            { amount: '3100', currency: 'USD' },
            { amount: '620', currency: 'EUR' },
          ],
        }),
        rhelCovered(),
      ]),
    );
    const eur = (amount: string) =>
      new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency: 'EUR',
      }).format(amount as `${number}`);

    // USD adds 3100 and RHEL's 100.25 exactly; EUR stands on its own.
    expect(
      await screen.findByTestId('finops-itam-licenses-summary'),
    ).toHaveTextContent(
      `license cost ${eur('620')} and ${usd('3200.25')} per month`,
    );
    const [sql] = productRows();
    expect(within(sql).getByText(usd('3100'))).toBeInTheDocument();
    expect(within(sql).getByText(eur('620'))).toBeInTheDocument();
  });

  it('lists shortages first, with quantity, licensing, coverage and monthly cost', async () => {
    await renderLicenses(async () =>
      makeLicenses([
        rhelCovered(),
        windowsLicenseIncluded(),
        sqlServerShortage(),
      ]),
    );

    expect(
      await screen.findByTestId('finops-itam-licenses-summary'),
    ).toHaveTextContent(
      `3 licensed products · 1 product short of entitlements · license cost ${usd(
        '1334.75',
      )} per month`,
    );

    const [sql, windows, rhel] = productRows();
    expect(within(sql).getAllByRole('cell')[0]).toHaveTextContent(
      'Microsoft SQL Server Enterprisemicrosoft-sql-server-enterprise · per core',
    );
    expect(sql).toHaveTextContent('18 core licenses');
    expect(within(sql).getByText('BYOL')).toBeInTheDocument();
    expect(within(sql).getByText('Shortage')).toBeInTheDocument();
    expect(within(sql).getByText(usd('1234.5'))).toBeInTheDocument();

    expect(within(windows).getAllByRole('cell')[0]).toHaveTextContent(
      'Microsoft Windows Server Datacenter',
    );
    expect(within(windows).getByText('License included')).toBeInTheDocument();
    expect(within(windows).getByText('Covered')).toBeInTheDocument();
    expect(within(windows).getByText('in the cloud cost')).toBeInTheDocument();
    // No license Resource entity for a product without entitlements, so no link.
    expect(within(windows).queryByRole('link')).not.toBeInTheDocument();

    expect(within(rhel).getByText('Declared')).toBeInTheDocument();
    expect(within(rhel).getByText('Covered')).toBeInTheDocument();
    expect(rhel).toHaveTextContent('2 subscriptions');
    expect(within(rhel).getByText(usd('100.25'))).toBeInTheDocument();
  });

  it('shows a product both declared and found in cost data as one row, its sources inside', async () => {
    await renderLicenses(async () =>
      makeLicenses([
        sqlServerShortage({
          required: 16,
          licenseIncluded: 4,
          sources: [
            {
              model: 'byol',
              source: 'cost-data',
              required: 8,
              reasons: [
                {
                  source: 'cost-data',
                  resourceId: 'i-0aaa',
                  resourceName: 'orders-db-1',
                  vcpus: 8,
                  quantity: 8,
                  rule: '8 vCPUs → 8 core licenses',
                },
              ],
            },
            {
              model: 'declared',
              source: 'catalog',
              required: 8,
              reasons: [
                {
                  source: 'catalog',
                  quantity: 8,
                  rule: 'declared 16 core licenses in finops-itam.io/licenses; 8 of them are the BYOL use in cost data, 8 added',
                },
              ],
            },
            {
              model: 'license-included',
              source: 'cost-data',
              required: 4,
              reasons: [
                {
                  source: 'cost-data',
                  resourceId: 'i-0fff',
                  vcpus: 4,
                  quantity: 4,
                  rule: '4 vCPUs → 4 core licenses (license included in the cloud bill)',
                },
              ],
            },
          ],
        }),
      ]),
    );

    const rows = await screen.findAllByRole('row');
    expect(productRows()).toHaveLength(1);
    expect(rows).toHaveLength(2);
    const [sql] = productRows();
    expect(sql).toHaveTextContent('16 core licenses');
    expect(sql).toHaveTextContent('and 4 license included');
    const sources = within(sql).getByRole('list', {
      name: 'Sources of Microsoft SQL Server Enterprise',
    });
    expect(
      within(sources)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'BYOL 8 core licenses',
      'Declared 8 core licenses',
      'License included 4 core licenses',
    ]);
    const counted = within(sql).getByRole('list', {
      name: 'How Microsoft SQL Server Enterprise was counted',
    });
    expect(within(counted).getAllByRole('listitem')).toHaveLength(3);
    expect(counted).toHaveTextContent('from catalog annotation');
  });

  it('says how each quantity was counted, naming the resources', async () => {
    await renderLicenses(async () => makeLicenses([sqlServerShortage()]));

    const counted = await screen.findByRole('list', {
      name: 'How Microsoft SQL Server Enterprise was counted',
    });
    expect(
      within(counted)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'orders-db-1 (i-0aaa): 2 vCPUs → 4 core licenses: minimum 4 per VM · from cost data',
      'i-0bbb: 6 vCPUs → 6 core licenses · from cost data',
      'orders-db-3 (i-0ccc): 7 vCPUs → 8 core licenses: 2-core packs · from cost data',
    ]);
  });

  it('names the member that runs each deployment on a system', async () => {
    const onSystem = sqlServerShortage();
    const [byol] = onSystem.sources;
    byol.reasons = byol.reasons.map((reason, index) => ({
      ...reason,
      entityRef:
        index === 0
          ? 'component:default/orders-db'
          : 'component:default/payments',
    }));
    await renderLicenses(async () => makeLicenses([onSystem]), {
      ...makeEntity({ name: 'checkout', kind: 'System' }),
    });

    const counted = await screen.findByRole('list', {
      name: 'How Microsoft SQL Server Enterprise was counted',
    });
    const [first, second] = within(counted).getAllByRole('listitem');
    expect(
      within(first).getByRole('link', { name: 'orders-db' }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining('/catalog/default/component/orders-db'),
    );
    expect(second).toHaveTextContent(/^payments · i-0bbb: 6 vCPUs/);
  });

  it('shows long lists of deployments on request, by keyboard', async () => {
    const many = sqlServerShortage();
    const [byol] = many.sources;
    byol.reasons = [
      ...byol.reasons,
      { ...byol.reasons[0], resourceId: 'i-0eee', resourceName: 'orders-db-5' },
    ];
    await renderLicenses(async () => makeLicenses([many]));

    const counted = await screen.findByRole('list', {
      name: 'How Microsoft SQL Server Enterprise was counted',
    });
    expect(within(counted).getAllByRole('listitem')).toHaveLength(3);

    const user = userEvent.setup();
    const showAll = screen.getByRole('button', {
      name: 'Show all 4 deployments',
    });
    act(() => showAll.focus());
    await user.keyboard('{Enter}');

    expect(within(counted).getAllByRole('listitem')).toHaveLength(4);
    expect(counted).toHaveTextContent('orders-db-5 (i-0eee)');
    expect(screen.getByRole('button', { name: 'Show fewer' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('reports product ids the catalog does not know instead of dropping them', async () => {
    await renderLicenses(async () => ({
      ...makeLicenses([rhelCovered()]),
      unknownProducts: [
        {
          productId: 'oracle-db-ee',
          source: 'cost-data',
          entityRef: 'component:default/checkout',
          resourceId: 'i-0fff',
          resourceName: 'legacy-db',
        },
      ],
    }));

    expect(
      await screen.findByText(
        'Warning: Unknown product id, not counted: oracle-db-ee',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('oracle-db-ee on legacy-db (cost data)'),
    ).toBeInTheDocument();
    // The known products are still listed.
    expect(productRows()).toHaveLength(1);
  });

  it('links each product to its license Resource entity', async () => {
    await renderLicenses(async () => makeLicenses([sqlServerShortage()]));

    expect(
      await screen.findByRole('link', {
        name: 'Microsoft SQL Server Enterprise',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/license-microsoft-sql-server-enterprise',
    );
  });

  it.each([
    ['unauthorized-product', 'Unauthorized product', /blocklist/],
    ['reharvest-candidate', 'Reharvest candidate', /could be released/],
    ['byol-not-allowed', 'BYOL not allowed here', /compliance risk/],
    ['unknown-size', 'Unknown size', /not counted/],
    ['unknown-product', 'Unknown product', /not in the product catalog/],
  ] as const)(
    'shows the %s flag as a chip whose tooltip says why',
    async (kind, label, explanation) => {
      await renderLicenses(async () =>
        makeLicenses([
          rhelCovered({
            flags: [{ kind, message: `Backend says: ${kind}.` }],
          }),
        ]),
      );

      expect(
        await screen.findByTestId('finops-itam-licenses-summary'),
      ).toHaveTextContent('1 product flagged');
      const chip = screen.getByText(label);
      await userEvent.setup().hover(chip);
      const tooltip = await screen.findByRole('tooltip');
      expect(tooltip).toHaveTextContent(`Backend says: ${kind}.`);
      expect(tooltip).toHaveTextContent(explanation);
    },
  );

  it('puts chips in the tab order, described by their explanation', async () => {
    await renderLicenses(async () =>
      makeLicenses([
        rhelCovered({
          flags: [
            {
              kind: 'byol-not-allowed',
              message: 'Windows Server BYOL on shared AWS tenancy',
            },
          ],
        }),
      ]),
    );
    const chip = (await screen.findByText('BYOL not allowed here')).closest(
      '[tabindex]',
    ) as HTMLElement;

    const user = userEvent.setup();
    for (let step = 0; step < 20 && document.activeElement !== chip; step++) {
      await user.tab();
    }
    expect(chip).toHaveFocus();
    // Screen readers announce the explanation with the chip.
    expect(chip).toHaveAccessibleDescription(
      'Windows Server BYOL on shared AWS tenancy. The license terms do not allow bringing this license to where it runs (provider or tenancy). This is a compliance risk.',
    );
  });
});
