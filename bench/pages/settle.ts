import { APIRequestContext, expect } from '@playwright/test';

/**
 * Waits until the demo data has settled, as the end-to-end tests do: every cost source has
 * finished a run, the entity's cost is allocated, non-zero and the same twice in a row, the
 * budgets are read and the FinOps KPIs have a currency. A fresh portal ingests and
 * allocates for a few minutes; measuring before that would time the backend's first runs.
 */
export async function settlePortal(
  request: APIRequestContext,
  base: string,
  entity: string,
) {
  const poll = { timeout: 15 * 60_000, intervals: [2_000, 5_000] };
  const get = async (path: string) => {
    try {
      const auth = await request.post(`${base}/api/auth/guest/refresh`, {
        data: {},
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      if (!auth.ok()) return `sign-in: HTTP ${auth.status()}`;
      const token = (await auth.json()).backstageIdentity.token;
      const response = await request.get(`${base}/api/finops-itam${path}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok()) return `${path}: HTTP ${response.status()}`;
      return response.json();
    } catch (error) {
      return `${path}: ${String((error as Error).message).split('\n')[0]}`;
    }
  };

  await expect
    .poll(async () => {
      const sources = await get('/sources');
      if (typeof sources === 'string') return sources;
      const waiting = (
        sources as Array<{
          id: string;
          lastRun: { status: string } | null;
          lastIngestion: { status: string } | null;
        }>
      )
        .filter(
          s =>
            !s.lastRun ||
            s.lastRun.status === 'running' ||
            !s.lastIngestion ||
            s.lastIngestion.status === 'running',
        )
        .map(s => s.id);
      return waiting.length ? `waiting for ${waiting.join(', ')}` : 'ingested';
    }, poll)
    .toBe('ingested');

  let previous = '';
  await expect
    .poll(async () => {
      const cost = await get(`/entities/component/default/${entity}/cost`);
      if (typeof cost === 'string') return cost;
      const stable = cost.total === previous;
      previous = cost.total;
      return `${cost.allocation.state}, ${
        /[1-9]/.test(cost.total) ? 'non-zero' : 'zero'
      }, ${stable ? 'stable' : 'changing'}`;
    }, poll)
    .toBe('current, non-zero, stable');

  await expect
    .poll(async () => {
      const budgets = await get('/budgets');
      if (typeof budgets === 'string') return budgets;
      return budgets.items.length > 0 ? 'budgets' : 'no budgets yet';
    }, poll)
    .toBe('budgets');
}

/**
 * A portal on a scale database: its data is there already, the catalog reads the generated
 * entities after start. Waits until the entity's page can show and its cost answers.
 */
export async function settleScale(
  request: APIRequestContext,
  base: string,
  entity: string,
) {
  await expect
    .poll(
      async () => {
        try {
          const auth = await request.post(`${base}/api/auth/guest/refresh`, {
            data: {},
            headers: { 'X-Requested-With': 'XMLHttpRequest' },
          });
          if (!auth.ok()) return `sign-in: HTTP ${auth.status()}`;
          const token = (await auth.json()).backstageIdentity.token;
          const headers = { Authorization: `Bearer ${token}` };
          const inCatalog = await request.get(
            `${base}/api/catalog/entities/by-name/component/default/${entity}`,
            { headers },
          );
          if (!inCatalog.ok()) return `catalog: HTTP ${inCatalog.status()}`;
          const cost = await request.get(
            `${base}/api/finops-itam/entities/component/default/${entity}/cost`,
            { headers },
          );
          if (!cost.ok()) return `cost: HTTP ${cost.status()}`;
          return (await cost.json()).currency ? 'ready' : 'no cost';
        } catch (error) {
          return String((error as Error).message).split('\n')[0];
        }
      },
      { timeout: 15 * 60_000, intervals: [2_000, 5_000] },
    )
    .toBe('ready');
}
