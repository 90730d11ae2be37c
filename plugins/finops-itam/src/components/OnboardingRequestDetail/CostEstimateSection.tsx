import { CellText, Flex, Text } from '@backstage/ui';
import {
  OnboardingEstimateLine,
  OnboardingRequest,
} from '@finops-itam/plugin-finops-itam-common';
import { formatAmount } from '../../lib';
import { DataColumn, DataTable, ToneCell } from '../DataTable';

type Line = OnboardingEstimateLine & { id: string };

const COLUMNS: DataColumn<Line>[] = [
  {
    id: 'description',
    label: 'What',
    isRowHeader: true,
    cell: line => <CellText title={line.description} />,
  },
  {
    id: 'basis',
    label: 'Price from',
    cell: line => <CellText title={line.basis} />,
  },
  {
    id: 'monthly',
    label: 'Per month',
    cell: line =>
      line.monthly ? (
        <CellText
          title={formatAmount(line.monthly.amount, line.monthly.currency)}
        />
      ) : (
        <ToneCell title="No price known" tone="warning" />
      ),
  },
];

/**
 * The monthly cost estimate the checks derived, line by line with where each price came
 * from, its totals per currency (never added across currencies), and the requester's own.
 */
export function CostEstimateSection(props: { request: OnboardingRequest }) {
  const { costEstimate, estimatedMonthlyCost } = props.request;
  const lines = costEstimate.lines.map((line, index) => ({
    ...line,
    id: String(index),
  }));
  return (
    <Flex direction="column" gap="2">
      <Text as="h3" variant="title-x-small">
        Cost estimate
      </Text>
      <DataTable
        label="Cost estimate"
        columns={COLUMNS}
        items={lines}
        empty={<Text color="secondary">Nothing to price.</Text>}
      />
      <Text as="p">
        Estimated monthly total:{' '}
        {costEstimate.totals.length > 0
          ? costEstimate.totals
              .map(total => formatAmount(total.amount, total.currency))
              .join(' + ')
          : 'none known'}
        {costEstimate.unpriced > 0 &&
          ` (${costEstimate.unpriced} line${
            costEstimate.unpriced === 1 ? '' : 's'
          } without a known price)`}
      </Text>
      {estimatedMonthlyCost && (
        <Text as="p" color="secondary">
          The requester's own estimate:{' '}
          {formatAmount(
            estimatedMonthlyCost.amount,
            estimatedMonthlyCost.currency,
          )}{' '}
          per month
        </Text>
      )}
    </Flex>
  );
}
