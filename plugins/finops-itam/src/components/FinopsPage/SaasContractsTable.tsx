import { Decimal } from 'decimal.js';
import LinearProgress from '@material-ui/core/LinearProgress';
import { Cell, CellText, Text } from '@backstage/ui';
import { SaasContract } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount, percentText } from '../../lib';
import { DataColumn, DataTable } from '../DataTable';
import { ToneCell } from '../DataTable/ToneCell';
import { EntityLink } from '../EntityLink';

type ContractRow = SaasContract & { id: string };

const STATUS_WORDS: Record<
  SaasContract['status'],
  { title: string; tone: 'danger' | 'warning' | 'success' | 'info' }
> = {
  ok: { title: 'On track', tone: 'success' },
  warning: { title: 'Warning', tone: 'warning' },
  exhausted: { title: 'Exhausted', tone: 'danger' },
  'not-started': { title: 'Not started', tone: 'info' },
  ended: { title: 'Ended', tone: 'info' },
};

/** Consumed share of a prepaid commitment, exact, in percent; null without a commitment. */
export function drawdownPercent(contract: SaasContract): string | null {
  if (contract.committed === null) return null;
  const committed = new Decimal(contract.committed);
  if (committed.isZero()) return null;
  return percentText(
    new Decimal(contract.consumedToDate).dividedBy(committed).times(100),
  );
}

function Drawdown(props: { contract: ContractRow }) {
  const { contract } = props;
  const percent = drawdownPercent(contract);
  if (percent === null) {
    const rate = contract.contractedMonthlyRunRate;
    return (
      <CellText
        title={`${formatAmount(
          contract.consumedToDate,
          contract.currency,
        )} consumed`}
        description={
          rate
            ? `recent ${
                contract.recentMonthlyRunRate
                  ? formatAmount(
                      contract.recentMonthlyRunRate,
                      contract.currency,
                    )
                  : '—'
              } a month against ${formatAmount(
                rate,
                contract.currency,
              )} contracted`
            : undefined
        }
      />
    );
  }
  const label = `${formatAmount(
    contract.consumedToDate,
    contract.currency,
  )} of ${formatAmount(
    contract.committed!,
    contract.currency,
  )} drawn (${percent}%)`;
  return (
    <Cell>
      <LinearProgress
        variant="determinate"
        // The bar is drawn from a number; the exact figures are in its label and the text.
        value={Math.min(100, Math.max(0, Number(percent)))}
        aria-label={`Drawdown of ${contract.title}`}
        aria-valuetext={label}
        color={contract.status === 'ok' ? 'primary' : 'secondary'}
      />
      <Text as="div" variant="body-small" color="secondary">
        {label}
      </Text>
    </Cell>
  );
}

const COLUMNS: DataColumn<ContractRow>[] = [
  {
    id: 'contract',
    label: 'Contract',
    isRowHeader: true,
    cell: row => (
      <CellText
        title={row.title}
        description={`${row.vendor}, ${
          row.kind === 'prepaid' ? 'prepaid' : 'consumption-based'
        }, ${row.start} – ${row.end}`}
      />
    ),
  },
  {
    id: 'owner',
    label: 'Owner',
    cell: row =>
      row.ownerRef ? (
        <Cell>
          <EntityLink entityRef={row.ownerRef} defaultKind="group" />
        </Cell>
      ) : (
        <CellText title="—" />
      ),
  },
  {
    id: 'drawdown',
    label: 'Drawdown',
    cell: row => <Drawdown contract={row} />,
  },
  {
    id: 'remaining',
    label: 'Remaining',
    cell: row => (
      <CellText
        title={
          row.remaining === null
            ? '—'
            : formatAmount(row.remaining, row.currency)
        }
      />
    ),
  },
  {
    id: 'exhaustion',
    label: 'Projected exhaustion',
    cell: row => (
      <CellText
        title={
          row.projectedExhaustion ??
          (row.kind === 'prepaid' ? 'Lasts the term' : '—')
        }
      />
    ),
  },
  {
    id: 'status',
    label: 'Status',
    cell: row => (
      <ToneCell {...STATUS_WORDS[row.status]} description={row.message} />
    ),
  },
];

/** SaaS contracts: prepaid drawdown with its projection, consumption against the run rate. */
export function SaasContractsTable(props: { contracts: SaasContract[] }) {
  return (
    <DataTable
      label="SaaS contracts"
      columns={COLUMNS}
      items={props.contracts}
      empty={
        <Text as="p" color="secondary">
          No SaaS contracts: add prepaid and consumption-based contracts under
          finopsItam.saas.contracts in app-config.
        </Text>
      }
    />
  );
}
