import { useApi } from '@backstage/core-plugin-api';
import { Text } from '@backstage/ui';
import { AccountableDecision } from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { PartyName } from './PartyName';

/**
 * One line beside a decision saying who is accountable for it and who is consulted, from the
 * portal's accountability settings. `ownerRef` names the group the owner role stands for
 * (the budget's or the request's owner). It is context, not the decision: while it loads it
 * shows nothing, and a failure is one quiet line.
 */
export function AccountableFor(props: {
  decision: AccountableDecision['id'];
  ownerRef?: string;
}) {
  const { decision, ownerRef } = props;
  const api = useApi(finopsItamApiRef);
  const { loading, error, value } = useAsync(
    () => api.getAccountability({ ownerRef }),
    [api, ownerRef],
  );
  if (loading) return null;
  if (error) {
    return (
      <Text as="p" variant="body-small" color="secondary">
        {`Who is accountable could not be loaded: ${error.message}`}
      </Text>
    );
  }
  const entry = value?.decisions.find(d => d.id === decision);
  if (!entry) return null;
  return (
    <Text
      as="p"
      variant="body-small"
      color="secondary"
      data-testid="finops-itam-accountable"
    >
      {'Accountable: '}
      <PartyName party={entry.decides} />
      {entry.consulted.length > 0 && (
        <>
          {'; consulted: '}
          {entry.consulted.map((party, index) => (
            <span key={`${party.role}-${party.title}`}>
              {index > 0 && ', '}
              <PartyName party={party} />
            </span>
          ))}
        </>
      )}
    </Text>
  );
}
