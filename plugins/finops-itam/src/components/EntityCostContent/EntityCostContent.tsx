import {
  EmptyState,
  InfoCard,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  CompoundEntityRef,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import {
  CostPeriodSelection,
  useCostPeriodSelection,
} from '../../hooks/useCostPeriodSelection';
import { useEntityCost } from '../../hooks/useEntityCost';
import { useUnitCost } from '../../hooks/useUnitCost';
import {
  formatPeriod,
  getCostMappings,
  isZeroAmount,
  previousPeriod,
} from '../../lib';
import { AccessDenied, isForbiddenError } from '../AccessDenied';
import { BudgetStatusCard } from '../BudgetStatus';
import { ContentHeading } from '../ContentHeading';
import { AllocationNotice } from './AllocationNotice';
import { CostBreakdownCard } from './CostBreakdownCard';
import { CostChartCard } from './CostChartCard';
import { CostHeadline } from './CostHeadline';
import { CostMappingHint } from './CostMappingHint';
import { CostSkeleton } from './CostSkeleton';
import { CostToolbar } from './CostToolbar';
import { UnitCostCard } from './UnitCostCard';

/** Keeps the tab about as tall in every state, so the page does not jump when data arrives. */
const MIN_HEIGHT = 360;

/**
 * The Cost tab of an entity page: the all-in cost of the selected period against the
 * previous one, its parts, unit cost, chart and breakdown; or what to do when no cost maps
 * to the entity. The period lives in the query string, so reloads and shared links keep it.
 */
export function EntityCostContent() {
  const { entity } = useEntity();
  const [selection, changeSelection] = useCostPeriodSelection();
  return (
    <>
      <ContentHeading
        title="Cost"
        description="All-in cost of this entity: cloud spend, licenses and its share of shared costs."
      />
      <CostToolbar selection={selection} onChange={changeSelection} />
      <Box minHeight={MIN_HEIGHT}>
        <EntityCostBody
          entityRef={getCompoundEntityRef(entity)}
          selection={selection}
        />
      </Box>
    </>
  );
}

function EntityCostBody(props: {
  entityRef: CompoundEntityRef;
  selection: CostPeriodSelection;
}) {
  const { entityRef, selection } = props;
  const { from, to, granularity } = selection;
  const current = useEntityCost(entityRef, { from, to, granularity });
  // Only the total is compared, so months keep the answer small.
  const before = previousPeriod({ from, to });
  const previous = useEntityCost(entityRef, {
    ...before,
    granularity: 'month',
  });
  // Asked for at once, not once the cost has arrived, so the tab fills in one round trip.
  const unitCost = useUnitCost(entityRef, { from, to, granularity });
  const name = entityRef.name;

  // Reserved in every state with figures, so the bar appearing on a period change moves nothing.
  const refreshBar = (
    <Box height={4} mb={1}>
      {current.loading && current.value && (
        <LinearProgress aria-label={`Loading the cost of ${name}`} />
      )}
    </Box>
  );
  if (current.loading && !current.value) {
    return (
      <>
        {refreshBar}
        <CostSkeleton entityName={name} selection={selection} />
      </>
    );
  }
  if (current.error && isForbiddenError(current.error)) {
    return (
      <AccessDenied
        what="cost data for this entity"
        entityRef={stringifyEntityRef(entityRef)}
        askWhom="its owner or your FinOps team"
      />
    );
  }
  if (current.error || !current.value) {
    const cause =
      current.error ?? new Error('The backend answered with no cost');
    return (
      <ResponseErrorPanel
        title={`Could not load the cost of ${name}: ${cause.message}`}
        error={cause}
      />
    );
  }
  return (
    <>
      {refreshBar}
      <EntityCostView
        entityRef={entityRef}
        cost={current.value}
        selection={selection}
        previous={{ ...previous, ...before }}
        unitCost={unitCost}
      />
    </>
  );
}

function EntityCostView(props: {
  entityRef: CompoundEntityRef;
  cost: EntityCostResponse;
  selection: CostPeriodSelection;
  previous: Parameters<typeof CostHeadline>[0]['previous'];
  unitCost: Parameters<typeof UnitCostCard>[0]['unitCost'];
}) {
  const { entityRef, cost, selection, previous, unitCost } = props;
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
              ? 'Cost rows map to this entity, but none of them fall in this period. Try a longer period.'
              : `Cost rows from FOCUS exports are ingested, but none of them map to this entity (${period}). Add or correct a cost annotation so its resources are allocated to it.`
          }
          action={hint}
        />
      </>
    );
  }

  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={7}>
        <CostHeadline
          cost={cost}
          currency={cost.currency}
          previous={previous}
        />
      </Grid>
      <Grid item xs={12} md={5}>
        <UnitCostCard
          entityRef={entityRef}
          to={selection.to}
          unitCost={unitCost}
        />
      </Grid>
      <Grid item xs={12}>
        <BudgetStatusCard entityRef={entityRef} />
      </Grid>
      <Grid item xs={12}>
        <CostChartCard
          entityRef={entityRef}
          cost={cost}
          currency={cost.currency}
        />
      </Grid>
      <Grid item xs={12}>
        <CostBreakdownCard
          cost={cost}
          currency={cost.currency}
          entityName={name}
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="How costs reach this entity">{hint}</InfoCard>
      </Grid>
    </Grid>
  );
}
