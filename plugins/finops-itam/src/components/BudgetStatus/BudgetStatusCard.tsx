import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Skeleton } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import { useEntityBudget } from '../../hooks/useEntityBudget';
import { AccessDenied, isForbiddenError } from '../AccessDenied';
import { BudgetFigures } from './BudgetFigures';
import { NoBudgetHint } from './NoBudgetHint';

/** Keeps the card about as tall in every state, so the page does not jump when data arrives. */
const MIN_HEIGHT = 200;

/**
 * The "Budget" card of an entity: budget, actual, forecast with its band, variance and
 * status for the period containing today, or how to add a budget when there is none.
 */
export function BudgetStatusCard(props: { entityRef: CompoundEntityRef }) {
  const { entityRef } = props;
  const ref = stringifyEntityRef(entityRef);
  const { loading, error, value } = useEntityBudget(entityRef);

  let body;
  if (loading) {
    body = (
      <div
        role="progressbar"
        aria-label={`Loading the budget of ${entityRef.name}`}
      >
        <Skeleton width="60%" height={24} />
        <Skeleton width="100%" height={96} style={{ marginTop: 8 }} />
      </div>
    );
  } else if (error && isForbiddenError(error)) {
    body = (
      <AccessDenied
        compact
        what="budget data for this entity"
        entityRef={ref}
        askWhom="its owner or your FinOps team"
      />
    );
  } else if (error || !value) {
    const cause = error ?? new Error('The backend answered with no budget');
    body = (
      <ResponseErrorPanel
        title={`Could not load the budget: ${cause.message}`}
        error={cause}
      />
    );
  } else if (!value.budget) {
    body = <NoBudgetHint entityRef={ref} message={value.message} />;
  } else {
    body = <BudgetFigures entry={{ ...value, budget: value.budget }} />;
  }

  return (
    // A real heading, so the card can be found (and skipped to) by its name.
    <InfoCard
      title="Budget"
      titleTypographyProps={{ component: 'h2', variant: 'h5' }}
    >
      <Box minHeight={MIN_HEIGHT}>{body}</Box>
    </InfoCard>
  );
}
