import { useState } from 'react';
import { Progress } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { TeamCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { CostPeriodPreset } from '../../lib';
import { ContentHeading } from '../ContentHeading';
import { TeamCostEmpty, TeamCostGate, useTeamCost } from '../TeamCostShared';
import { TeamCostHeadline } from './TeamCostHeadline';
import { TeamPeriodSelect } from './TeamPeriodSelect';
import { TeamServicesTable } from './TeamServicesTable';

/** Keeps the tab about as tall in every state, so the page does not jump when data arrives. */
const MIN_HEIGHT = 360;

/** Height of the bar shown while another period loads; reserved so nothing moves. */
const RELOAD_BAR_HEIGHT = 4;

/**
 * The team cost tab of a Group page: the all-in cost of everything the team owns over a
 * chosen period, and its services ranked by cost and by change with their unit costs.
 */
export function EntityTeamCostContent() {
  const { entity } = useEntity();
  const [period, setPeriod] = useState<CostPeriodPreset>('30d');
  const state = useTeamCost(getCompoundEntityRef(entity), period);
  const teamName = entity.metadata.name;
  const reloading = state.loading && state.value !== undefined;

  return (
    <>
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="flex-start"
        flexWrap="wrap"
      >
        <ContentHeading
          title="Team cost"
          description="All-in cost of the services this team owns: cloud, licenses and shares of shared costs."
        />
        <TeamPeriodSelect value={period} onChange={setPeriod} />
      </Box>
      <Box height={RELOAD_BAR_HEIGHT} mb={1}>
        {reloading && (
          <Progress aria-label={`Loading the cost of ${teamName}`} />
        )}
      </Box>
      <Box minHeight={MIN_HEIGHT} aria-busy={state.loading}>
        <TeamCostGate state={state}>
          {cost =>
            cost.currency ? (
              <TeamCostView
                cost={cost}
                currency={cost.currency}
                teamName={teamName}
              />
            ) : (
              <TeamCostEmpty
                teamName={teamName}
                from={cost.from}
                to={cost.to}
              />
            )
          }
        </TeamCostGate>
      </Box>
    </>
  );
}

function TeamCostView(props: {
  cost: TeamCostResponse;
  currency: string;
  teamName: string;
}) {
  const { cost, currency, teamName } = props;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <TeamCostHeadline cost={cost} currency={currency} />
      </Grid>
      <Grid item xs={12} md={8}>
        <TeamServicesTable
          teamName={teamName}
          entities={cost.entities}
          currency={currency}
        />
      </Grid>
    </Grid>
  );
}
