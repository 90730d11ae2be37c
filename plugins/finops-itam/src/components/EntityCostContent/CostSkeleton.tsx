import { InfoCard, Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { CostPeriodSelection } from '../../hooks/useCostPeriodSelection';
import { formatPeriod } from '../../lib';
import { CHART_HEIGHT } from './chartTheme';

/**
 * The tab's layout with room reserved for each card while the cost loads, so the cards
 * fill in where they will stay instead of pushing each other down.
 */
export function CostSkeleton(props: {
  entityName: string;
  selection: CostPeriodSelection;
}) {
  const { entityName, selection } = props;
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={7}>
        <InfoCard
          title="All-in cost"
          subheader={formatPeriod(selection.from, selection.to)}
          variant="gridItem"
        >
          <Box minHeight={220}>
            <Progress aria-label={`Loading the cost of ${entityName}`} />
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard
          title="Unit cost"
          subheader="All-in cost ÷ business metric"
          variant="gridItem"
        >
          <Box minHeight={220} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Cost over time"
          subheader={`${
            selection.granularity === 'month' ? 'Monthly' : 'Daily'
          } cost stacked by part`}
        >
          <Box height={CHART_HEIGHT} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
