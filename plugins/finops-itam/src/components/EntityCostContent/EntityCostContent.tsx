import { EmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { getCostMappings } from '../../lib';
import { BackendHealthGate } from '../BackendHealthGate';
import { ContentHeading } from '../ContentHeading';
import { CostMappingHint } from './CostMappingHint';

/**
 * The Cost tab of an entity page. Until cost ingestion exists it says so, and shows how costs
 * will be mapped to the entity.
 */
export function EntityCostContent() {
  const { entity } = useEntity();
  const name = entity.metadata.name;

  return (
    <>
      <ContentHeading
        title="Cost"
        description="All-in cost of this entity: cloud spend, licenses and its share of shared costs."
      />
      <BackendHealthGate>
        {health => (
          <EmptyState
            missing="data"
            title={`No cost data for ${name} yet`}
            description="Cost rows from FOCUS exports are ingested, but mapping them to catalog entities is not served to this page yet, so there is no cost to show here."
            action={
              <>
                <CostMappingHint
                  entityName={name}
                  mappings={getCostMappings(entity)}
                />
                <Typography variant="caption" color="textSecondary">
                  finops-itam backend {health.version} is connected.
                </Typography>
              </>
            }
          />
        )}
      </BackendHealthGate>
    </>
  );
}
