import { useApi } from '@backstage/core-plugin-api';
import { Cell, CellText, Flex, Text } from '@backstage/ui';
import { UnitEconomicsLine } from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import {
  compareDecimals,
  CostPeriod,
  formatAmount,
  formatQuantity,
  formatUnitCost,
} from '../../lib';
import { DataColumn, DataTable } from '../DataTable';
import { EntityLink } from '../EntityLink';
import { GlossaryTerm } from '../GlossaryTerm';
import { AsyncContent } from './AsyncContent';

type UnitRow = UnitEconomicsLine & { id: string };

/**
 * Highest unit cost first within each currency (unit costs in different currencies are not
 * comparable), currencies by name, lines without volume last. Compared exactly.
 */
export function sortUnitEconomics(
  lines: UnitEconomicsLine[],
): UnitEconomicsLine[] {
  return [...lines].sort((a, b) => {
    if (a.currency !== b.currency) return a.currency < b.currency ? -1 : 1;
    if (a.unitCost === null || b.unitCost === null) {
      return (a.unitCost === null ? 1 : 0) - (b.unitCost === null ? 1 : 0);
    }
    return compareDecimals(b.unitCost, a.unitCost);
  });
}

const COLUMNS: DataColumn<UnitRow>[] = [
  {
    id: 'entity',
    label: 'Service',
    isRowHeader: true,
    cell: row => (
      <Cell>
        <EntityLink entityRef={row.entityRef} />
      </Cell>
    ),
  },
  {
    id: 'metric',
    label: 'Metric',
    cell: row => (
      <CellText title={row.metric} description={row.unit ?? undefined} />
    ),
  },
  {
    id: 'cost',
    label: 'All-in cost',
    cell: row => <CellText title={formatAmount(row.allInCost, row.currency)} />,
  },
  {
    id: 'volume',
    label: 'Volume',
    cell: row => <CellText title={formatQuantity(row.volume)} />,
  },
  {
    id: 'unitCost',
    label: 'Unit cost',
    cell: row => (
      <CellText
        title={
          row.unitCost === null
            ? 'No volume'
            : formatUnitCost(row.unitCost, row.currency)
        }
        description={row.unit ? `per ${row.unit}` : undefined}
      />
    ),
  },
];

/** All-in unit cost of every service with a business metric, highest first. */
export function UnitEconomicsTab(props: { period: CostPeriod }) {
  const { period } = props;
  const api = useApi(finopsItamApiRef);
  const state = useAsync(
    () => api.getUnitEconomics(period),
    [api, period.from, period.to],
  );
  return (
    <AsyncContent state={state} what="unit economics">
      {answer => (
        <Flex direction="column" gap="3">
          <Text as="h2" variant="title-small">
            <GlossaryTerm term="unit-cost">Unit economics</GlossaryTerm>
          </Text>
          <Text as="p" variant="body-small" color="secondary">
            <GlossaryTerm term="all-in-cost">All-in cost</GlossaryTerm> divided
            by the service&apos;s business metric, highest first.
          </Text>
          <DataTable
            label="Unit economics"
            columns={COLUMNS}
            items={sortUnitEconomics(answer.items).map(line => ({
              ...line,
              id: `${line.entityRef} ${line.metric} ${line.currency}`,
            }))}
            empty={
              <Text as="p" color="secondary">
                No service has a business metric: annotate a component with
                finops-itam.io/unit-metric and send its volumes with PUT
                /api/finops-itam/metrics/&lt;name&gt;.
              </Text>
            }
          />
        </Flex>
      )}
    </AsyncContent>
  );
}
