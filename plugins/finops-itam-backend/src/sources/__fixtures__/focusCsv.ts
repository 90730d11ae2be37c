/** The columns of a minimal valid FOCUS 1.2 export. */
const HEADER = [
  'BillingAccountId',
  'BillingCurrency',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeCategory',
  'ChargeClass',
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'ServiceName',
  'ServiceCategory',
  'InvoiceIssuerName',
  'ProviderName',
];

/** One charge of a day (of October 2026 unless the file's `month` says otherwise) for account 111111111111. */
export interface FocusRow {
  day: number;
  cost: string;
  service?: string;
}

/**
 * A small FOCUS 1.2 CSV: one usage row per given day and cost, all in billing period
 * `month` (`YYYY-MM`, 2026-10 by default). `omit` drops columns, to build files the
 * importer must reject.
 */
export function focusCsv(
  rows: FocusRow[],
  options: { omit?: string[]; month?: string } = {},
): string {
  const columns = HEADER.filter(c => !options.omit?.includes(c));
  const month = options.month ?? '2026-10';
  const [year, monthNumber] = month.split('-').map(Number);
  const nextMonth =
    monthNumber === 12
      ? `${year + 1}-01`
      : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  const lines = rows.map(
    ({ day, cost, service = 'Amazon Elastic Compute Cloud' }) => {
      const dd = String(day).padStart(2, '0');
      const next = String(day + 1).padStart(2, '0');
      const values: Record<string, string> = {
        BillingAccountId: '111111111111',
        BillingCurrency: 'USD',
        BillingPeriodStart: `${month}-01T00:00:00Z`,
        BillingPeriodEnd: `${nextMonth}-01T00:00:00Z`,
        ChargePeriodStart: `${month}-${dd}T00:00:00Z`,
        ChargePeriodEnd: `${month}-${next}T00:00:00Z`,
        ChargeCategory: 'Usage',
        ChargeClass: '',
        BilledCost: cost,
        EffectiveCost: cost,
        ListCost: cost,
        ContractedCost: cost,
        ServiceName: service,
        ServiceCategory: 'Compute',
        InvoiceIssuerName: 'Amazon Web Services',
        ProviderName: 'Amazon Web Services',
      };
      return columns.map(c => values[c]).join(',');
    },
  );
  return `${[columns.join(','), ...lines].join('\n')}\n`;
}
