import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { BudgetStatusCard } from '../BudgetStatus';

/**
 * The budget card of a Group page overview: the team's actual, forecast, budget and status
 * this period, and what its services' budgets leave unbudgeted.
 */
export function EntityGroupBudgetCard() {
  const { entity } = useEntity();
  return <BudgetStatusCard entityRef={getCompoundEntityRef(entity)} />;
}
