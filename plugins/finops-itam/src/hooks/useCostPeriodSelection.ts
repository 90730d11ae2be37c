import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CostGranularity } from '@finops-itam/plugin-finops-itam-common';
import {
  COST_PERIOD_PRESETS,
  CostPeriod,
  CostPeriodPreset,
  defaultGranularity,
  invalidPeriodReason,
  presetPeriod,
  todayUtc,
} from '../lib';

/** What the Cost tab shows, as kept in the page's query string. */
export interface CostPeriodSelection extends CostPeriod {
  /** A relative preset, or `custom` for fixed days. */
  preset: CostPeriodPreset | 'custom';
  granularity: CostGranularity;
}

/** The changes a user can make; anything left out stays as it is. */
export type CostPeriodChange =
  | { preset: CostPeriodPreset }
  | { preset: 'custom'; from: string; to: string }
  | { granularity: CostGranularity };

const PRESETS = new Set<string>(COST_PERIOD_PRESETS.map(p => p.preset));

/**
 * Reads the selection from the query string (`?period=90d`, or `?from=…&to=…` for fixed
 * days, plus `&granularity=month`), so a reload or a shared link shows the same figures.
 * `from`/`to` are half-open like the API. Anything unreadable falls back to the last 30 days.
 */
export function readCostPeriodSelection(
  params: URLSearchParams,
  today: string,
): CostPeriodSelection {
  const from = params.get('from');
  const to = params.get('to');
  const periodParam = params.get('period') ?? '';
  let preset: CostPeriodSelection['preset'] = PRESETS.has(periodParam)
    ? (periodParam as CostPeriodPreset)
    : '30d';
  let period = presetPeriod(preset as CostPeriodPreset, today);
  if (
    !PRESETS.has(periodParam) &&
    from &&
    to &&
    !invalidPeriodReason({ from, to })
  ) {
    preset = 'custom';
    period = { from, to };
  }
  const granularity = params.get('granularity');
  return {
    preset,
    ...period,
    granularity:
      granularity === 'day' || granularity === 'month'
        ? granularity
        : defaultGranularity(period),
  };
}

/** The selection of the Cost tab, kept in the URL, and how to change it. */
export function useCostPeriodSelection(): [
  CostPeriodSelection,
  (change: CostPeriodChange) => void,
] {
  const [params, setParams] = useSearchParams();
  const today = todayUtc();
  const selection = useMemo(
    () => readCostPeriodSelection(params, today),
    [params, today],
  );

  const change = useCallback(
    (update: CostPeriodChange) => {
      setParams(
        current => {
          // Other parameters on the page (from other plugins) are left alone.
          const next = new URLSearchParams(current);
          if ('preset' in update) {
            next.delete('period');
            next.delete('from');
            next.delete('to');
            if (update.preset === 'custom') {
              next.set('from', update.from);
              next.set('to', update.to);
            } else {
              next.set('period', update.preset);
            }
            // A new period brings its own sensible granularity (days for 30 days, months for
            // 12 months) unless the user picks one again.
            next.delete('granularity');
          } else {
            next.set('granularity', update.granularity);
          }
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );

  return [selection, change];
}
