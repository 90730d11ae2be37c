import { useApi } from '@backstage/core-plugin-api';
import { CellText, Flex, Text } from '@backstage/ui';
import { Commitment } from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { CostPeriod, formatAmount, formatQuantity } from '../../lib';
import { DataColumn, DataTable } from '../DataTable';
import { GlossaryTerm } from '../GlossaryTerm';
import { AsyncContent } from './AsyncContent';
import { kpiPercent } from './kpiFormat';
import { OwnerCosts } from './OwnerCosts';

type CommitmentRow = Commitment & { id: string };

const COLUMNS: DataColumn<CommitmentRow>[] = [
  {
    id: 'commitment',
    label: 'Commitment',
    isRowHeader: true,
    cell: row => (
      <CellText
        title={row.commitmentDiscountId}
        description={row.providerName ?? undefined}
      />
    ),
  },
  {
    id: 'type',
    label: 'Type and category',
    cell: row => (
      <CellText
        title={row.type ?? 'Unknown type'}
        description={row.category ?? 'Unknown category'}
      />
    ),
  },
  {
    id: 'used',
    label: 'Used cost',
    cell: row => <CellText title={formatAmount(row.usedCost, row.currency)} />,
  },
  {
    id: 'unused',
    label: 'Unused cost',
    cell: row => (
      <CellText title={formatAmount(row.unusedCost, row.currency)} />
    ),
  },
  {
    id: 'utilization',
    label: 'Utilization',
    cell: row => (
      <CellText
        title={kpiPercent(row.utilization.value)}
        description={`${formatQuantity(row.usedQuantity)} of ${formatQuantity(
          row.utilization.denominator,
        )}${row.utilization.unit ? ` ${row.utilization.unit}` : ''} used`}
      />
    ),
  },
  {
    id: 'covered',
    label: 'Covered owners',
    cell: row => (
      <OwnerCosts owners={row.coveredOwners} currency={row.currency} />
    ),
  },
  {
    id: 'unusedWent',
    label: 'Unused cost went to',
    cell: row => (
      <OwnerCosts owners={row.unusedCostOwners} currency={row.currency} />
    ),
  },
];

/**
 * Every commitment discount of the period: what it cost used and unused, how much of it was
 * used, whose usage it covered and who carries its unused part.
 */
export function CommitmentsTab(props: { period: CostPeriod }) {
  const { period } = props;
  const api = useApi(finopsItamApiRef);
  const state = useAsync(
    () => api.listCommitments(period),
    [api, period.from, period.to],
  );
  return (
    <AsyncContent state={state} what="commitments">
      {answer => (
        <Flex direction="column" gap="3">
          <Text as="h2" variant="title-small">
            <GlossaryTerm term="commitment-discount">Commitments</GlossaryTerm>
          </Text>
          <Text as="p" variant="body-small" color="secondary">
            Usage rows only, purchases excluded; one line per commitment and
            currency.
          </Text>
          <DataTable
            label="Commitments"
            columns={COLUMNS}
            items={answer.items.map(item => ({
              ...item,
              id: `${item.commitmentDiscountId} ${item.currency}`,
            }))}
            empty={
              <Text as="p" color="secondary">
                No commitment discount (reservation or savings plan) covered
                usage in this period.
              </Text>
            }
          />
        </Flex>
      )}
    </AsyncContent>
  );
}
