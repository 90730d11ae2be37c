import { CostSourceStatus } from '@finops-itam/plugin-finops-itam-common';

/**
 * The source whose data ends earliest. With several sources, figures are only complete up
 * to the day every one of them has reached, so that is the honest "data through".
 */
export function stalestSource(
  sources: CostSourceStatus[],
): (CostSourceStatus & { dataThrough: string }) | undefined {
  return sources
    .filter((s): s is CostSourceStatus & { dataThrough: string } =>
      Boolean(s.dataThrough),
    )
    .sort(
      (a, b) =>
        a.dataThrough.localeCompare(b.dataThrough) || a.id.localeCompare(b.id),
    )[0];
}
