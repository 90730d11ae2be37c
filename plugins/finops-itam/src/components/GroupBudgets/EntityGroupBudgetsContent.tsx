import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { AccessDenied, isForbiddenError } from '../AccessDenied';
import { AccountableFor } from '../Accountability';
import { BudgetFigures, NoBudgetHint } from '../BudgetStatus';
import { BudgetsTable } from '../BudgetsTable';
import { ContentHeading } from '../ContentHeading';
import { useTeamBudgets } from './useTeamBudgets';

/**
 * The Budgets tab of a Group page: the team's own budgets with what its services' budgets
 * leave unbudgeted, and the budgets of the entities it owns, for the period containing today.
 */
export function EntityGroupBudgetsContent() {
  const { entity } = useEntity();
  const teamRef = stringifyEntityRef(entity);
  const name = entity.metadata.name;
  const { loading, error, value } = useTeamBudgets(teamRef);

  let body;
  if (loading) {
    body = <Progress aria-label={`Loading the budgets of ${name}`} />;
  } else if (error && isForbiddenError(error)) {
    body = (
      <AccessDenied
        what="budgets"
        entityRef={teamRef}
        askWhom="your FinOps team"
      />
    );
  } else if (error || !value) {
    const cause = error ?? new Error('The backend answered with no budgets');
    body = (
      <ResponseErrorPanel
        title={`Could not load the budgets of ${name}: ${cause.message}`}
        error={cause}
      />
    );
  } else {
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12} md={5}>
          <InfoCard
            title={`Budget of ${name}`}
            titleTypographyProps={{ component: 'h3', variant: 'h5' }}
          >
            {value.team.length === 0 ? (
              <NoBudgetHint entityRef={teamRef} />
            ) : (
              value.team.map(row => (
                <BudgetFigures key={row.budget.id} entry={row} />
              ))
            )}
            <AccountableFor decision="budget" ownerRef={teamRef} />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard
            title="Budgets of its services"
            titleTypographyProps={{ component: 'h3', variant: 'h5' }}
            subheader="Components, systems and resources the team owns"
          >
            {value.owned.length === 0 ? (
              <Typography variant="body2" color="textSecondary">
                {`None of the entities ${name} owns has a budget for this period. Split the team's budget into child budgets of its services to see each one here.`}
              </Typography>
            ) : (
              <BudgetsTable
                label={`Budgets of the services of ${name}`}
                rows={value.owned}
              />
            )}
          </InfoCard>
        </Grid>
      </Grid>
    );
  }

  return (
    <>
      <ContentHeading
        title="Budgets"
        description="Budget against actual and forecast for the team and the services it owns, this period."
      />
      {body}
    </>
  );
}
