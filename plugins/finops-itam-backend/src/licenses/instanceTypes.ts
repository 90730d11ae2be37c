/**
 * vCPUs of common AWS, Azure and GCP instance types, for cost rows that name an instance
 * type but carry no `SkuPriceDetails.CoreCount`. Generated from each family's size ladder;
 * `finopsItam.licenses.instanceTypes` adds or corrects entries.
 */

const AWS_SIZES: Record<string, number> = {
  large: 2, xlarge: 4, '2xlarge': 8, '4xlarge': 16, '8xlarge': 32, '12xlarge': 48,
  '16xlarge': 64, '24xlarge': 96,
};
const AWS_FAMILIES = [
  'm5', 'm5a', 'm5d', 'm6i', 'm6a', 'm6g', 'm7i', 'm7a', 'm7g', 'c5', 'c5a', 'c6i', 'c6a',
  'c6g', 'c7i', 'c7g', 'r5', 'r5a', 'r6i', 'r6a', 'r6g', 'r7i', 'r7g', 'x2idn', 'z1d',
];
const AWS_BURSTABLE: Record<string, Record<string, number>> = {
  t2: { nano: 1, micro: 1, small: 1, medium: 2, large: 2, xlarge: 4, '2xlarge': 8 },
  t3: { nano: 2, micro: 2, small: 2, medium: 2, large: 2, xlarge: 4, '2xlarge': 8 },
  t3a: { nano: 2, micro: 2, small: 2, medium: 2, large: 2, xlarge: 4, '2xlarge': 8 },
  t4g: { nano: 2, micro: 2, small: 2, medium: 2, large: 2, xlarge: 4, '2xlarge': 8 },
};

const AZURE_SERIES = [
  'D{n}s_v5', 'D{n}as_v5', 'D{n}ds_v5', 'D{n}_v5', 'D{n}s_v4', 'D{n}s_v3', 'D{n}_v3',
  'E{n}s_v5', 'E{n}as_v5', 'E{n}ds_v5', 'E{n}s_v4', 'E{n}s_v3', 'F{n}s_v2',
];
const AZURE_SIZES = [2, 4, 8, 16, 32, 48, 64, 96];
const AZURE_BURSTABLE: Record<string, number> = {
  B1s: 1, B1ms: 1, B2s: 2, B2ms: 2, B4ms: 4, B8ms: 8, B12ms: 12, B16ms: 16, B20ms: 20,
};

const GCP_FAMILIES = ['n1', 'n2', 'n2d', 'e2', 'c2', 'c3', 'c3d', 'n4', 't2d'];
const GCP_TYPES = ['standard', 'highmem', 'highcpu'];
const GCP_SIZES = [2, 4, 8, 16, 22, 30, 32, 44, 48, 60, 64, 80, 88, 96];
const GCP_SHARED: Record<string, number> = { 'e2-micro': 2, 'e2-small': 2, 'e2-medium': 2 };

/** Lookup key: case and the space/underscore of Azure names do not matter. */
export function instanceTypeKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '_').replace(/^standard_/, '');
}

function buildTable(): Map<string, number> {
  const table = new Map<string, number>();
  for (const family of AWS_FAMILIES) {
    for (const [size, vcpus] of Object.entries(AWS_SIZES)) table.set(`${family}.${size}`, vcpus);
  }
  for (const [family, sizes] of Object.entries(AWS_BURSTABLE)) {
    for (const [size, vcpus] of Object.entries(sizes)) table.set(`${family}.${size}`, vcpus);
  }
  for (const series of AZURE_SERIES) {
    for (const n of AZURE_SIZES) table.set(instanceTypeKey(series.replace('{n}', String(n))), n);
  }
  for (const [size, vcpus] of Object.entries(AZURE_BURSTABLE)) table.set(instanceTypeKey(size), vcpus);
  for (const family of GCP_FAMILIES) {
    for (const type of GCP_TYPES) {
      for (const n of GCP_SIZES) table.set(`${family}-${type}-${n}`, n);
    }
  }
  for (const [name, vcpus] of Object.entries(GCP_SHARED)) table.set(name, vcpus);
  return table;
}

const SHIPPED = buildTable();

/** vCPUs of an instance type by name, with config entries taking precedence. */
export class InstanceTypeTable {
  private readonly extra: Map<string, number>;

  constructor(extra: Record<string, number> = {}) {
    this.extra = new Map(Object.entries(extra).map(([name, vcpus]) => [instanceTypeKey(name), vcpus]));
  }

  vcpusOf(instanceType: string | undefined | null): number | null {
    if (!instanceType) return null;
    const key = instanceTypeKey(instanceType);
    return this.extra.get(key) ?? SHIPPED.get(key) ?? null;
  }
}
