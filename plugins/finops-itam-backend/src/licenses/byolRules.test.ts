import {
  LicenseEntitlement,
  LicenseProduct,
  LicenseUsageFlag,
} from '@finops-itam/plugin-finops-itam-common';
import { byolViolation, checkByolRights, markNonCompliant } from './byolRules';
import { Consumption } from './licenseConsumption';
import { SHIPPED_LICENSE_PRODUCTS } from './shippedProducts';

const product = (id: string): LicenseProduct =>
  SHIPPED_LICENSE_PRODUCTS.find(p => p.id === id)!;

const SQL = product('microsoft-sql-server-enterprise');
const WINDOWS = product('microsoft-windows-server-datacenter');
const ORACLE = product('oracle-database-enterprise');

const entitlement = (
  of: LicenseProduct,
  fields: Partial<LicenseEntitlement> = {},
): LicenseEntitlement => ({
  id: 'e',
  productId: of.id,
  metric: of.metric,
  quantity: 16,
  owner: 'group:default/itam',
  cost: { amount: '1', currency: 'USD', per: 'term' },
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  ...fields,
});

const at = (
  provider: string,
  tenancy: 'shared' | 'dedicated-instance' | 'dedicated-host',
) => ({ provider, tenancy });

describe('BYOL rights of the shipped products', () => {
  it('forbids Windows Server on shared AWS and Google hosts (no License Mobility), even with Software Assurance', () => {
    const withSa = entitlement(WINDOWS, {
      softwareAssurance: true,
      acquiredOn: '2018-01-10',
    });
    expect(checkByolRights(WINDOWS, [withSa], at('AWS', 'shared'))).toEqual({
      rule: 'allowed-tenancy',
      message: expect.stringMatching(
        /may not be brought to shared hosts on AWS/,
      ),
    });
    expect(
      byolViolation(WINDOWS, [withSa], at('Google Cloud', 'shared')),
    ).toMatch(/shared hosts/);
  });

  it('allows Windows Server bought before 2019-10-01 on an AWS dedicated host, without Software Assurance', () => {
    const old = entitlement(WINDOWS, { acquiredOn: '2019-09-30' });
    expect(
      checkByolRights(WINDOWS, [old], at('AWS', 'dedicated-host')),
    ).toBeNull();
  });

  it('forbids Windows Server bought on or after 2019-10-01 on AWS, Google and Alibaba dedicated hosts, Software Assurance or not', () => {
    const recent = entitlement(WINDOWS, {
      acquiredOn: '2019-10-01',
      softwareAssurance: true,
    });
    for (const provider of ['AWS', 'Google Cloud', 'Alibaba Cloud']) {
      expect(
        checkByolRights(WINDOWS, [recent], at(provider, 'dedicated-host')),
      ).toEqual({
        rule: 'dedicated-host-cutoff',
        message: expect.stringMatching(
          /acquired on or after 2019-10-01 may not be brought to dedicated hosts on (AWS|Google|Alibaba)/,
        ),
      });
    }
  });

  it('treats an entitlement without acquiredOn as not proven to predate the cutoff', () => {
    const undated = entitlement(WINDOWS);
    expect(
      checkByolRights(WINDOWS, [undated], at('AWS', 'dedicated-host')),
    ).toEqual({
      rule: 'dedicated-host-cutoff',
      message: expect.stringMatching(/acquisition date unknown/),
    });
  });

  it('allows SQL Server bought after 2019-10-01 on an AWS dedicated host only through License Mobility (Software Assurance or a subscription)', () => {
    const recent = entitlement(SQL, { acquiredOn: '2023-05-02' });
    expect(
      checkByolRights(SQL, [recent], at('AWS', 'dedicated-host')),
    ).toMatchObject({
      rule: 'dedicated-host-cutoff',
    });
    expect(
      checkByolRights(
        SQL,
        [{ ...recent, softwareAssurance: true }],
        at('AWS', 'dedicated-host'),
      ),
    ).toBeNull();
    expect(
      checkByolRights(
        SQL,
        [{ ...recent, subscription: true }],
        at('AWS', 'dedicated-host'),
      ),
    ).toBeNull();
    // Bought before the cutoff, a perpetual license may stay on the dedicated host.
    expect(
      checkByolRights(
        SQL,
        [entitlement(SQL, { acquiredOn: '2017-03-01' })],
        at('AWS', 'dedicated-host'),
      ),
    ).toBeNull();
  });

  it('needs License Mobility for SQL Server on any shared tenancy', () => {
    const perpetual = entitlement(SQL, { acquiredOn: '2017-03-01' });
    for (const provider of ['AWS', 'Google Cloud', 'Microsoft']) {
      expect(
        checkByolRights(SQL, [perpetual], at(provider, 'shared')),
      ).toMatchObject({ rule: 'license-mobility' });
      expect(
        checkByolRights(
          SQL,
          [{ ...perpetual, softwareAssurance: true }],
          at(provider, 'shared'),
        ),
      ).toBeNull();
    }
  });

  it('needs Software Assurance or a subscription license for Windows Server on Azure (Azure Hybrid Benefit)', () => {
    const perpetual = entitlement(WINDOWS, { acquiredOn: '2017-03-01' });
    expect(
      checkByolRights(WINDOWS, [perpetual], at('Microsoft', 'shared')),
    ).toEqual({
      rule: 'software-assurance',
      message: expect.stringMatching(
        /needs Software Assurance or a subscription license on Microsoft/,
      ),
    });
    expect(
      checkByolRights(
        WINDOWS,
        [{ ...perpetual, softwareAssurance: true }],
        at('Microsoft', 'shared'),
      ),
    ).toBeNull();
    expect(
      checkByolRights(
        WINDOWS,
        [{ ...perpetual, subscription: true }],
        at('Microsoft', 'shared'),
      ),
    ).toBeNull();
    // On an Azure dedicated host too.
    expect(
      checkByolRights(WINDOWS, [perpetual], at('Microsoft', 'dedicated-host')),
    ).toMatchObject({
      rule: 'software-assurance',
    });
  });

  it('lets one entitlement with the right rights allow the placement', () => {
    const undated = entitlement(SQL, { id: 'undated' });
    const old = entitlement(SQL, { id: 'old', acquiredOn: '2018-12-01' });
    expect(
      checkByolRights(SQL, [undated, old], at('AWS', 'dedicated-host')),
    ).toBeNull();
  });

  it('checks the product rules alone when the product has no active entitlement', () => {
    expect(checkByolRights(SQL, [], at('AWS', 'shared'))).toMatchObject({
      rule: 'license-mobility',
    });
    expect(
      checkByolRights(WINDOWS, [], at('Microsoft', 'shared')),
    ).toMatchObject({ rule: 'software-assurance' });
  });

  it('allows Oracle only in authorized clouds, whatever the date', () => {
    expect(
      checkByolRights(
        ORACLE,
        [entitlement(ORACLE)],
        at('AWS', 'dedicated-host'),
      ),
    ).toBeNull();
    expect(checkByolRights(ORACLE, [], at('Hetzner', 'shared'))).toEqual({
      rule: 'allowed-providers',
      message: expect.stringMatching(/may be brought only to/),
    });
  });

  it('lets an entitlement widen the product rights (an on-premises deal that allows a provider)', () => {
    const deal = entitlement(ORACLE, {
      byol: { allowedProviders: ['Hetzner'] },
    });
    expect(checkByolRights(ORACLE, [deal], at('Hetzner', 'shared'))).toBeNull();
  });
});

describe('a BYOL deployment outside its rights', () => {
  const windows = {
    productId: WINDOWS.id,
    productName: WINDOWS.name,
    metric: WINDOWS.metric,
    entitled: 32,
    required: 8,
    byolRequired: 8,
    licenseIncludedRequired: 0,
    position: 24,
    status: 'surplus' as const,
    exposure: null,
    trueUpDate: null,
    projectedAtTrueUp: null,
    shelfware: 24,
    unknownSizeResources: 0,
    licenseEntityRef: null,
  };
  const oracle = {
    ...windows,
    productId: ORACLE.id,
    productName: ORACLE.name,
    metric: ORACLE.metric,
  };
  const use = (
    productId: string,
    model: Consumption['model'],
    flags: LicenseUsageFlag[],
  ): Consumption => ({
    productId,
    entityRef: 'component:default/reporting',
    model,
    counted: 8,
    reason: {
      source: 'cost-data',
      resourceId: 'i-1',
      resourceName: 'win-1',
      quantity: 8,
      rule: '',
    },
    flags,
  });

  it('makes the product non-compliant whatever its surplus, naming the rule, the entity and the resource', () => {
    const broken: LicenseUsageFlag = {
      kind: 'byol-not-allowed',
      rule: 'dedicated-host-cutoff',
      message:
        'Windows Server Datacenter acquired on or after 2019-10-01 may not be brought to dedicated hosts on AWS',
    };
    const [win, ora] = markNonCompliant(
      [windows, oracle],
      [
        use(WINDOWS.id, 'byol', [broken]),
        // A counting-rule warning on a licence-included VM is no breach of BYOL rights.
        use(ORACLE.id, 'license-included', [
          { kind: 'byol-not-allowed', message: 'too large' },
        ]),
      ],
    );
    expect(win).toEqual({
      ...windows,
      status: 'non-compliant',
      nonCompliance: [
        {
          rule: 'dedicated-host-cutoff',
          message: broken.message,
          entityRef: 'component:default/reporting',
          resourceId: 'i-1',
          resourceName: 'win-1',
        },
      ],
    });
    expect(ora).toBe(oracle);
  });
});
