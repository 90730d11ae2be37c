import { planAwsDataExports } from './awsDataExports';
import { planAzureCostExports } from './azureCostExports';

import {
  AWS_PARTITION,
  AZURE_RUN_FILE,
  DeliveryPlan,
  ExportLayout,
  isCostFile,
  LayoutSetting,
  ReadText,
  TreeEntry,
} from './deliveryCandidates';

export type {
  DeliveryPlan,
  DeliveryProblem,
  ExportLayout,
  LayoutSetting,
  PlannedDelivery,
  TreeEntry,
} from './deliveryCandidates';
export { EXPORT_LAYOUTS } from './deliveryCandidates';

/**
 * Which layout a tree has: AWS when a `data/` or `metadata/` folder holds
 * `BILLING_PERIOD=YYYY-MM` partitions, Azure when `YYYYMMDD-YYYYMMDD` folders hold run
 * folders, else plain files.
 */
export function detectLayout(entries: TreeEntry[]): ExportLayout {
  if (entries.some(e => AWS_PARTITION.test(e.path))) return 'aws-data-exports';
  if (entries.some(e => AZURE_RUN_FILE.test(e.path))) {
    return 'azure-cost-export';
  }
  return 'files';
}

/** Splits a tree into deliveries by its layout (`auto` detects it). */
export async function planDeliveries(
  entries: TreeEntry[],
  setting: LayoutSetting,
  readText: ReadText,
): Promise<DeliveryPlan> {
  const layout = setting === 'auto' ? detectLayout(entries) : setting;
  if (layout === 'aws-data-exports') {
    return { layout, ...(await planAwsDataExports(entries, readText)) };
  }
  if (layout === 'azure-cost-export') {
    return { layout, ...(await planAzureCostExports(entries, readText)) };
  }
  const parts = entries
    .map(e => e.path)
    .filter(isCostFile)
    .sort((a, b) => Number(a > b) - Number(a < b))
    .map(p => ({ path: p, key: p }));
  return {
    layout,
    deliveries: parts.length > 0 ? [{ id: '', parts, notes: [] }] : [],
    problems: [],
  };
}
