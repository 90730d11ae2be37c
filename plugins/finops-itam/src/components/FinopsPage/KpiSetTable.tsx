import { CellText, Text } from '@backstage/ui';
import { Kpi, KpiSet } from '@finops-itam/plugin-finops-itam-common';
import { DataColumn, DataTable } from '../DataTable';
import { hasNotCovered, kpiPercent } from './kpiFormat';

/** One line of a {@link KpiSetTable}: a group, or another currency. */
export type KpiSetRow = KpiSet & { id: string; label: string; note?: string };

function kpiCell(kpi: Kpi) {
  return (
    <CellText
      title={kpiPercent(kpi.value)}
      description={hasNotCovered(kpi) ? 'part not covered' : undefined}
    />
  );
}

/** The KPIs of several groups or currencies side by side, one line each. */
export function KpiSetTable(props: {
  label: string;
  /** The header of the first column, e.g. `Provider`. */
  keyLabel: string;
  rows: KpiSetRow[];
  empty: string;
}) {
  const { label, keyLabel, rows, empty } = props;
  const columns: DataColumn<KpiSetRow>[] = [
    {
      id: 'key',
      label: keyLabel,
      isRowHeader: true,
      cell: row => <CellText title={row.label} description={row.note} />,
    },
    {
      id: 'esrList',
      label: 'ESR against list',
      cell: row => kpiCell(row.effectiveSavingsRate.againstList),
    },
    {
      id: 'esrContracted',
      label: 'ESR against contracted',
      cell: row => kpiCell(row.effectiveSavingsRate.againstContracted),
    },
    {
      id: 'utilization',
      label: 'Commitment utilization',
      cell: row => kpiCell(row.commitmentUtilization),
    },
    {
      id: 'coverage',
      label: 'Commitment coverage',
      cell: row => kpiCell(row.commitmentCoverage),
    },
    {
      id: 'waste',
      label: 'Commitment waste',
      cell: row => kpiCell(row.commitmentWaste),
    },
    {
      id: 'allocation',
      label: 'Allocation coverage',
      cell: row => kpiCell(row.allocationCoverage),
    },
  ];
  return (
    <DataTable
      label={label}
      columns={columns}
      items={rows}
      empty={
        <Text as="p" color="secondary">
          {empty}
        </Text>
      }
    />
  );
}
