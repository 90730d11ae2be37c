import { useRef } from 'react';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { TeamCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { finopsItamApiRef } from '../../api';
import { CostPeriodPreset, presetPeriod, todayUtc } from '../../lib';

/** What {@link useTeamCost} returns. */
export interface TeamCostState {
  loading: boolean;
  error?: Error;
  /**
   * The team's cost. While another period loads, the previous period's answer stays here
   * (with `loading` true), so the page does not collapse to a spinner and jump back.
   */
  value?: TeamCostResponse;
}

/** Loads a group's cost for one of the preset periods, which end yesterday (UTC). */
export function useTeamCost(
  groupRef: CompoundEntityRef,
  period: CostPeriodPreset,
): TeamCostState {
  const api = useApi(finopsItamApiRef);
  const { kind, namespace, name } = groupRef;
  const state = useAsync(
    () =>
      api.getTeamCost(
        { kind, namespace, name },
        presetPeriod(period, todayUtc()),
      ),
    [api, kind, namespace, name, period],
  );

  const groupKey = `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
  const last = useRef<{ groupKey: string; value: TeamCostResponse }>();
  if (state.value) {
    last.current = { groupKey, value: state.value };
  }
  const stale =
    state.loading && last.current?.groupKey === groupKey
      ? last.current.value
      : undefined;

  return {
    loading: state.loading,
    error: state.error,
    value: state.value ?? stale,
  };
}
