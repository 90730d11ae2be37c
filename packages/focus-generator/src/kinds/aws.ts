import { AWS_PAYER } from '../demoAccounts';
import { CostLine, Sku, UsageModel } from '../model';
import { dec } from '../money';
import {
  hours,
  idsFor,
  LineFields,
  placed,
  Placement,
  skuCode,
} from './common';

/**
 * AWS resources as the AWS FOCUS export shows them: EC2 instance ids, ARNs for everything
 * else, CUR usage types and operations in the `x_` columns.
 */

/** What an instance's price includes, as the EC2 operation codes tell it. */
export type AwsPlatform =
  | 'Linux'
  | 'RHEL'
  | 'Windows'
  | 'Windows:SQL-Std'
  | 'Windows:SQL-Ent';

const PLATFORMS: Record<
  AwsPlatform,
  { operation: string; os: string; software?: string; label: string }
> = {
  Linux: { operation: 'RunInstances', os: 'Linux', label: 'Linux/UNIX' },
  RHEL: { operation: 'RunInstances:0010', os: 'RHEL', label: 'RHEL' },
  Windows: { operation: 'RunInstances:0002', os: 'Windows', label: 'Windows' },
  'Windows:SQL-Std': {
    operation: 'RunInstances:0006',
    os: 'Windows',
    software: 'SQL Std',
    label: 'Windows with SQL Server Standard',
  },
  'Windows:SQL-Ent': {
    operation: 'RunInstances:0102',
    os: 'Windows',
    software: 'SQL Ent',
    label: 'Windows with SQL Server Enterprise',
  },
};

const usagePrefix = (regionId: string) =>
  regionId === 'eu-west-1' ? 'EU-' : '';

function sku(
  description: string,
  meter: string,
  price: string,
  unit: string,
  usageType: string,
  operation: string,
  priceDetails?: Sku['priceDetails'],
): Sku {
  const code = skuCode(description, 'aws');
  return {
    skuId: code,
    skuPriceId: `${code}.JRTCKXETXF.6YS6EN2CT7`,
    skuMeter: meter,
    listUnitPrice: dec(price),
    pricingUnit: unit,
    consumedUnit: unit,
    usageType,
    operation,
    priceDetails,
  };
}

function awsLine(p: Placement, fields: LineFields): CostLine {
  return { provider: 'aws', account: AWS_PAYER, ...placed(p), ...fields };
}

export interface Ec2Options extends Placement {
  instanceType: string;
  /** On-demand price per hour, list. */
  hourly: string;
  platform: AwsPlatform;
  /** vCPUs as FOCUS SkuPriceDetails.CoreCount reports them. */
  cores: number;
  /** Licensed software brought by the customer (BYOL); only changes tags and price details. */
  byol?: boolean;
  /** Spot capacity: share of the on-demand price paid. */
  spot?: string;
}

/** Plain Linux has no license to report; LI and BYOL are what license counting needs. */
function licenseModel(o: Ec2Options): { x_LicenseModel?: string } {
  if (o.byol) return { x_LicenseModel: 'Bring your own license' };
  if (o.platform !== 'Linux') return { x_LicenseModel: 'License Included' };
  return {};
}

export function ec2Instance(o: Ec2Options): CostLine {
  const platform = PLATFORMS[o.platform];
  const usageType = `${usagePrefix(o.region.id)}${
    o.spot ? 'SpotUsage' : 'BoxUsage'
  }:${o.instanceType}`;
  // SkuId and SkuPriceId carry the platform (e.g. `Windows:SQL-Ent`) so license-included
  // usage can be recognised from the SKU alone, as the importer keeps SkuId.
  const base = sku(
    `ec2/${o.region.id}/${o.instanceType}/${o.platform}`,
    `${o.instanceType} ${platform.label}`,
    o.hourly,
    'Hours',
    usageType,
    platform.operation,
    {
      CoreCount: o.cores,
      InstanceType: o.instanceType,
      OperatingSystem: platform.os,
      ...licenseModel(o),
      ...(platform.software
        ? { x_PreInstalledSoftware: platform.software }
        : {}),
    },
  );
  const skuWithPlatform: Sku = {
    ...base,
    skuId: `${base.skuId}:${o.platform}`,
    skuPriceId: `${base.skuPriceId}:${o.platform}`,
  };
  return awsLine(o, {
    key: `aws/ec2/${o.name}`,
    serviceName: 'Amazon Elastic Compute Cloud',
    serviceCategory: 'Compute',
    serviceSubcategory: 'Virtual Machines',
    resourceId: `i-0${idsFor(o.name).hex(16)}`,
    resourceName: o.name,
    resourceType: 'Instance',
    sku: skuWithPlatform,
    chargeDescription: o.spot
      ? `${o.instanceType} ${platform.label} Spot Instance-hour in ${o.region.name}`
      : `$${o.hourly} per On Demand ${platform.label} ${o.instanceType} Instance Hour`,
    dynamicPriceFactor: o.spot ? dec(o.spot) : undefined,
    usage: hours(),
  });
}

export function rdsInstance(
  o: Placement & {
    instanceClass: string;
    hourly: string;
    engine: string;
    multiAz?: boolean;
  },
): CostLine {
  const deployment = o.multiAz ? 'Multi-AZ' : 'Single-AZ';
  const usageType = `${usagePrefix(o.region.id)}${
    o.multiAz ? 'Multi-AZUsage' : 'InstanceUsage'
  }:${o.instanceClass}`;
  return awsLine(o, {
    key: `aws/rds/${o.name}`,
    serviceName: 'Amazon Relational Database Service',
    serviceCategory: 'Databases',
    serviceSubcategory: 'Relational Databases',
    resourceId: `arn:aws:rds:${o.region.id}:${o.sub.id}:db:${o.name}`,
    resourceName: o.name,
    resourceType: 'DB Instance',
    sku: sku(
      `rds/${o.region.id}/${o.instanceClass}/${o.engine}/${deployment}`,
      `${o.instanceClass} ${o.engine} ${deployment}`,
      o.hourly,
      'Hours',
      usageType,
      'CreateDBInstance:0014',
      {
        CoreCount: 4,
        InstanceType: o.instanceClass,
        x_DeploymentOption: deployment,
      },
    ),
    chargeDescription: `$${o.hourly} per RDS ${o.instanceClass} ${deployment} instance hour (or partial hour) running ${o.engine}`,
    usage: hours(),
  });
}

/** Storage billed per GB-month, reported daily with the month's share: many decimals. */
function storageUsage(gb: number, monthlyGrowth = 0.02): UsageModel {
  return {
    perDay: gb / 30.436875,
    pattern: 'steady',
    monthlyGrowth,
    noise: 0.01,
    decimals: 10,
    granularity: 'daily',
  };
}

export function rdsStorage(o: Placement & { gb: number }): CostLine {
  return awsLine(o, {
    key: `aws/rds-storage/${o.name}`,
    serviceName: 'Amazon Relational Database Service',
    serviceCategory: 'Storage',
    serviceSubcategory: 'Block Storage',
    resourceId: `arn:aws:rds:${o.region.id}:${o.sub.id}:db:${o.name}`,
    resourceName: o.name,
    resourceType: 'DB Instance',
    sku: sku(
      `rds-storage/${o.region.id}/gp3`,
      'General Purpose gp3 storage',
      '0.23',
      'GB-Months',
      `${usagePrefix(o.region.id)}RDS:Multi-AZ-GP3-Storage`,
      'CreateDBInstance:0014',
      { StorageClass: 'gp3' },
    ),
    chargeDescription:
      '$0.23 per GB-month of provisioned gp3 storage running PostgreSQL Multi-AZ',
    usage: storageUsage(o.gb),
  });
}

export function s3Bucket(
  o: Placement & { gb: number; requestsPerDay: number },
): CostLine[] {
  const resourceId = `arn:aws:s3:::${o.name}`;
  const common = {
    serviceName: 'Amazon Simple Storage Service',
    resourceId,
    resourceName: o.name,
    resourceType: 'Bucket',
  };
  return [
    awsLine(o, {
      ...common,
      key: `aws/s3-storage/${o.name}`,
      serviceCategory: 'Storage',
      serviceSubcategory: 'Object Storage',
      sku: sku(
        `s3/${o.region.id}/standard`,
        'Standard storage',
        '0.023',
        'GB-Months',
        `${usagePrefix(o.region.id)}TimedStorage-ByteHrs`,
        'StandardStorage',
        { StorageClass: 'Standard' },
      ),
      chargeDescription: '$0.023 per GB - first 50 TB / month of storage used',
      usage: storageUsage(o.gb, 0.04),
    }),
    awsLine(o, {
      ...common,
      key: `aws/s3-requests/${o.name}`,
      serviceCategory: 'Storage',
      serviceSubcategory: 'Object Storage',
      sku: sku(
        `s3/${o.region.id}/tier2`,
        'GET and all other requests',
        '0.0000004',
        'Requests',
        `${usagePrefix(o.region.id)}Requests-Tier2`,
        'GetObject',
      ),
      chargeDescription: '$0.0004 per 1,000 GET and all other requests',
      usage: {
        perDay: o.requestsPerDay,
        pattern: 'traffic',
        noise: 0.15,
        decimals: 0,
      },
    }),
  ];
}

export function lambdaFunction(
  o: Placement & { requestsPerDay: number; gbSecondsPerRequest: number },
): CostLine[] {
  const resourceId = `arn:aws:lambda:${o.region.id}:${o.sub.id}:function:${o.name}`;
  const common = {
    serviceName: 'AWS Lambda',
    serviceCategory: 'Compute',
    serviceSubcategory: 'Serverless Compute',
    resourceId,
    resourceName: o.name,
    resourceType: 'Function',
  };
  return [
    awsLine(o, {
      ...common,
      key: `aws/lambda-requests/${o.name}`,
      sku: sku(
        `lambda/${o.region.id}/requests`,
        'Requests',
        '0.0000002',
        'Requests',
        `${usagePrefix(o.region.id)}Request`,
        'Invoke',
      ),
      chargeDescription:
        'AWS Lambda - Total Requests - US East (Northern Virginia)',
      usage: {
        perDay: o.requestsPerDay,
        pattern: 'traffic',
        noise: 0.3,
        decimals: 0,
      },
    }),
    awsLine(o, {
      ...common,
      key: `aws/lambda-duration/${o.name}`,
      sku: sku(
        `lambda/${o.region.id}/duration-arm`,
        'Duration-ARM',
        '0.0000133334',
        'GB-Seconds',
        `${usagePrefix(o.region.id)}Lambda-GB-Second-ARM`,
        'Invoke',
      ),
      chargeDescription:
        'AWS Lambda - Total Compute (ARM) - US East (Northern Virginia)',
      usage: {
        perDay: o.requestsPerDay * o.gbSecondsPerRequest,
        pattern: 'traffic',
        noise: 0.3,
        decimals: 6,
      },
    }),
  ];
}

export function cloudFront(
  o: Placement & {
    distributionId: string;
    gbPerDay: number;
    requestsPerDay: number;
  },
): CostLine[] {
  const resourceId = `arn:aws:cloudfront::${o.sub.id}:distribution/${o.distributionId}`;
  const common = {
    serviceName: 'Amazon CloudFront',
    serviceCategory: 'Networking',
    serviceSubcategory: 'Content Delivery',
    resourceId,
    resourceName: o.name,
    resourceType: 'Distribution',
  };
  return [
    awsLine(o, {
      ...common,
      key: `aws/cloudfront-out/${o.distributionId}`,
      sku: sku(
        'cloudfront/us/out',
        'Data Transfer Out to Internet (US)',
        '0.085',
        'GB',
        'US-DataTransfer-Out-Bytes',
        'GET',
      ),
      chargeDescription:
        '$0.085 per GB - first 10 TB / month data transfer out (United States)',
      usage: {
        perDay: o.gbPerDay,
        pattern: 'traffic',
        noise: 0.08,
        decimals: 9,
      },
    }),
    awsLine(o, {
      ...common,
      key: `aws/cloudfront-requests/${o.distributionId}`,
      sku: sku(
        'cloudfront/us/https',
        'HTTPS requests (US)',
        '0.000001',
        'Requests',
        'US-Requests-Tier2-HTTPS',
        'GET',
      ),
      chargeDescription: '$0.0100 per 10,000 HTTPS Requests (United States)',
      usage: {
        perDay: o.requestsPerDay,
        pattern: 'traffic',
        noise: 0.08,
        decimals: 0,
      },
    }),
  ];
}

export function dynamoDbTable(
  o: Placement & { readsPerDay: number; writesPerDay: number },
): CostLine[] {
  const resourceId = `arn:aws:dynamodb:${o.region.id}:${o.sub.id}:table/${o.name}`;
  const common = {
    serviceName: 'Amazon DynamoDB',
    serviceCategory: 'Databases',
    serviceSubcategory: 'NoSQL Databases',
    resourceId,
    resourceName: o.name,
    resourceType: 'Table',
  };
  return [
    awsLine(o, {
      ...common,
      key: `aws/ddb-read/${o.name}`,
      sku: sku(
        `ddb/${o.region.id}/read`,
        'On-demand read request units',
        '0.000000125',
        'Requests',
        `${usagePrefix(o.region.id)}ReadRequestUnits`,
        'GetItem',
      ),
      chargeDescription: '$0.125 per million read request units (N. Virginia)',
      usage: {
        perDay: o.readsPerDay,
        pattern: 'traffic',
        noise: 0.1,
        decimals: 0,
      },
    }),
    awsLine(o, {
      ...common,
      key: `aws/ddb-write/${o.name}`,
      sku: sku(
        `ddb/${o.region.id}/write`,
        'On-demand write request units',
        '0.000000625',
        'Requests',
        `${usagePrefix(o.region.id)}WriteRequestUnits`,
        'PutItem',
      ),
      chargeDescription: '$0.625 per million write request units (N. Virginia)',
      usage: {
        perDay: o.writesPerDay,
        pattern: 'traffic',
        noise: 0.1,
        decimals: 0,
      },
    }),
  ];
}

export function elastiCacheNode(
  o: Placement & { nodeType: string; hourly: string },
): CostLine {
  return awsLine(o, {
    key: `aws/elasticache/${o.name}`,
    serviceName: 'Amazon ElastiCache',
    serviceCategory: 'Databases',
    serviceSubcategory: 'Caching',
    resourceId: `arn:aws:elasticache:${o.region.id}:${o.sub.id}:cluster:${o.name}`,
    resourceName: o.name,
    resourceType: 'Cache Node',
    sku: sku(
      `elasticache/${o.region.id}/${o.nodeType}`,
      `${o.nodeType} Redis`,
      o.hourly,
      'Hours',
      `${usagePrefix(o.region.id)}NodeUsage:${o.nodeType}`,
      'CreateCacheCluster:0002',
      { InstanceType: o.nodeType },
    ),
    chargeDescription: `$${o.hourly} per Redis ${o.nodeType} node-hour (or partial hour)`,
    usage: hours(),
  });
}

export function openSearchDomain(
  o: Placement & {
    instanceType: string;
    hourly: string;
    nodes: number;
    storageGb: number;
  },
): CostLine[] {
  const resourceId = `arn:aws:es:${o.region.id}:${o.sub.id}:domain/${o.name}`;
  const common = {
    serviceName: 'Amazon OpenSearch Service',
    serviceCategory: 'Analytics',
    serviceSubcategory: 'Search',
    resourceId,
    resourceName: o.name,
    resourceType: 'Domain',
  };
  return [
    awsLine(o, {
      ...common,
      key: `aws/es-instances/${o.name}`,
      sku: sku(
        `es/${o.region.id}/${o.instanceType}`,
        `${o.instanceType} instance`,
        o.hourly,
        'Hours',
        `${usagePrefix(o.region.id)}ESInstance:${o.instanceType}`,
        'ESDomain',
        { InstanceType: o.instanceType, CoreCount: 2 },
      ),
      chargeDescription: `$${o.hourly} per ${o.instanceType} instance hour (or partial hour)`,
      usage: hours({ perDay: 24 * o.nodes }),
    }),
    awsLine(o, {
      ...common,
      key: `aws/es-storage/${o.name}`,
      serviceCategory: 'Storage',
      serviceSubcategory: 'Block Storage',
      sku: sku(
        `es/${o.region.id}/gp3`,
        'GP3 storage',
        '0.122',
        'GB-Months',
        `${usagePrefix(o.region.id)}ES:GP3-Storage`,
        'ESDomain',
        { StorageClass: 'gp3' },
      ),
      chargeDescription: '$0.122 per GB-month of GP3 storage',
      usage: storageUsage(o.storageGb, 0.03),
      // A reindexing spike adds nodes, not disks.
      spikes: undefined,
    }),
  ];
}

export function eksCluster(o: Placement): CostLine {
  return awsLine(o, {
    key: `aws/eks/${o.name}`,
    serviceName: 'Amazon Elastic Kubernetes Service',
    serviceCategory: 'Compute',
    serviceSubcategory: 'Containers',
    resourceId: `arn:aws:eks:${o.region.id}:${o.sub.id}:cluster/${o.name}`,
    resourceName: o.name,
    resourceType: 'Cluster',
    sku: sku(
      `eks/${o.region.id}/cluster`,
      'EKS cluster hours',
      '0.10',
      'Hours',
      `${usagePrefix(o.region.id)}AmazonEKS-Hours:perCluster`,
      'CreateOperation',
    ),
    chargeDescription: '$0.10 per hour per EKS cluster',
    usage: hours(),
  });
}

export function natGateway(o: Placement & { gbPerDay: number }): CostLine[] {
  const id = idsFor(o.name);
  const resourceId = `arn:aws:ec2:${o.region.id}:${
    o.sub.id
  }:natgateway/nat-0${id.hex(16)}`;
  const common = {
    serviceName: 'Amazon Virtual Private Cloud',
    serviceCategory: 'Networking',
    serviceSubcategory: 'Network Connectivity',
    resourceId,
    resourceName: o.name,
    resourceType: 'NAT Gateway',
  };
  return [
    awsLine(o, {
      ...common,
      key: `aws/nat-hours/${o.name}`,
      sku: sku(
        `nat/${o.region.id}/hours`,
        'NAT Gateway hours',
        '0.045',
        'Hours',
        `${usagePrefix(o.region.id)}NatGateway-Hours`,
        'NatGateway',
      ),
      chargeDescription: '$0.045 per NAT Gateway Hour',
      usage: hours(),
    }),
    awsLine(o, {
      ...common,
      key: `aws/nat-bytes/${o.name}`,
      sku: sku(
        `nat/${o.region.id}/bytes`,
        'NAT Gateway data processed',
        '0.045',
        'GB',
        `${usagePrefix(o.region.id)}NatGateway-Bytes`,
        'NatGateway',
      ),
      chargeDescription: '$0.045 per GB Data Processed by NAT Gateways',
      usage: {
        perDay: o.gbPerDay,
        pattern: 'traffic',
        noise: 0.1,
        decimals: 9,
      },
    }),
  ];
}

export function ebsVolume(o: Placement & { gb: number }): CostLine {
  const volumeId = `vol-0${idsFor(o.name).hex(16)}`;
  return awsLine(o, {
    key: `aws/ebs/${o.name}`,
    serviceName: 'Amazon Elastic Compute Cloud',
    serviceCategory: 'Storage',
    serviceSubcategory: 'Block Storage',
    resourceId: `arn:aws:ec2:${o.region.id}:${o.sub.id}:volume/${volumeId}`,
    resourceName: '',
    resourceType: 'Volume',
    sku: sku(
      `ebs/${o.region.id}/gp3`,
      'EBS gp3 volume',
      '0.08',
      'GB-Months',
      `${usagePrefix(o.region.id)}EBS:VolumeUsage.gp3`,
      'CreateVolume-Gp3',
      { StorageClass: 'gp3' },
    ),
    chargeDescription:
      '$0.08 per GB-month of General Purpose (gp3) provisioned storage',
    usage: storageUsage(o.gb, 0),
  });
}

export function cloudWatchLogs(o: Placement & { gbPerDay: number }): CostLine {
  return awsLine(o, {
    key: `aws/logs/${o.name}`,
    serviceName: 'AmazonCloudWatch',
    serviceCategory: 'Management and Governance',
    serviceSubcategory: 'Observability',
    resourceId: `arn:aws:logs:${o.region.id}:${o.sub.id}:log-group:${o.name}`,
    resourceName: o.name,
    resourceType: 'Log Group',
    sku: sku(
      `logs/${o.region.id}/ingest`,
      'Log data ingested',
      '0.50',
      'GB',
      `${usagePrefix(o.region.id)}DataProcessing-Bytes`,
      'PutLogEvents',
    ),
    chargeDescription: '$0.50 per GB custom log data ingested',
    usage: {
      perDay: o.gbPerDay,
      pattern: 'steady',
      monthlyGrowth: 0.03,
      noise: 0.06,
      decimals: 9,
    },
  });
}

export function managedPrometheus(
  o: Placement & { samplesPerDay: number },
): CostLine {
  return awsLine(o, {
    key: `aws/aps/${o.name}`,
    serviceName: 'Amazon Managed Service for Prometheus',
    serviceCategory: 'Management and Governance',
    serviceSubcategory: 'Observability',
    resourceId: `arn:aws:aps:${o.region.id}:${o.sub.id}:workspace/ws-${idsFor(
      o.name,
    ).hex(8)}-${idsFor(`${o.name}/2`).hex(4)}`,
    resourceName: o.name,
    resourceType: 'Workspace',
    sku: sku(
      `aps/${o.region.id}/samples`,
      'Metric samples ingested',
      '0.00000009',
      'Samples',
      `${usagePrefix(o.region.id)}AMP:MetricSampleCount`,
      'RemoteWrite',
    ),
    chargeDescription: '$0.90 per 10M samples for the first 2 billion samples',
    usage: {
      perDay: o.samplesPerDay,
      pattern: 'steady',
      monthlyGrowth: 0.02,
      noise: 0.03,
      decimals: 0,
    },
  });
}
