import { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { FinopsItamApi } from '../../../api';
import {
  costByPeriod,
  makeNoMetricUnitCost,
  makeSource,
} from '../../../testUtils/costFixtures';
import { makeForecast, makeNoBudget } from '../../../testUtils/budgetFixtures';
import {
  healthyBackend,
  makeEntity,
  mockFinopsItamApi,
} from '../../../testUtils/fixtures';
import { renderWithFinopsApi } from '../../../testUtils/renderWithFinopsApi';
import { EntityCostContent } from '../EntityCostContent';

/** Shows the query string, so tests can check what a reload or shared link would keep. */
function QueryString() {
  return <div data-testid="query-string">{useLocation().search}</div>;
}

/** The query string the page currently has. */
export function currentQueryString(): string {
  return screen.getByTestId('query-string').textContent ?? '';
}

/**
 * Renders the Cost tab for `entity` with a mocked API: by default a mapped cost, an entity
 * without a unit metric, one source with data through 2026-11-25, no budget, a forecast
 * after 2026-11-25 and no anomalies.
 */
export async function renderCostTab(
  options: {
    entity?: Entity;
    url?: string;
    api?: Partial<
      Pick<
        FinopsItamApi,
        | 'getEntityCost'
        | 'getUnitCost'
        | 'getCostSources'
        | 'getEntityBudget'
        | 'getEntityForecast'
        | 'listAnomalies'
        | 'setAnomalyStatus'
      >
    >;
  } = {},
) {
  const api = mockFinopsItamApi(
    async () => healthyBackend,
    options.api?.getEntityCost ?? costByPeriod(),
  );
  api.getUnitCost.mockImplementation(
    options.api?.getUnitCost ?? (async () => makeNoMetricUnitCost()),
  );
  api.getCostSources.mockImplementation(
    options.api?.getCostSources ??
      (async () => [makeSource('aws-focus', '2026-11-25')]),
  );
  api.getEntityBudget.mockImplementation(
    options.api?.getEntityBudget ?? (async () => makeNoBudget()),
  );
  api.getEntityForecast.mockImplementation(
    options.api?.getEntityForecast ?? (async () => makeForecast()),
  );
  api.listAnomalies.mockImplementation(
    options.api?.listAnomalies ?? (async () => ({ items: [] })),
  );
  if (options.api?.setAnomalyStatus) {
    api.setAnomalyStatus.mockImplementation(options.api.setAnomalyStatus);
  }
  await renderWithFinopsApi(
    <>
      <EntityCostContent />
      <QueryString />
    </>,
    api,
    {
      entity: options.entity ?? makeEntity({}),
      routeEntries: [options.url ?? '/'],
    },
  );
  return api;
}
