import { GCP_BILLING } from '../demoAccounts';
import { CostLine, Sku, UsageModel } from '../model';
import { dec } from '../money';
import { hours, LineFields, placed, Placement, skuCode } from './common';

/**
 * Google Cloud resources as the GCP FOCUS export shows them: full resource names, labels as
 * Tags, GPUs on their own SKU, and sustained-use discounts as credit rows.
 */

function sku(
  description: string,
  price: string,
  unit: string,
  priceDetails?: Sku['priceDetails'],
): Sku {
  const code = skuCode(description, 'gcp');
  return {
    skuId: code,
    skuPriceId: `${code}-${skuCode(`${description}/price`, 'gcp').slice(0, 4)}`,
    skuMeter: description,
    listUnitPrice: dec(price),
    pricingUnit: unit,
    consumedUnit: unit,
    usageType: description,
    operation: '',
    priceDetails,
  };
}

function gcpLine(p: Placement, fields: LineFields): CostLine {
  return { provider: 'gcp', account: GCP_BILLING, ...placed(p), ...fields };
}

export interface GceOptions extends Placement {
  machineType: string;
  hourly: string;
  cores: number;
  gpu?: { model: string; hourly: string; count: number };
  /** Hours per day the instance runs, 24 unless it is a batch job. */
  hoursPerDay?: number;
  /** Sustained-use discount share credited on the machine cost. */
  sustainedUse?: string;
}

export function gceInstance(o: GceOptions): CostLine[] {
  const zone = o.availabilityZone ?? `${o.region.id}-a`;
  const resourceId = `//compute.googleapis.com/projects/${o.sub.id}/zones/${zone}/instances/${o.name}`;
  const usage: UsageModel =
    o.hoursPerDay === undefined
      ? hours()
      : {
          perDay: o.hoursPerDay,
          pattern: 'batch',
          decimals: 6,
          granularity: 'hourly',
        };
  const common = {
    serviceName: 'Compute Engine',
    serviceCategory: 'Compute',
    serviceSubcategory: 'Virtual Machines',
    resourceId,
    resourceName: o.name,
    resourceType: 'compute.googleapis.com/Instance',
    availabilityZone: zone,
    usage,
  };
  const lines = [
    gcpLine(o, {
      ...common,
      key: `gcp/gce/${o.name}`,
      sku: sku(
        `${o.machineType} Instance running in ${o.region.name}`,
        o.hourly,
        'Hours',
        {
          CoreCount: o.cores,
          InstanceType: o.machineType,
          OperatingSystem: 'Linux',
          ...(o.gpu ? { GpuCount: o.gpu.count } : {}),
        },
      ),
      chargeDescription: `${o.machineType} running in ${o.region.name}`,
      sustainedUseCredit: o.sustainedUse ? dec(o.sustainedUse) : undefined,
    }),
  ];
  if (o.gpu) {
    lines.push(
      gcpLine(o, {
        ...common,
        key: `gcp/gce-gpu/${o.name}`,
        serviceSubcategory: 'AI Platforms',
        sku: sku(
          `Nvidia ${o.gpu.model} GPU running in ${o.region.name}`,
          o.gpu.hourly,
          'Hours',
          {
            GpuCount: o.gpu.count,
            InstanceType: o.machineType,
          },
        ),
        chargeDescription: `Nvidia ${o.gpu.model} GPU running in ${o.region.name}`,
        usage: { ...usage, perDay: usage.perDay * o.gpu.count },
      }),
    );
  }
  return lines;
}

export function gkeCluster(o: Placement): CostLine {
  return gcpLine(o, {
    key: `gcp/gke/${o.name}`,
    serviceName: 'Kubernetes Engine',
    serviceCategory: 'Compute',
    serviceSubcategory: 'Containers',
    resourceId: `//container.googleapis.com/projects/${o.sub.id}/locations/${o.region.id}/clusters/${o.name}`,
    resourceName: o.name,
    resourceType: 'container.googleapis.com/Cluster',
    sku: sku('Regional Kubernetes Clusters', '0.10', 'Hours'),
    chargeDescription: 'Regional Kubernetes Clusters',
    usage: hours(),
  });
}

export function gcsBucket(o: Placement & { gb: number }): CostLine {
  return gcpLine(o, {
    key: `gcp/gcs/${o.name}`,
    serviceName: 'Cloud Storage',
    serviceCategory: 'Storage',
    serviceSubcategory: 'Object Storage',
    resourceId: `//storage.googleapis.com/projects/_/buckets/${o.name}`,
    resourceName: o.name,
    resourceType: 'storage.googleapis.com/Bucket',
    sku: sku(`Standard Storage ${o.region.name}`, '0.02', 'GiB-Months', {
      StorageClass: 'Standard',
    }),
    chargeDescription: `Standard Storage ${o.region.name}`,
    usage: {
      perDay: o.gb / 30.436875,
      pattern: 'steady',
      monthlyGrowth: 0.05,
      noise: 0.01,
      decimals: 10,
      granularity: 'daily',
    },
  });
}

export function cloudLogging(o: Placement & { gbPerDay: number }): CostLine {
  return gcpLine(o, {
    key: `gcp/logging/${o.name}`,
    serviceName: 'Cloud Logging',
    serviceCategory: 'Management and Governance',
    serviceSubcategory: 'Observability',
    resourceId: `//logging.googleapis.com/projects/${o.sub.id}/locations/global/buckets/${o.name}`,
    resourceName: o.name,
    resourceType: 'logging.googleapis.com/LogBucket',
    sku: sku('Log Storage cost', '0.50', 'GiB'),
    chargeDescription: 'Log Storage cost',
    usage: {
      perDay: o.gbPerDay,
      pattern: 'steady',
      monthlyGrowth: 0.02,
      noise: 0.05,
      decimals: 9,
    },
  });
}

export function cloudNat(o: Placement): CostLine {
  return gcpLine(o, {
    key: `gcp/nat/${o.name}`,
    serviceName: 'Networking',
    serviceCategory: 'Networking',
    serviceSubcategory: 'Network Connectivity',
    resourceId: `//compute.googleapis.com/projects/${o.sub.id}/regions/${o.region.id}/routers/${o.name}`,
    resourceName: o.name,
    resourceType: 'compute.googleapis.com/Router',
    sku: sku('Cloud NAT Gateway uptime charge', '0.0014', 'Hours'),
    chargeDescription: 'Cloud NAT Gateway uptime charge',
    usage: hours(),
  });
}

export function bigQueryDataset(
  o: Placement & { tibPerDay: number },
): CostLine {
  return gcpLine(o, {
    key: `gcp/bq/${o.name}`,
    serviceName: 'BigQuery',
    serviceCategory: 'Analytics',
    serviceSubcategory: 'Data Processing',
    resourceId: `//bigquery.googleapis.com/projects/${o.sub.id}/datasets/${o.name}`,
    resourceName: o.name,
    resourceType: 'bigquery.googleapis.com/Dataset',
    sku: sku('Analysis', '6.25', 'TiB'),
    chargeDescription: 'Analysis (on-demand)',
    usage: {
      perDay: o.tibPerDay,
      pattern: 'batch',
      monthlyGrowth: 0.02,
      decimals: 10,
    },
  });
}
