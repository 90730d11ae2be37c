import { Decimal } from 'decimal.js';
import { TeamCostEntity } from '@finops-itam/plugin-finops-itam-common';
import { SortDirection } from '../SortableHeaderCell';

/** What a team's services can be ranked by. */
export type RankBy = 'cost' | 'change';

function amountOf(entity: TeamCostEntity, by: RankBy): string {
  return by === 'cost' ? entity.total : entity.change;
}

/**
 * A team's entities ordered by cost or by change in cost, compared exactly; ties are broken
 * by name so the order is stable between loads.
 */
export function rankEntities(
  entities: TeamCostEntity[],
  by: RankBy,
  direction: SortDirection = 'desc',
): TeamCostEntity[] {
  const sign = direction === 'desc' ? -1 : 1;
  return [...entities].sort(
    (a, b) =>
      sign * new Decimal(amountOf(a, by)).comparedTo(amountOf(b, by)) ||
      a.name.localeCompare(b.name),
  );
}
