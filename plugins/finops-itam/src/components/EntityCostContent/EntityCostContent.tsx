import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { useEntityCost } from '../../hooks/useEntityCost';
import { getCostMappings, isZeroAmount } from '../../lib';
import { ContentHeading } from '../ContentHeading';
import { AllocationNotice } from './AllocationNotice';
import { CostByServiceTable } from './CostByServiceTable';
import { CostHeadline } from './CostHeadline';
import { CostMappingHint } from './CostMappingHint';
import { formatPeriod } from './period';

/** Keeps the tab about as tall in every state, so the page does not jump when data arrives. */
const MIN_HEIGHT = 360;

function isForbidden(error: Error): boolean {
  return (error as { statusCode?: unknown }).statusCode === 403;
}

/**
 * The Cost tab of an entity page: the all-in cost of the last 30 days with its parts and
 * services, or what to do when no cost maps to the entity.
 */
export function EntityCostContent() {
  return (
    <>
      <ContentHeading
        title="Cost"
        description="All-in cost of this entity: cloud spend, licenses and its share of shared costs."
      />
      <Box minHeight={MIN_HEIGHT}>
        <EntityCostBody />
      </Box>
    </>
  );
}

function EntityCostBody() {
  const { entity } = useEntity();
  const { loading, error, value } = useEntityCost(getCompoundEntityRef(entity));
  const name = entity.metadata.name;

  if (loading) {
    return <Progress aria-label={`Loading the cost of ${name}`} />;
  }
  if (error && isForbidden(error)) {
    return (
      <EmptyState
        missing="info"
        title="You don't have access to cost data for this entity"
        description={`Your permissions do not allow reading the cost of ${stringifyEntityRef(
          entity,
        )}. Ask its owner or your FinOps team for access.`}
      />
    );
  }
  if (error || !value) {
    const cause = error ?? new Error('The backend answered with no cost');
    return (
      <ResponseErrorPanel
        title={`Could not load the cost of ${name}: ${cause.message}`}
        error={cause}
      />
    );
  }
  return <EntityCostView cost={value} />;
}

function EntityCostView(props: { cost: EntityCostResponse }) {
  const { cost } = props;
  const { entity } = useEntity();
  const name = entity.metadata.name;
  const hint = (
    <CostMappingHint
      entityName={name}
      mappings={getCostMappings(entity)}
      mapped={cost.mapping.mapped}
      suggestion={cost.mapping.suggestion}
    />
  );

  if (!cost.currency || (!cost.mapping.mapped && isZeroAmount(cost.total))) {
    const period = formatPeriod(cost.from, cost.to);
    return (
      <>
        <AllocationNotice allocation={cost.allocation} />
        <EmptyState
          missing="data"
          title={
            cost.mapping.mapped
              ? `No cost for ${name} in ${period}`
              : `No cost data for ${name} yet`
          }
          description={
            cost.mapping.mapped
              ? 'Cost rows map to this entity, but none of them fall in this period.'
              : `Cost rows from FOCUS exports are ingested, but none of them map to this entity (${period}). Add or correct a cost annotation so its resources are allocated to it.`
          }
          action={hint}
        />
      </>
    );
  }

  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <CostHeadline cost={cost} currency={cost.currency} />
      </Grid>
      <Grid item xs={12} md={6}>
        <CostByServiceTable
          byService={cost.byService}
          currency={cost.currency}
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="How costs reach this entity">{hint}</InfoCard>
      </Grid>
    </Grid>
  );
}
