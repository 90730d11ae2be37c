import { useSearchParams } from 'react-router-dom';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  Anomaly,
  EntityCostResponse,
} from '@finops-itam/plugin-finops-itam-common';
import { useAnomalies } from '../../hooks/useAnomalies';
import { useEntityForecast } from '../../hooks/useEntityForecast';
import { forecastDaysToShow } from './forecastChartData';

/**
 * What the over-time chart draws besides the cost: the forecast days and the entity's
 * anomalies in the period, the anomaly whose details are open (kept in the query), and a
 * sentence on what could not be loaded. Either failing leaves the cost chart as it is.
 */
export function useChartExtras(
  entityRef: CompoundEntityRef,
  cost: EntityCostResponse,
) {
  const forecast = useEntityForecast(entityRef);
  const anomalies = useAnomalies({
    entityRef: stringifyEntityRef(entityRef),
    from: cost.from,
    to: cost.to,
  });
  // The open anomaly is in the query (`?anomaly=<id>`), which is how an owner's
  // notification links to it; closing it takes it out again.
  const [params, setParams] = useSearchParams();
  const openId = params.get('anomaly') ?? undefined;
  const setOpenId = (id: string | undefined) =>
    setParams(current => {
      const updated = new URLSearchParams(current);
      if (id) {
        updated.set('anomaly', id);
      } else {
        updated.delete('anomaly');
      }
      return updated;
    });

  const problems = [
    forecast.error && `the forecast (${forecast.error.message})`,
    anomalies.error && `the anomalies (${anomalies.error.message})`,
  ].filter(Boolean);
  let status: string | undefined;
  if (forecast.loading || anomalies.loading) {
    status = 'Loading the forecast and anomalies…';
  } else if (problems.length > 0) {
    status = `Could not load ${problems.join(' and ')}.`;
  }

  return {
    forecastDays: forecastDaysToShow(cost, forecast.value),
    anomalies: anomalies.items ?? [],
    status,
    open: anomalies.items?.find(anomaly => anomaly.id === openId),
    openAnomaly: (anomaly: Anomaly) => setOpenId(anomaly.id),
    closeAnomaly: () => setOpenId(undefined),
    replaceAnomaly: anomalies.replace,
  };
}
