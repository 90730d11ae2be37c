import {
  OWNER,
  RHEL,
  SAAS_SEAT,
  SQL_STANDARD,
  WINDOWS_DATACENTER,
  context,
  deployment,
  entitlement,
  plan,
  positionEntry,
} from './__testUtils__/checkFixtures';
import { checkLicenseAvailability, freeQuantity } from './licenseAvailability';
import { plannedRequirements } from './plannedCounts';
import { CheckContext, OnboardingPlan } from './types';

const check = (p: OnboardingPlan, c: CheckContext) =>
  checkLicenseAvailability(plannedRequirements(p, c.products), c);

describe('license-availability', () => {
  it('passes when 3 × 4 vCPUs of SQL Server Standard (12 core licenses) and 12 seats fit in what is free', () => {
    const result = check(plan(), context());
    expect(result).toMatchObject({
      id: 'license-availability',
      status: 'pass',
      fix: null,
    });
    expect(result.message).toBe(
      'Enough licenses are free for SQL Server Standard and SaaS seat.',
    );
    expect(result.details).toEqual([
      'SQL Server Standard: deployment 1: 3 × m5.xlarge (4 vCPUs) instances, AWS eu-west-1, shared: 4 vCPUs → 4 core licenses per instance; × 3 = 12 core licenses',
      'SQL Server Standard: needs 12 core licenses; free 20 = position 20 + reserved 0 − 0 reserved by other requests',
      'SaaS seat: SaaS: 12 seats requested → 12 seat licenses',
      'SaaS seat: needs 12 seat licenses; free 15 = position 15 + reserved 0 − 0 reserved by other requests',
    ]);
  });

  it('fails when other approved requests hold what the position shows free, saying by how many and the true-up exposure at list price', () => {
    // 6 free after all reservations; 10 reserved, 4 of them by this request itself (approved, rechecked).
    const result = check(
      plan({ saas: [] }),
      context({
        position: [
          positionEntry(SQL_STANDARD, {
            position: 6,
            reserved: 10,
            trueUpDate: '2027-06-30',
          }),
        ],
        reservedByOthers: new Map([[SQL_STANDARD, 6]]),
      }),
    );
    // Free = 6 + 10 − 6 = 10; 12 needed: short by 2. List price 1,418 a year per 2-core pack.
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'SQL Server Standard is short by 2 core licenses; true-up exposure 1418.00 USD a year at list price.',
    );
    expect(result.fix).toMatch(
      /^Buy the missing licenses of SQL Server Standard/,
    );
    expect(result.details).toContain(
      'SQL Server Standard: short by 2 core licenses; true-up exposure 1418.00 USD a year at list price (true-up on 2027-06-30)',
    );
  });

  it('adds back the reservation of the request itself when it is already approved', () => {
    const entry = positionEntry(SQL_STANDARD, { position: 0, reserved: 12 });
    expect(freeQuantity(entry, 0)).toBe(12);
    expect(
      check(
        plan({ saas: [] }),
        context({ position: [entry], reservedByOthers: new Map() }),
      ).status,
    ).toBe('pass');
  });

  it('warns when no entitlement of a product is recorded at all', () => {
    const result = check(
      plan(),
      context({
        entitlements: context().entitlements.filter(
          e => e.productId !== SAAS_SEAT,
        ),
        position: [positionEntry(SQL_STANDARD)],
      }),
    );
    expect(result.status).toBe('warn');
    expect(result.message).toBe(
      'No entitlement data for SaaS seat: whether enough licenses are free is unknown.',
    );
    expect(result.fix).toMatch(/^Record the entitlements of SaaS seat/);
  });

  it('needs no entitlement for license-included products', () => {
    const result = check(
      plan({
        saas: [],
        deployments: [
          deployment({
            products: [
              { productId: SQL_STANDARD, licenseModel: 'license-included' },
            ],
          }),
        ],
      }),
      context({ entitlements: [], position: [] }),
    );
    expect(result.status).toBe('pass');
    expect(result.message).toMatch(/license-included/);
  });

  it('counts dedicated hosts on their physical cores: 30 m5.xlarge fill two 48-core m5 hosts', () => {
    const onHosts = (productId: string) =>
      plannedRequirements(
        plan({
          saas: [],
          deployments: [
            deployment({
              tenancy: 'dedicated-host',
              count: 30,
              products: [{ productId, licenseModel: 'byol' }],
            }),
          ],
        }),
        context().products,
      )[0];
    // 96 vCPUs per m5 host: 24 VMs of 4 vCPUs on the first, 6 on the second.
    // Datacenter covers any number of VMs: 48 per host.
    const datacenter = onHosts(WINDOWS_DATACENTER);
    expect(datacenter.quantity).toBe(96);
    expect(datacenter.lines[0]).toMatch(
      /^deployment 1: 30 × m5\.xlarge \(4 vCPUs\) instances, AWS eu-west-1, dedicated-host: 2 m5 hosts \(VMs per host: 24, 6\) → dedicated host 1\.1 \(48 physical cores, 2 processors\) → 48 core licenses: all physical cores, covers any number of VMs; .* = 96 core licenses$/,
    );
    // Standard licenses all the cores again for every 2 VMs: 12 × 48 + 3 × 48.
    expect(onHosts('microsoft-windows-server-standard').quantity).toBe(720);
  });

  it('counts per VM, and warns, when the host type of the family is unknown', () => {
    const azureHosts = plan({
      saas: [],
      deployments: [
        deployment({
          provider: 'Azure',
          region: 'westeurope',
          tenancy: 'dedicated-host',
          instanceType: 'D4s_v5',
          products: [{ productId: WINDOWS_DATACENTER, licenseModel: 'byol' }],
        }),
      ],
    });
    const c = context({
      position: [positionEntry(WINDOWS_DATACENTER, { position: 100 })],
      entitlements: [entitlement(WINDOWS_DATACENTER)],
    });
    const [req] = plannedRequirements(azureHosts, c.products);
    // 8 core licenses at least per VM.
    expect(req.quantity).toBe(24);
    const result = check(azureHosts, c);
    expect(result.status).toBe('warn');
    expect(result.message).toBe(
      'Enough licenses are free, but the physical cores of the dedicated hosts of D4s_v5 are unknown, so Windows Server Datacenter is counted per VM until they are known.',
    );
    expect(result.fix).toMatch(/finopsItam\.licenses\.hostTypes/);
  });

  it('counts RHEL subscriptions over all the VMs of the plan, two VMs per subscription', () => {
    const [req] = plannedRequirements(
      plan({
        owner: OWNER,
        saas: [],
        deployments: [
          deployment({
            count: 2,
            products: [{ productId: RHEL, licenseModel: 'byol' }],
          }),
          deployment({
            count: 1,
            region: 'eu-central-1',
            products: [{ productId: RHEL, licenseModel: 'byol' }],
          }),
        ],
      }),
      context().products,
    );
    expect(req.quantity).toBe(2);
    expect(req.lines).toEqual([
      'deployment 1, deployment 2: 3 VMs → 2 subscription licenses (2 VMs per subscription)',
    ]);
  });

  it('warns when the plan needs a bigger VM than the edition allows', () => {
    const result = check(
      plan({
        saas: [],
        deployments: [
          deployment({
            instanceType: 'm5.4xlarge',
            vcpus: 16,
            count: 1,
            products: [
              { productId: 'oracle-database-standard-2', licenseModel: 'byol' },
            ],
          }),
        ],
      }),
      context({
        entitlements: [
          {
            id: 'ora',
            productId: 'oracle-database-standard-2',
            metric: 'per-socket',
            quantity: 10,
            owner: 'group:default/itam',
            cost: { amount: '1', currency: 'USD', per: 'term' },
            termStart: '2026-01-01',
            termEnd: '2027-12-31',
          },
        ],
        position: [
          positionEntry('oracle-database-standard-2', { position: 10 }),
        ],
      }),
    );
    expect(result.status).toBe('warn');
    expect(result.message).toBe(
      'Enough licenses are free, but Oracle Database Standard Edition 2 may run on 8 vCPUs at most; this VM has 16.',
    );
  });
});
