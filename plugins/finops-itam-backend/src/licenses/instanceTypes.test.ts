import { InstanceTypeTable } from './instanceTypes';

describe('the instance-type table', () => {
  const table = new InstanceTypeTable();

  it('knows the vCPUs and threads per core of common types', () => {
    expect(table.factsOf('m5.4xlarge')).toEqual({
      vcpus: 16,
      threadsPerCore: 2,
    });
    // One thread per core: AWS Graviton, m7a/c7a/r7a and t2.
    expect(table.factsOf('m7g.2xlarge')).toEqual({
      vcpus: 8,
      threadsPerCore: 1,
    });
    expect(table.factsOf('t4g.large')).toEqual({ vcpus: 2, threadsPerCore: 1 });
    expect(table.factsOf('c7a.xlarge')).toEqual({
      vcpus: 4,
      threadsPerCore: 1,
    });
    expect(table.factsOf('t2.micro')).toEqual({ vcpus: 1, threadsPerCore: 1 });
    expect(table.factsOf('t3.large')).toEqual({ vcpus: 2, threadsPerCore: 2 });
    // Azure Ampere Altra (Dpsv5, Epsv5) and GCP Tau T2D/T2A: one vCPU per core.
    expect(table.factsOf('Standard_D8ps_v5')).toEqual({
      vcpus: 8,
      threadsPerCore: 1,
    });
    expect(table.factsOf('Standard_E16ps_v5')).toEqual({
      vcpus: 16,
      threadsPerCore: 1,
    });
    expect(table.factsOf('Standard_D8s_v5')).toEqual({
      vcpus: 8,
      threadsPerCore: 2,
    });
    expect(table.factsOf('t2d-standard-8')).toEqual({
      vcpus: 8,
      threadsPerCore: 1,
    });
    expect(table.factsOf('t2a-standard-4')).toEqual({
      vcpus: 4,
      threadsPerCore: 1,
    });
    expect(table.factsOf('n2-standard-8')).toEqual({
      vcpus: 8,
      threadsPerCore: 2,
    });
    expect(table.factsOf('zz.odd')).toBeNull();
  });

  it('knows the physical cores and sockets of dedicated host types', () => {
    expect(table.hostOf('m5')).toEqual({ physicalCores: 48, sockets: 2 });
    expect(table.hostOf('DSv3-Type3')).toEqual({
      physicalCores: 52,
      sockets: 2,
    });
    // A VM size is not a host type.
    expect(table.hostOf('m5.large')).toBeNull();
  });

  it('takes configured entries over the shipped ones: vCPUs alone, or with threads per core', () => {
    const configured = new InstanceTypeTable(
      { 'CUSTOM-THING': 3, 'm5.large': { vcpus: 2, threadsPerCore: 1 } },
      { 'my-host': { physicalCores: 24, sockets: 1 } },
    );
    expect(configured.factsOf('custom-thing')).toEqual({
      vcpus: 3,
      threadsPerCore: 2,
    });
    expect(configured.factsOf('m5.large')).toEqual({
      vcpus: 2,
      threadsPerCore: 1,
    });
    expect(configured.vcpusOf('custom-thing')).toBe(3);
    expect(configured.hostOf('MY-HOST')).toEqual({
      physicalCores: 24,
      sockets: 1,
    });
  });

  it("lists the types a request may name, in each provider's spelling, configured ones last", () => {
    const listed = new InstanceTypeTable({
      'm5.large': 3,
      'CUSTOM-THING': 6,
    }).list();
    expect(listed).toContainEqual({
      provider: 'AWS',
      instanceType: 'm5.xlarge',
      vcpus: 4,
    });
    expect(listed).toContainEqual({
      provider: 'Azure',
      instanceType: 'Standard_D4s_v5',
      vcpus: 4,
    });
    expect(listed).toContainEqual({
      provider: 'Google Cloud',
      instanceType: 'n2-standard-4',
      vcpus: 4,
    });
    // A configured entry replaces the shipped one of the same name and has no provider.
    expect(listed.filter(t => t.instanceType === 'm5.large')).toEqual([
      { provider: null, instanceType: 'm5.large', vcpus: 3 },
    ]);
    expect(listed.at(-1)).toEqual({
      provider: null,
      instanceType: 'CUSTOM-THING',
      vcpus: 6,
    });
    // Every listed name resolves in the same table.
    const shipped = new InstanceTypeTable();
    const unresolved = shipped
      .list()
      .filter(type => shipped.vcpusOf(type.instanceType) !== type.vcpus);
    expect(unresolved).toEqual([]);
  });
});
