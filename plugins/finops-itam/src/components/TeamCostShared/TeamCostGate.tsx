import { ReactNode } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TeamCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { AccessDenied, isForbiddenError } from '../AccessDenied';
import { TeamCostState } from './useTeamCost';

/**
 * The loading, access-denied and error states of a team's cost, shared by the card and the
 * tab; renders its children with the cost once there is one.
 */
export function TeamCostGate(props: {
  state: TeamCostState;
  /** For a card: access denied as text only, without the illustration. */
  compact?: boolean;
  children: (cost: TeamCostResponse) => ReactNode;
}) {
  const { entity } = useEntity();
  const { loading, error, value } = props.state;
  const name = entity.metadata.name;

  if (value) {
    return <>{props.children(value)}</>;
  }
  if (loading) {
    return <Progress aria-label={`Loading the cost of ${name}`} />;
  }
  if (error && isForbiddenError(error)) {
    return (
      <AccessDenied
        what="cost data for this team"
        entityRef={stringifyEntityRef(entity)}
        askWhom="your FinOps team"
        compact={props.compact}
      />
    );
  }
  const cause = error ?? new Error('The backend answered with no cost');
  return (
    <ResponseErrorPanel
      title={`Could not load the cost of ${name}: ${cause.message}`}
      error={cause}
    />
  );
}
