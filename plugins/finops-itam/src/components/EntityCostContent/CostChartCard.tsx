import { InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Typography from '@material-ui/core/Typography';
import { useSearchParams } from 'react-router-dom';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { EntityCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { AnomalyDialog } from '../AnomalyDetails';
import { CategoryChart } from './CategoryChart';
import { PartsChart } from './PartsChart';
import { useChartExtras } from './useChartExtras';

type ChartView = 'parts' | 'categories';

const VIEWS: Array<{ view: ChartView; label: string }> = [
  { view: 'parts', label: 'By part' },
  { view: 'categories', label: 'By service category' },
];

/**
 * The cost chart with its view switch: over time stacked by part (with the forecast and
 * anomaly markers), or per service category. The view is kept in the query string
 * (`?chart=categories`) like the period.
 */
export function CostChartCard(props: {
  entityRef: CompoundEntityRef;
  cost: EntityCostResponse;
  currency: string;
}) {
  const { entityRef, cost, currency } = props;
  const extras = useChartExtras(entityRef, cost);
  const [params, setParams] = useSearchParams();
  const view: ChartView =
    params.get('chart') === 'categories' ? 'categories' : 'parts';
  const choose = (next: ChartView) =>
    setParams(current => {
      const updated = new URLSearchParams(current);
      if (next === 'parts') {
        updated.delete('chart');
      } else {
        updated.set('chart', next);
      }
      return updated;
    });

  return (
    <InfoCard
      title={
        view === 'parts' ? 'Cost over time' : 'Cloud cost by service category'
      }
      subheader={
        view === 'parts'
          ? `${
              cost.granularity === 'month' ? 'Monthly' : 'Daily'
            } cost stacked by part${
              extras.forecastDays.length > 0
                ? ', then the forecast with its band'
                : ''
            }`
          : 'Direct cloud cost over the whole period; shared and license cost have no service category'
      }
      action={
        <ButtonGroup size="small" role="group" aria-label="Chart view">
          {VIEWS.map(option => (
            <Button
              key={option.view}
              aria-pressed={view === option.view}
              variant={view === option.view ? 'contained' : 'outlined'}
              color={view === option.view ? 'primary' : 'default'}
              onClick={() => choose(option.view)}
            >
              {option.label}
            </Button>
          ))}
        </ButtonGroup>
      }
    >
      {view === 'parts' ? (
        <>
          <PartsChart
            cost={cost}
            currency={currency}
            forecastDays={extras.forecastDays}
            anomalies={extras.anomalies}
            onOpenAnomaly={extras.openAnomaly}
          />
          {extras.status && (
            <Typography variant="caption" color="textSecondary" role="status">
              {extras.status}
            </Typography>
          )}
          <AnomalyDialog
            anomaly={extras.open}
            onClose={extras.closeAnomaly}
            onChanged={extras.replaceAnomaly}
          />
        </>
      ) : (
        <>
          {cost.byService.length === 0 && (
            <Typography variant="body2" color="textSecondary">
              No service breakdown for this period.
            </Typography>
          )}
          <CategoryChart cost={cost} currency={currency} />
        </>
      )}
    </InfoCard>
  );
}
