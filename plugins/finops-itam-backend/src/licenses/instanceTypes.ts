/**
 * Facts about common AWS, Azure and GCP instance types that licensing needs and cost rows
 * often leave out: vCPUs, threads per core, and for dedicated host types their physical
 * cores and sockets. Generated from each family's size ladder; `finopsItam.licenses.instanceTypes`
 * and `finopsItam.licenses.hostTypes` add or correct entries.
 *
 * Threads per core come from the providers' documentation:
 * - AWS, "CPU options for Amazon EC2 instances" (EC2 User Guide): each vCPU is a thread of a
 *   core, two per core, except T2, M7a/C7a/R7a and AWS Graviton (Arm) instances, whose
 *   vCPUs are whole cores.
 * - Azure, "Dpsv5 sizes series" and "Epsv5 sizes series" (Microsoft Learn): Ampere Altra
 *   (Arm) VMs, one vCPU per physical core; the Intel and AMD series listed here run hyper-threaded.
 * - GCP, "CPU platforms" (Compute Engine documentation): Tau T2D and Tau T2A have one vCPU
 *   per core; other machine series two by default.
 * A VM launched with multithreading turned off (EC2 CPU options, GCP `threadsPerCore: 1`)
 * differs from its type's default; a `ThreadsPerCore` in the cost row wins over this table.
 */

/** What licensing needs to know about a VM size. */
export interface InstanceTypeFacts {
  vcpus: number;
  /** 1 when each vCPU is a whole core (no simultaneous multithreading), else 2. */
  threadsPerCore: number;
}

/** What licensing needs to know about a dedicated host type. */
export interface HostTypeFacts {
  physicalCores: number;
  sockets: number;
}

/** A configured instance type: its vCPUs, or its vCPUs and threads per core. */
export type InstanceTypeSetting =
  | number
  | { vcpus: number; threadsPerCore?: number };

const SMT = 2;
const WHOLE_CORES = 1;

const AWS_SIZES: Record<string, number> = {
  large: 2,
  xlarge: 4,
  '2xlarge': 8,
  '4xlarge': 16,
  '8xlarge': 32,
  '12xlarge': 48,
  '16xlarge': 64,
  '24xlarge': 96,
};
const AWS_FAMILIES: Record<string, number> = {
  m5: SMT,
  m5a: SMT,
  m5d: SMT,
  m6i: SMT,
  m6a: SMT,
  m7i: SMT,
  c5: SMT,
  c5a: SMT,
  c6i: SMT,
  c6a: SMT,
  c7i: SMT,
  r5: SMT,
  r5a: SMT,
  r6i: SMT,
  r6a: SMT,
  r7i: SMT,
  x2idn: SMT,
  z1d: SMT,
  // Graviton (Arm) and the 4th-generation AMD EPYC families run one thread per core.
  m6g: WHOLE_CORES,
  m7g: WHOLE_CORES,
  c6g: WHOLE_CORES,
  c7g: WHOLE_CORES,
  r6g: WHOLE_CORES,
  r7g: WHOLE_CORES,
  m7a: WHOLE_CORES,
  c7a: WHOLE_CORES,
  r7a: WHOLE_CORES,
};
const AWS_BURSTABLE: Record<
  string,
  { threadsPerCore: number; sizes: Record<string, number> }
> = {
  t2: {
    threadsPerCore: WHOLE_CORES,
    sizes: {
      nano: 1,
      micro: 1,
      small: 1,
      medium: 2,
      large: 2,
      xlarge: 4,
      '2xlarge': 8,
    },
  },
  t3: {
    threadsPerCore: SMT,
    sizes: {
      nano: 2,
      micro: 2,
      small: 2,
      medium: 2,
      large: 2,
      xlarge: 4,
      '2xlarge': 8,
    },
  },
  t3a: {
    threadsPerCore: SMT,
    sizes: {
      nano: 2,
      micro: 2,
      small: 2,
      medium: 2,
      large: 2,
      xlarge: 4,
      '2xlarge': 8,
    },
  },
  t4g: {
    threadsPerCore: WHOLE_CORES,
    sizes: {
      nano: 2,
      micro: 2,
      small: 2,
      medium: 2,
      large: 2,
      xlarge: 4,
      '2xlarge': 8,
    },
  },
};

const AZURE_SIZES = [2, 4, 8, 16, 32, 48, 64, 96];
const AZURE_SERIES: Record<
  string,
  { threadsPerCore: number; sizes: number[] }
> = {
  'D{n}s_v5': { threadsPerCore: SMT, sizes: AZURE_SIZES },
  'D{n}as_v5': { threadsPerCore: SMT, sizes: AZURE_SIZES },
  'D{n}ds_v5': { threadsPerCore: SMT, sizes: AZURE_SIZES },
  'D{n}_v5': { threadsPerCore: SMT, sizes: AZURE_SIZES },
  'D{n}s_v4': { threadsPerCore: SMT, sizes: AZURE_SIZES },
  'D{n}s_v3': { threadsPerCore: SMT, sizes: AZURE_SIZES },
  'D{n}_v3': { threadsPerCore: SMT, sizes: AZURE_SIZES },
  'E{n}s_v5': { threadsPerCore: SMT, sizes: AZURE_SIZES },
  'E{n}as_v5': { threadsPerCore: SMT, sizes: AZURE_SIZES },
  'E{n}ds_v5': { threadsPerCore: SMT, sizes: AZURE_SIZES },
  'E{n}s_v4': { threadsPerCore: SMT, sizes: AZURE_SIZES },
  'E{n}s_v3': { threadsPerCore: SMT, sizes: AZURE_SIZES },
  'F{n}s_v2': { threadsPerCore: SMT, sizes: AZURE_SIZES },
  // Ampere Altra (Arm): one vCPU per core.
  'D{n}ps_v5': {
    threadsPerCore: WHOLE_CORES,
    sizes: [2, 4, 8, 16, 32, 48, 64],
  },
  'D{n}pds_v5': {
    threadsPerCore: WHOLE_CORES,
    sizes: [2, 4, 8, 16, 32, 48, 64],
  },
  'E{n}ps_v5': { threadsPerCore: WHOLE_CORES, sizes: [2, 4, 8, 16, 20, 32] },
};
const AZURE_BURSTABLE: Record<string, number> = {
  B1s: 1,
  B1ms: 1,
  B2s: 2,
  B2ms: 2,
  B4ms: 4,
  B8ms: 8,
  B12ms: 12,
  B16ms: 16,
  B20ms: 20,
};

const GCP_TYPES = ['standard', 'highmem', 'highcpu'];
const GCP_SIZES = [2, 4, 8, 16, 22, 30, 32, 44, 48, 60, 64, 80, 88, 96];
const GCP_FAMILIES: Record<string, number> = {
  n1: SMT,
  n2: SMT,
  n2d: SMT,
  e2: SMT,
  c2: SMT,
  c3: SMT,
  c3d: SMT,
  n4: SMT,
  // Tau T2D (AMD) and Tau T2A (Arm): one vCPU per core.
  t2d: WHOLE_CORES,
};
const GCP_T2A_SIZES = [1, 2, 4, 8, 16, 32, 48];
const GCP_SHARED: Record<string, number> = {
  'e2-micro': 2,
  'e2-small': 2,
  'e2-medium': 2,
};

/**
 * Dedicated host types with their physical cores and sockets. Kept to a few common ones;
 * add yours with `finopsItam.licenses.hostTypes`.
 * - AWS, "Amazon EC2 Dedicated Host instance capacity configurations" (EC2 User Guide):
 *   hosts are allocated per instance family, e.g. an `m5` host has 48 physical cores on 2 sockets.
 *   Only the `m5` figures were read from that page when this table was written; `r5`, `c5` and
 *   `m6i` are believed to match it but were not re-checked: verify them before relying on them.
 * - Azure, "Azure Dedicated Host SKU configuration tables" (Microsoft Learn): physical cores
 *   per host SKU; two sockets per SKU is assumed, not read from the page.
 */
const HOST_TYPES = new Map<string, HostTypeFacts>([
  ['m5', { physicalCores: 48, sockets: 2 }],
  ['r5', { physicalCores: 48, sockets: 2 }],
  ['c5', { physicalCores: 36, sockets: 2 }],
  ['m6i', { physicalCores: 64, sockets: 2 }],
  ['dsv3-type3', { physicalCores: 52, sockets: 2 }],
  ['esv3-type3', { physicalCores: 52, sockets: 2 }],
  ['fsv2-type3', { physicalCores: 52, sockets: 2 }],
  ['dasv4-type1', { physicalCores: 64, sockets: 2 }],
]);

/** Lookup key: case and the space/underscore of Azure names do not matter. */
export function instanceTypeKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_')
    .replace(/^standard_/, '');
}

/** An instance type as a request may name it, with its provider (null when configured without one). */
export interface ListedInstanceType {
  provider: string | null;
  /** The provider's own spelling, e.g. `m5.xlarge`, `Standard_D4s_v5`, `n2-standard-4`. */
  instanceType: string;
  vcpus: number;
}

/** The shipped table, and the same entries listed with their provider's spelling. */
function buildTable(): {
  table: Map<string, InstanceTypeFacts>;
  listed: ListedInstanceType[];
} {
  const table = new Map<string, InstanceTypeFacts>();
  const listed: ListedInstanceType[] = [];
  const add = (
    provider: string,
    name: string,
    vcpus: number,
    threadsPerCore: number,
  ) => {
    table.set(instanceTypeKey(name), { vcpus, threadsPerCore });
    listed.push({ provider, instanceType: name, vcpus });
  };
  const aws = (name: string, vcpus: number, threadsPerCore: number) =>
    add('AWS', name, vcpus, threadsPerCore);
  // Azure's ARM SKU names carry the `Standard_` prefix the lookup key drops.
  const azure = (name: string, vcpus: number, threadsPerCore: number) =>
    add('Azure', `Standard_${name}`, vcpus, threadsPerCore);
  const gcp = (name: string, vcpus: number, threadsPerCore: number) =>
    add('Google Cloud', name, vcpus, threadsPerCore);
  for (const [family, threadsPerCore] of Object.entries(AWS_FAMILIES)) {
    for (const [size, vcpus] of Object.entries(AWS_SIZES))
      aws(`${family}.${size}`, vcpus, threadsPerCore);
  }
  for (const [family, { threadsPerCore, sizes }] of Object.entries(
    AWS_BURSTABLE,
  )) {
    for (const [size, vcpus] of Object.entries(sizes))
      aws(`${family}.${size}`, vcpus, threadsPerCore);
  }
  for (const [series, { threadsPerCore, sizes }] of Object.entries(
    AZURE_SERIES,
  )) {
    for (const n of sizes)
      azure(series.replace('{n}', String(n)), n, threadsPerCore);
  }
  for (const [size, vcpus] of Object.entries(AZURE_BURSTABLE))
    azure(size, vcpus, SMT);
  for (const [family, threadsPerCore] of Object.entries(GCP_FAMILIES)) {
    for (const type of GCP_TYPES) {
      for (const n of GCP_SIZES)
        gcp(`${family}-${type}-${n}`, n, threadsPerCore);
    }
  }
  for (const n of GCP_T2A_SIZES) gcp(`t2a-standard-${n}`, n, WHOLE_CORES);
  for (const [name, vcpus] of Object.entries(GCP_SHARED)) gcp(name, vcpus, SMT);
  return { table, listed };
}

const { table: SHIPPED, listed: SHIPPED_LISTED } = buildTable();

const toFacts = (setting: InstanceTypeSetting): InstanceTypeFacts =>
  typeof setting === 'number'
    ? { vcpus: setting, threadsPerCore: SMT }
    : { vcpus: setting.vcpus, threadsPerCore: setting.threadsPerCore ?? SMT };

/** Instance and host types by name, with configured entries taking precedence. */
export class InstanceTypeTable {
  private readonly extra: Map<string, InstanceTypeFacts>;
  private readonly extraHosts: Map<string, HostTypeFacts>;
  private readonly extraNames: string[];

  constructor(
    extra: Record<string, InstanceTypeSetting> = {},
    extraHosts: Record<string, HostTypeFacts> = {},
  ) {
    this.extra = new Map(
      Object.entries(extra).map(([name, setting]) => [
        instanceTypeKey(name),
        toFacts(setting),
      ]),
    );
    this.extraHosts = new Map(
      Object.entries(extraHosts).map(([name, host]) => [
        instanceTypeKey(name),
        host,
      ]),
    );
    this.extraNames = Object.keys(extra);
  }

  /**
   * Every instance type a request may name: the shipped ones with their provider, then the
   * configured ones (provider null: the configuration does not say), a configured entry
   * replacing the shipped one of the same name.
   */
  list(): ListedInstanceType[] {
    const configured = this.extraNames.map(name => ({
      provider: null,
      instanceType: name,
      vcpus: this.extra.get(instanceTypeKey(name))!.vcpus,
    }));
    const overridden = new Set(this.extra.keys());
    return [
      ...SHIPPED_LISTED.filter(
        t => !overridden.has(instanceTypeKey(t.instanceType)),
      ),
      ...configured,
    ];
  }

  factsOf(instanceType: string | undefined | null): InstanceTypeFacts | null {
    if (!instanceType) return null;
    const key = instanceTypeKey(instanceType);
    return this.extra.get(key) ?? SHIPPED.get(key) ?? null;
  }

  vcpusOf(instanceType: string | undefined | null): number | null {
    return this.factsOf(instanceType)?.vcpus ?? null;
  }

  /** Physical cores and sockets when the name is a dedicated host type, else null. */
  hostOf(hostType: string | undefined | null): HostTypeFacts | null {
    if (!hostType) return null;
    const key = instanceTypeKey(hostType);
    return this.extraHosts.get(key) ?? HOST_TYPES.get(key) ?? null;
  }
}
