import { InstanceTypeTable } from '../../licenses/instanceTypes';
import { deployment } from './__testUtils__/checkFixtures';
import { plannedHosts } from './dedicatedHostPlan';

const onHosts = (fields: Parameters<typeof deployment>[0]) =>
  deployment({ tenancy: 'dedicated-host', ...fields });

describe('planned dedicated hosts', () => {
  it('fills m5 hosts (48 cores, 96 vCPUs) with m5.xlarge VMs, the first hosts full', () => {
    expect(plannedHosts(onHosts({ count: 30 }))).toEqual({
      hostType: 'm5',
      host: { physicalCores: 48, sockets: 2 },
      vmsPerHost: [24, 6],
    });
    expect(plannedHosts(onHosts({ count: 24 }))?.vmsPerHost).toEqual([24]);
  });

  it('reads configured host types, with one thread per core where the type has one', () => {
    const table = new InstanceTypeTable(
      {},
      { c6g: { physicalCores: 64, sockets: 1 } },
    );
    const graviton = onHosts({
      instanceType: 'c6g.xlarge',
      vcpus: 4,
      threadsPerCore: 1,
      count: 20,
    });
    expect(plannedHosts(graviton, table)?.vmsPerHost).toEqual([16, 4]);
    expect(plannedHosts(graviton)).toBeNull();
  });

  it('takes an instance type that is itself a host type as that many hosts', () => {
    expect(
      plannedHosts(onHosts({ instanceType: 'm5', vcpus: 96, count: 2 })),
    ).toEqual({
      hostType: 'm5',
      host: { physicalCores: 48, sockets: 2 },
      vmsPerHost: [1, 1],
    });
  });

  it('knows no host for a type without a host family or a deployment sized by vCPUs only', () => {
    expect(plannedHosts(onHosts({ instanceType: 'D4s_v5' }))).toBeNull();
    expect(plannedHosts(onHosts({ instanceType: null }))).toBeNull();
  });
});
