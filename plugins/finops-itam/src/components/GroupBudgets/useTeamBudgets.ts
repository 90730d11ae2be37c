import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { teamBudgets } from './teamBudgets';

/**
 * Loads every budget of the current period and the entities the team owns (from the
 * catalog), and keeps the team's and its entities' budgets.
 */
export function useTeamBudgets(teamRef: string) {
  const api = useApi(finopsItamApiRef);
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const [budgets, owned] = await Promise.all([
      api.listBudgets(),
      catalogApi.getEntities({
        filter: { 'relations.ownedBy': teamRef },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      }),
    ]);
    return teamBudgets(
      budgets.items,
      teamRef,
      owned.items.map(entity => stringifyEntityRef(entity)),
    );
  }, [api, catalogApi, teamRef]);
}
