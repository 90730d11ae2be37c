import { Cell, CellText, Link, Text } from '@backstage/ui';
import { AccountableDecision } from '@finops-itam/plugin-finops-itam-common';
import { DataColumn, DataTable } from '../DataTable';
import { PartyName } from './PartyName';

const COLUMNS: DataColumn<AccountableDecision>[] = [
  {
    id: 'decision',
    label: 'Decision',
    isRowHeader: true,
    cell: decision => (
      <CellText title={decision.title} description={decision.summary} />
    ),
  },
  {
    id: 'decides',
    label: 'Decides',
    cell: decision => (
      <Cell>
        <Text as="span">
          <PartyName party={decision.decides} />
        </Text>
      </Cell>
    ),
  },
  {
    id: 'consulted',
    label: 'Consulted',
    cell: decision => (
      <Cell>
        {decision.consulted.length === 0 ? (
          <Text as="span" color="secondary">
            Nobody
          </Text>
        ) : (
          decision.consulted.map(party => (
            <Text as="div" key={`${party.role}-${party.title}`}>
              <PartyName party={party} />
            </Text>
          ))
        )}
      </Cell>
    ),
  },
  {
    id: 'source',
    label: 'Source',
    cell: decision => (
      <Cell>
        <Link href={decision.source.url} target="_blank" rel="noopener">
          {decision.source.title}
        </Link>
      </Cell>
    ),
  },
];

/** Who decides and who is consulted for each decision the portal shows. */
export function AccountabilityTable(props: {
  decisions: AccountableDecision[];
}) {
  return (
    <DataTable
      label="Accountability"
      columns={COLUMNS}
      items={props.decisions}
      empty={
        <Text as="p" color="secondary">
          No decisions configured.
        </Text>
      }
    />
  );
}
