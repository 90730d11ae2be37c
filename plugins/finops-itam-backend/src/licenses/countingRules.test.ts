import { LicenseProduct } from '@finops-itam/plugin-finops-itam-common';
import {
  countDedicatedHost,
  countDeployment,
  countSubscriptionVms,
  totalOf,
} from './countingRules';
import { SHIPPED_LICENSE_PRODUCTS } from './shippedProducts';

const product = (id: string): LicenseProduct => {
  const found = SHIPPED_LICENSE_PRODUCTS.find(p => p.id === id);
  if (!found) throw new Error(`no shipped product ${id}`);
  return found;
};

describe('license counting rules (domain.md §2 worked examples)', () => {
  it('counts SQL Server Enterprise per core: 2, 6 and 7 vCPUs need 4, 6 and 8, 18 in all', () => {
    const sql = product('microsoft-sql-server-enterprise');
    const counts = [2, 6, 7].map(vcpus => countDeployment(sql, { vcpus }));
    expect(counts.map(c => c.quantity)).toEqual([4, 6, 8]);
    expect(totalOf(counts)).toBe(18);
    expect(counts.map(c => c.rule)).toEqual([
      '2 vCPUs → 4 core licenses: minimum 4 per VM',
      '6 vCPUs → 6 core licenses',
      '7 vCPUs → 8 core licenses: 2-core packs',
    ]);
  });

  it('needs 8 Windows Server Datacenter core licenses on a 4-vCPU VM', () => {
    const count = countDeployment(
      product('microsoft-windows-server-datacenter'),
      { vcpus: 4 },
    );
    expect(count).toEqual({
      quantity: 8,
      rule: '4 vCPUs → 8 core licenses: minimum 8 per VM',
      warnings: [],
    });
  });

  it('counts Oracle EE on 8 hyper-threaded vCPUs as 4 processors, and 8 without hyper-threading', () => {
    const oracle = product('oracle-database-enterprise');
    expect(countDeployment(oracle, { vcpus: 8 })).toEqual({
      quantity: 4,
      rule: '8 vCPUs → 4 processor licenses: 2 vCPUs per license with hyper-threading, rounded up',
      warnings: [],
    });
    expect(
      countDeployment(oracle, { vcpus: 8, hyperThreading: false }).quantity,
    ).toBe(8);
    expect(countDeployment(oracle, { vcpus: 3 }).quantity).toBe(2);
    // On premises: 8 cores × core factor 0.5.
    expect(
      countDeployment(oracle, { vcpus: null, physicalCores: 8 }).quantity,
    ).toBe(4);
  });

  it('counts Oracle SE2 on 10 vCPUs as 3 sockets and flags the 8-vCPU limit', () => {
    const count = countDeployment(product('oracle-database-standard-2'), {
      vcpus: 10,
    });
    expect(count.quantity).toBe(3);
    expect(count.rule).toBe(
      '10 vCPUs → 3 socket licenses: 4 vCPUs per socket, rounded up',
    );
    expect(count.warnings).toEqual([
      'Oracle Database Standard Edition 2 may run on 8 vCPUs at most; this VM has 10',
    ]);
  });

  it('lists a VM of unknown size without counting it as zero', () => {
    const count = countDeployment(product('microsoft-sql-server-standard'), {
      vcpus: null,
    });
    expect(count.quantity).toBeNull();
    expect(count.rule).toMatch(/size unknown/);
  });

  it('covers two VMs with one RHEL subscription', () => {
    const counts = countSubscriptionVms(product('rhel'), 3);
    expect(counts.map(c => c.quantity)).toEqual([1, 0, 1]);
    expect(totalOf(counts)).toBe(2);
    expect(counts[1].rule).toMatch(/shares the subscription/);
  });

  it('applies a product defined only by data: vCPU cap and packs of 4', () => {
    const custom: LicenseProduct = {
      id: 'acme-db',
      publisher: 'Acme',
      name: 'Acme DB',
      metric: 'per-vcpu',
      rule: { maxVcpusCounted: 16, packSize: 4 },
    };
    expect(countDeployment(custom, { vcpus: 6 })).toMatchObject({
      quantity: 8,
      rule: '6 vCPUs → 8 vCPU licenses: 4-vCPU packs',
    });
    expect(countDeployment(custom, { vcpus: 64 }).quantity).toBe(16);
  });
});

describe('license counting on dedicated hosts (domain.md §2)', () => {
  const m5Host = { id: 'h-0a1', physicalCores: 48, sockets: 2 };

  it('licenses all 48 physical cores of a host for Windows Server Datacenter, whatever the number of VMs', () => {
    const count = countDedicatedHost(
      product('microsoft-windows-server-datacenter'),
      m5Host,
      10,
    );
    expect(count).toEqual({
      quantity: 48,
      rule: 'dedicated host h-0a1 (48 physical cores, 2 processors) → 48 core licenses: all physical cores, covers any number of VMs',
      warnings: [],
    });
  });

  it('licenses the host cores again for every 2 VMs of Windows Server Standard', () => {
    const standard = product('microsoft-windows-server-standard');
    expect(countDedicatedHost(standard, m5Host, 2).quantity).toBe(48);
    const three = countDedicatedHost(standard, m5Host, 3);
    expect(three.quantity).toBe(96);
    expect(three.rule).toBe(
      'dedicated host h-0a1 (48 physical cores, 2 processors) → 96 core licenses: all physical cores, 2 × 48 for 3 VMs (2 VMs per licensing of the host)',
    );
  });

  it('raises small hosts to 8 per processor and 16 per host for Windows Server', () => {
    const datacenter = product('microsoft-windows-server-datacenter');
    expect(
      countDedicatedHost(
        datacenter,
        { id: 'h', physicalCores: 6, sockets: 1 },
        1,
      ),
    ).toMatchObject({
      quantity: 16,
      rule: 'dedicated host h (6 physical cores, 1 processor) → 16 core licenses: minimum 16 per host, covers any number of VMs',
    });
    expect(
      countDedicatedHost(
        datacenter,
        { id: 'h', physicalCores: 20, sockets: 4 },
        1,
      ),
    ).toMatchObject({
      quantity: 32,
      rule: 'dedicated host h (20 physical cores, 4 processors) → 32 core licenses: minimum 8 per processor, covers any number of VMs',
    });
    // Sockets unknown: only the per-host minimum can be applied, and it says so.
    expect(
      countDedicatedHost(
        datacenter,
        { id: 'h', physicalCores: 12, sockets: null },
        1,
      ),
    ).toMatchObject({
      quantity: 16,
      rule: 'dedicated host h (12 physical cores, processors unknown) → 16 core licenses: minimum 16 per host, covers any number of VMs',
    });
  });

  it('counts SQL Server per physical core of the host, at least 4 per processor', () => {
    const sql = product('microsoft-sql-server-enterprise');
    expect(countDedicatedHost(sql, m5Host, 5).quantity).toBe(48);
    expect(
      countDedicatedHost(sql, { id: 'h', physicalCores: 6, sockets: 2 }, 1)
        .quantity,
    ).toBe(8);
  });
});
