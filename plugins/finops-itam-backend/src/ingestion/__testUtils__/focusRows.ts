import { writeFile } from 'node:fs/promises';

/** The columns of the worked examples: a FOCUS 1.2 export with the columns they vary. */
const COLUMNS = [
  'BillingAccountId',
  'BillingCurrency',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeCategory',
  'ChargeClass',
  'ChargeFrequency',
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'ServiceName',
  'ServiceCategory',
  'InvoiceIssuerName',
  'ProviderName',
  'ResourceId',
  'Tags',
] as const;

export type FocusRowValues = Partial<Record<(typeof COLUMNS)[number], string>>;

/**
 * One usage charge of 1.00 USD on 2026-04-01 in billing period 2026-04, account `acct-1`;
 * `values` overrides any column (an empty string is an empty cell). Cost columns default to
 * BilledCost, so a row given only a BilledCost carries it on every basis.
 */
export function focusRow(values: FocusRowValues = {}): FocusRowValues {
  const cost = values.BilledCost ?? '1.00';
  return {
    BillingAccountId: 'acct-1',
    BillingCurrency: 'USD',
    BillingPeriodStart: '2026-04-01T00:00:00Z',
    BillingPeriodEnd: '2026-05-01T00:00:00Z',
    ChargePeriodStart: '2026-04-01T00:00:00Z',
    ChargePeriodEnd: '2026-04-02T00:00:00Z',
    ChargeCategory: 'Usage',
    ChargeClass: '',
    ChargeFrequency: 'Usage-Based',
    BilledCost: cost,
    EffectiveCost: cost,
    ListCost: cost,
    ContractedCost: cost,
    ServiceName: 'Compute Engine',
    ServiceCategory: 'Compute',
    InvoiceIssuerName: 'Example Cloud',
    ProviderName: 'Example Cloud',
    ResourceId: 'vm-1',
    Tags: '',
    ...values,
  };
}

function cell(value: string | undefined): string {
  if (value === undefined) return '';
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows (see `focusRow`) as a FOCUS CSV file. */
export async function writeFocusCsv(filePath: string, rows: FocusRowValues[]) {
  const lines = rows.map(row => COLUMNS.map(c => cell(row[c])).join(','));
  await writeFile(filePath, [COLUMNS.join(','), ...lines].join('\n'));
}
