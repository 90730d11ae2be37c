import { InfoCard } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { TeamCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount, formatPeriod } from '../../lib';
import {
  CostChange,
  OtherCurrencies,
  rankEntities,
  TeamCostEmpty,
  TeamCostGate,
  useTeamCost,
} from '../TeamCostShared';

/** Enough to name the services that drive the bill; the tab lists them all. */
const TOP_SERVICES = 3;

/** Keeps the card about as tall in every state, so the page does not jump when data arrives. */
const MIN_HEIGHT = 220;

/**
 * The team cost card of a Group page: the all-in cost of the entities the team owns over
 * the last 30 days, its change against the 30 days before, and the costliest services.
 */
export function EntityTeamCostCard() {
  const { entity } = useEntity();
  const state = useTeamCost(getCompoundEntityRef(entity), '30d');
  const teamName = entity.metadata.name;

  return (
    <InfoCard title="Team cost" subheader="Last 30 days, all-in">
      <Box minHeight={MIN_HEIGHT}>
        <TeamCostGate state={state} compact>
          {cost =>
            // A currency means some cost row reached the team in the period.
            cost.currency ? (
              <TeamCostSummary cost={cost} currency={cost.currency} />
            ) : (
              <TeamCostEmpty
                teamName={teamName}
                from={cost.from}
                to={cost.to}
                compact
              />
            )
          }
        </TeamCostGate>
      </Box>
    </InfoCard>
  );
}

function TeamCostSummary(props: { cost: TeamCostResponse; currency: string }) {
  const { cost, currency } = props;
  const top = rankEntities(cost.entities, 'cost').slice(0, TOP_SERVICES);
  return (
    <>
      <Typography
        variant="h4"
        component="p"
        data-testid="finops-itam-team-total"
      >
        {formatAmount(cost.total, currency)}
      </Typography>
      <CostChange
        change={cost.change}
        changePercent={cost.changePercent}
        currency={currency}
        against="the previous 30 days"
      />
      <OtherCurrencies totals={cost.otherCurrencies} />
      <Typography variant="caption" color="textSecondary" display="block">
        {`${formatPeriod(
          cost.from,
          cost.to,
        )} · cloud, licenses and shares of shared costs of ${
          cost.entities.length
        } owned ${cost.entities.length === 1 ? 'entity' : 'entities'}`}
      </Typography>
      {top.length > 0 && (
        <Box mt={2}>
          <Typography
            variant="overline"
            component="h3"
            id="finops-itam-top-services"
          >
            Costliest services
          </Typography>
          <List dense disablePadding aria-labelledby="finops-itam-top-services">
            {top.map(entity => (
              <ListItem key={entity.entityRef} disableGutters>
                <Box display="flex" justifyContent="space-between" width="100%">
                  <EntityRefLink entityRef={entity.entityRef} hideIcon>
                    {entity.title ?? entity.name}
                  </EntityRefLink>
                  <Typography variant="body2" component="span">
                    {formatAmount(entity.total, currency)}
                  </Typography>
                </Box>
              </ListItem>
            ))}
          </List>
        </Box>
      )}
    </>
  );
}
