import { Cell, Text } from '@backstage/ui';
import { CommitmentOwnerCost } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount } from '../../lib';
import { EntityLink } from '../EntityLink';

/**
 * Owners with their cost in one cell, the largest first as the backend sends them; at most
 * `limit` named, the rest counted, so a long list does not swamp the table.
 */
export function OwnerCosts(props: {
  owners: CommitmentOwnerCost[];
  currency: string;
  limit?: number;
}) {
  const { owners, currency, limit = 3 } = props;
  if (owners.length === 0) {
    return (
      <Cell>
        <Text as="span" color="secondary">
          —
        </Text>
      </Cell>
    );
  }
  const shown = owners.slice(0, limit);
  return (
    <Cell>
      {shown.map(owner => (
        <Text as="div" variant="body-small" key={owner.ownerRef ?? ''}>
          {owner.ownerRef ? (
            <EntityLink entityRef={owner.ownerRef} defaultKind="group" />
          ) : (
            'Unallocated'
          )}
          {` ${formatAmount(owner.cost, currency)}`}
        </Text>
      ))}
      {owners.length > shown.length && (
        <Text as="div" variant="body-small" color="secondary">
          {`and ${owners.length - shown.length} more`}
        </Text>
      )}
    </Cell>
  );
}
