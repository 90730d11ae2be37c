import { Cell, CellText, Flex, Text } from '@backstage/ui';
import {
  CurrencyAmount,
  MarketplacePurchase,
  MarketplaceResponse,
} from '@finops-itam/plugin-finops-itam-common';
import { formatAmount } from '../../lib';
import { DataColumn, DataTable } from '../DataTable';
import { ToneCell } from '../DataTable/ToneCell';

type PurchaseRow = MarketplacePurchase & { id: string };

/** Amounts in several currencies, listed apart and never added. */
export function amountsText(amounts: CurrencyAmount[]): string {
  return amounts.length === 0
    ? '—'
    : amounts.map(a => formatAmount(a.amount, a.currency)).join(' + ');
}

const POLICY_WORDS: Record<
  MarketplacePurchase['policy'],
  { title: string; tone: 'danger' | 'warning' | 'success' | 'info' }
> = {
  allowed: { title: 'Allowed', tone: 'success' },
  'approved-publisher': { title: 'Approved seller', tone: 'success' },
  'needs-approval': { title: 'Needs approval', tone: 'warning' },
  forbidden: { title: 'Outside policy', tone: 'danger' },
};

const COLUMNS: DataColumn<PurchaseRow>[] = [
  {
    id: 'seller',
    label: 'Seller',
    isRowHeader: true,
    cell: row => (
      <CellText
        title={row.publisherName}
        description={
          row.productIds.length > 0 ? row.productIds.join(', ') : undefined
        }
      />
    ),
  },
  {
    id: 'through',
    label: 'Bought through',
    cell: row => (
      <CellText
        title={row.invoiceIssuerName}
        description={row.providerName ?? undefined}
      />
    ),
  },
  {
    id: 'cost',
    label: 'Cost',
    cell: row => (
      <CellText
        title={amountsText(row.cost)}
        description={`billed ${amountsText(row.billedCost)}`}
      />
    ),
  },
  {
    id: 'commitment',
    label: 'Counts toward commitment',
    cell: row => <CellText title={row.countsTowardCommitment ? 'Yes' : 'No'} />,
  },
  {
    id: 'policy',
    label: 'Policy',
    cell: row => <ToneCell {...POLICY_WORDS[row.policy]} />,
  },
  {
    id: 'resources',
    label: 'Resources',
    cell: row => (
      <Cell>
        <Text as="span">{String(row.resources)}</Text>
      </Cell>
    ),
  },
];

/** Marketplace spend per seller, with what counts toward the provider commitment. */
export function MarketplaceTable(props: { marketplace: MarketplaceResponse }) {
  const { marketplace } = props;
  return (
    <Flex direction="column" gap="2">
      {marketplace.items.length > 0 && (
        <Text as="p" variant="body-medium" color="secondary">
          {`${amountsText(
            marketplace.totals,
          )} marketplace spend, of which ${amountsText(
            marketplace.countingTowardCommitment,
          )} counts toward provider commitments.`}
        </Text>
      )}
      <DataTable
        label="Marketplace spend by seller"
        columns={COLUMNS}
        items={marketplace.items.map((item, index) => ({
          ...item,
          id: String(index),
        }))}
        empty={
          <Text as="p" color="secondary">
            No marketplace purchases in this period (no charge whose seller
            differs from the invoice issuer).
          </Text>
        }
      />
    </Flex>
  );
}
