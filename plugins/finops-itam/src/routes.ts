import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * Route of the Cost tab on an entity page. Created with the legacy API and converted with
 * `convertLegacyRouteRef` in `./alpha`, so both frontend systems share one ref.
 */
export const costRouteRef = createRouteRef({ id: 'finops-itam-cost' });

/** Route of the Licenses tab on an entity page, shared like {@link costRouteRef}. */
export const licensesRouteRef = createRouteRef({ id: 'finops-itam-licenses' });

/** Route of the team cost tab on a Group page, shared like {@link costRouteRef}. */
export const teamCostRouteRef = createRouteRef({ id: 'finops-itam-team-cost' });

/**
 * Route of the ITAM page (onboarding queue, license position, compliance risks, reharvest),
 * shared like {@link costRouteRef}. The page reads `?tab=`, `?request=<id>` (opens a request)
 * and `?new=1&entityRef=…` (opens the filing form) from its query.
 */
export const itamRouteRef = createRouteRef({ id: 'finops-itam-itam' });

/** Route of the Budgets tab on a Group page, shared like {@link costRouteRef}. */
export const groupBudgetsRouteRef = createRouteRef({
  id: 'finops-itam-group-budgets',
});

/**
 * Route of the Budgets page (every budget, and the anomalies), shared like
 * {@link costRouteRef}. The page reads `?tab=anomalies` and the anomaly filters
 * (`status`, `entityRef`, `period`) from its query.
 */
export const budgetsRouteRef = createRouteRef({ id: 'finops-itam-budgets' });

/**
 * Route of the FinOps page (KPIs, allocation, commitments, marketplace and SaaS, compliance,
 * chargeback, unit economics, glossary and accountability), shared like {@link costRouteRef}.
 * The page reads `?tab=` and `?period=` (`30d` or `YYYY-MM`) from its query; glossary terms
 * have anchors `#<term id>` on its glossary tab.
 */
export const finopsRouteRef = createRouteRef({ id: 'finops-itam-finops' });
