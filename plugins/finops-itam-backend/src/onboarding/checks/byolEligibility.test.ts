import {
  SQL_STANDARD,
  WINDOWS_DATACENTER,
  context,
  deployment,
  entitlement,
  plan,
} from './__testUtils__/checkFixtures';
import { checkByolEligibility } from './byolEligibility';

const windowsOn = (
  provider: string,
  tenancy: 'shared' | 'dedicated-host',
  entitlementFields = {},
) => {
  const p = plan({
    deployments: [
      deployment({
        provider,
        tenancy,
        region: provider === 'Azure' ? 'westeurope' : 'eu-west-1',
        products: [{ productId: WINDOWS_DATACENTER, licenseModel: 'byol' }],
      }),
    ],
  });
  return checkByolEligibility(
    p,
    context({
      entitlements: [entitlement(WINDOWS_DATACENTER, entitlementFields)],
    }),
  );
};

describe('byol-eligibility', () => {
  it('passes SQL Server Standard on shared AWS hosts with Software Assurance (License Mobility)', () => {
    const result = checkByolEligibility(plan(), context());
    expect(result).toMatchObject({ status: 'pass', fix: null });
    expect(result.details).toEqual([
      'SQL Server Standard, deployment 1: 3 × m5.xlarge (4 vCPUs) instances, AWS eu-west-1, shared: allowed with entitlement ea-microsoft-sql-server-standard on 2027-02-01',
    ]);
  });

  it('fails SQL Server Standard on shared AWS hosts without Software Assurance, naming License Mobility and the fix', () => {
    const result = checkByolEligibility(
      plan(),
      context({ entitlements: [entitlement(SQL_STANDARD)] }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'SQL Server Standard on shared hosts needs License Mobility through Software Assurance, and entitlement ea-microsoft-sql-server-standard has none (license-mobility).',
    );
    expect(result.fix).toBe(
      'Add Software Assurance (License Mobility) to an entitlement of SQL Server Standard, use license-included, or dedicated hosts.',
    );
  });

  it('reads the entitlements in force on the go-live day, not today', () => {
    // Software Assurance only on an entitlement that ends before go-live.
    const result = checkByolEligibility(
      plan(),
      context({
        entitlements: [
          entitlement(SQL_STANDARD, {
            softwareAssurance: true,
            termStart: '2026-01-01',
            termEnd: '2027-01-31',
          }),
        ],
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/no active entitlement has it/);
  });

  it('fails Windows Server on shared AWS hosts (no License Mobility): use license-included or dedicated hosts', () => {
    const result = windowsOn('AWS', 'shared', { softwareAssurance: true });
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'Windows Server Datacenter may not be brought to shared hosts on AWS; use dedicated-host (allowed-tenancy).',
    );
    expect(result.fix).toBe(
      'Use license-included for Windows Server Datacenter, or dedicated hosts.',
    );
  });

  it('fails Windows Server bought after 2019-10-01 on an AWS dedicated host, and passes older licenses', () => {
    const recent = windowsOn('AWS', 'dedicated-host', {
      acquiredOn: '2021-05-01',
    });
    expect(recent.status).toBe('fail');
    expect(recent.message).toMatch(/acquired on or after 2019-10-01/);
    expect(recent.fix).toMatch(/acquired before 2019-10-01/);
    expect(
      windowsOn('AWS', 'dedicated-host', { acquiredOn: '2018-03-01' }).status,
    ).toBe('pass');
  });

  it('applies Azure Hybrid Benefit: Windows Server on shared Azure hosts needs Software Assurance or a subscription', () => {
    const without = windowsOn('Azure', 'shared');
    expect(without.status).toBe('fail');
    expect(without.message).toMatch(
      /needs Software Assurance or a subscription license on Azure/,
    );
    expect(windowsOn('Azure', 'shared', { subscription: true }).status).toBe(
      'pass',
    );
  });

  it('passes with "nothing brought" when every product is license-included', () => {
    const result = checkByolEligibility(
      plan({
        deployments: [
          deployment({
            products: [
              { productId: SQL_STANDARD, licenseModel: 'license-included' },
            ],
          }),
        ],
      }),
      context(),
    );
    expect(result).toMatchObject({ status: 'pass', fix: null, details: [] });
    expect(result.message).toMatch(/^Nothing brought/);
  });
});
