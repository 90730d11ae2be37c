import { BillingAccount, CostLine, Sku } from '../model';
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
 * Azure resources as the Microsoft FOCUS export shows them: lower-case ARM resource ids,
 * meters as SKUs, an enterprise discount between list and contracted price, and SQL Server
 * license-included usage as a separate license meter on the same VM.
 */

export interface AzurePlacement extends Placement {
  account: BillingAccount;
  resourceGroup: string;
}

/** Negotiated enterprise discount: ContractedCost sits 8 % under ListCost. */
const EA_DISCOUNT = dec('0.08');

function armId(p: AzurePlacement, provider: string, type: string) {
  return `${p.sub.id}/resourcegroups/${p.resourceGroup}/providers/${provider}/${type}/${p.name}`.toLowerCase();
}

function sku(
  description: string,
  meter: string,
  price: string,
  unit: string,
  meterCategory: string,
  priceDetails?: Sku['priceDetails'],
  priceIdSuffix = '',
): Sku {
  const code = skuCode(description, 'azure');
  return {
    skuId: code,
    skuPriceId: `${code}/${skuCode(`${description}/price`, 'aws').slice(
      0,
      12,
    )}${priceIdSuffix}`,
    skuMeter: meter,
    listUnitPrice: dec(price),
    pricingUnit: unit,
    consumedUnit: unit,
    usageType: `${meterCategory}|${meter}`,
    operation: '',
    priceDetails,
  };
}

function azureLine(p: AzurePlacement, fields: LineFields): CostLine {
  return {
    provider: 'azure',
    account: p.account,
    contractedDiscount: EA_DISCOUNT,
    ...placed(p),
    ...fields,
  };
}

export interface AzureVmOptions extends AzurePlacement {
  size: string;
  /** List price per hour of the VM meter. */
  hourly: string;
  os: 'Linux' | 'Windows';
  cores: number;
  /** Azure Hybrid Benefit: Windows licence brought by the customer, billed at the Linux rate. */
  hybridBenefit?: boolean;
  /** SQL Server licence included, billed on its own meter per hour. */
  sqlLicense?: { edition: 'Enterprise' | 'Standard'; hourly: string };
}

function licenseModel(o: AzureVmOptions): string {
  if (o.hybridBenefit) return 'Azure Hybrid Benefit';
  return o.os === 'Windows' ? 'License Included' : 'No License required';
}

export function azureVm(o: AzureVmOptions): CostLine[] {
  const resourceId = armId(o, 'microsoft.compute', 'virtualmachines');
  const billedOs = o.os === 'Windows' && !o.hybridBenefit ? 'Windows' : 'Linux';
  const meter = billedOs === 'Windows' ? `${o.size} Windows` : o.size;
  const common = {
    serviceName: 'Virtual Machines',
    serviceCategory: 'Compute',
    serviceSubcategory: 'Virtual Machines',
    resourceId,
    resourceName: o.name,
    resourceType: 'Virtual machine',
  };
  const details = {
    CoreCount: o.cores,
    InstanceType: `Standard_${o.size.replace(/ /g, '_')}`,
    OperatingSystem: o.os,
    x_LicenseModel: licenseModel(o),
  };
  const lines = [
    azureLine(o, {
      ...common,
      key: `azure/vm/${o.name}`,
      sku: sku(
        `vm/${o.region.id}/${meter}`,
        meter,
        o.hourly,
        'Hours',
        'Virtual Machines',
        details,
        billedOs === 'Windows' ? ':Windows' : '',
      ),
      chargeDescription: `Virtual Machines ${meter} - ${o.region.name}`,
      usage: hours(),
    }),
  ];
  if (o.sqlLicense) {
    const edition =
      o.sqlLicense.edition === 'Enterprise' ? 'SQL-Ent' : 'SQL-Std';
    lines.push(
      azureLine(o, {
        ...common,
        key: `azure/vm-sql/${o.name}`,
        serviceName: 'Virtual Machines Licenses',
        commitment: undefined,
        sku: sku(
          `vm-license/sql-${o.sqlLicense.edition}/${o.cores}`,
          `SQL Server ${o.sqlLicense.edition} ${o.cores} vCPU VM License`,
          o.sqlLicense.hourly,
          'Hours',
          'Virtual Machines Licenses',
          { ...details, x_PreInstalledSoftware: `SQL ${o.sqlLicense.edition}` },
          `:Windows:${edition}`,
        ),
        chargeDescription: `SQL Server ${o.sqlLicense.edition} - ${o.cores} vCPU VM License`,
        usage: hours(),
      }),
    );
  }
  return lines;
}

export function managedDisk(
  o: AzurePlacement & { tier: string; monthly: string },
): CostLine {
  return azureLine(o, {
    key: `azure/disk/${o.name}`,
    serviceName: 'Storage',
    serviceCategory: 'Storage',
    serviceSubcategory: 'Block Storage',
    resourceId: armId(o, 'microsoft.compute', 'disks'),
    resourceName: o.name,
    resourceType: 'Disk',
    sku: sku(
      `disk/${o.region.id}/${o.tier}`,
      `${o.tier} LRS Disk`,
      o.monthly,
      'Months',
      'Storage',
      {
        StorageClass: 'Premium SSD',
      },
    ),
    chargeDescription: `Premium SSD Managed Disks ${o.tier} LRS Disk - ${o.region.name}`,
    // A month of disk spread over the days of an average month: 10-decimal quantities.
    usage: {
      perDay: 1 / 30.436875,
      pattern: 'fixed',
      decimals: 10,
      granularity: 'daily',
    },
    commitment: undefined,
  });
}

export function functionApp(
  o: AzurePlacement & {
    executionsPerDay: number;
    gbSecondsPerExecution: number;
  },
): CostLine[] {
  const resourceId = armId(o, 'microsoft.web', 'sites');
  const common = {
    serviceName: 'Functions',
    serviceCategory: 'Compute',
    serviceSubcategory: 'Serverless Compute',
    resourceId,
    resourceName: o.name,
    resourceType: 'Function App',
  };
  return [
    azureLine(o, {
      ...common,
      key: `azure/func-exec/${o.name}`,
      sku: sku(
        `func/${o.region.id}/exec`,
        'Standard Total Executions',
        '0.0000002',
        'Executions',
        'Functions',
      ),
      chargeDescription: 'Functions Standard Total Executions',
      usage: {
        perDay: o.executionsPerDay,
        pattern: 'traffic',
        noise: 0.25,
        decimals: 0,
      },
    }),
    azureLine(o, {
      ...common,
      key: `azure/func-duration/${o.name}`,
      sku: sku(
        `func/${o.region.id}/duration`,
        'Standard Execution Time',
        '0.000016',
        'GB-Seconds',
        'Functions',
      ),
      chargeDescription: 'Functions Standard Execution Time',
      usage: {
        perDay: o.executionsPerDay * o.gbSecondsPerExecution,
        pattern: 'traffic',
        noise: 0.25,
        decimals: 6,
      },
    }),
  ];
}

export function appServicePlan(
  o: AzurePlacement & { tier: string; hourly: string; instances: number },
): CostLine {
  return azureLine(o, {
    key: `azure/appservice/${o.name}`,
    serviceName: 'Azure App Service',
    serviceCategory: 'Compute',
    serviceSubcategory: 'Containers',
    resourceId: armId(o, 'microsoft.web', 'serverfarms'),
    resourceName: o.name,
    resourceType: 'App Service plan',
    sku: sku(
      `appservice/${o.region.id}/${o.tier}`,
      `${o.tier} App`,
      o.hourly,
      'Hours',
      'Azure App Service',
      {
        InstanceType: o.tier,
        CoreCount: 2,
      },
    ),
    chargeDescription: `Azure App Service Premium v3 Plan - ${o.tier} App - ${o.region.name}`,
    usage: hours({ perDay: 24 * o.instances }),
  });
}

export function logAnalytics(
  o: AzurePlacement & { gbPerDay: number; price: string },
): CostLine {
  return azureLine(o, {
    key: `azure/logs/${o.name}`,
    serviceName: 'Log Analytics',
    serviceCategory: 'Management and Governance',
    serviceSubcategory: 'Observability',
    resourceId: armId(o, 'microsoft.operationalinsights', 'workspaces'),
    resourceName: o.name,
    resourceType: 'Log Analytics workspace',
    sku: sku(
      `logs/${o.region.id}/ingest`,
      'Analytics Logs Data Ingestion',
      o.price,
      'GB',
      'Log Analytics',
    ),
    chargeDescription: 'Log Analytics Analytics Logs Data Ingestion',
    usage: {
      perDay: o.gbPerDay,
      pattern: 'steady',
      monthlyGrowth: 0.02,
      noise: 0.07,
      decimals: 9,
    },
  });
}

export function idOfReservation(name: string): string {
  const id = idsFor(name);
  const guid = () =>
    `${id.hex(8)}-${id.hex(4)}-4${id.hex(3)}-a${id.hex(3)}-${id.hex(12)}`;
  return `/providers/microsoft.capacity/reservationorders/${guid()}/reservations/${guid()}`;
}
