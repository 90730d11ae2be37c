import { z } from 'zod';

export type AnomalyStatus = 'open' | 'acknowledged' | 'resolved';

/** Why an anomaly was closed (issue 16); AWS takes the same kind of feedback. */
export type AnomalyResolution = 'expected' | 'fixed' | 'false-positive';

/** Body of `POST /anomalies/:id/status`. */
export const anomalyStatusChangeSchema = z
  .object({
    status: z.enum(['open', 'acknowledged', 'resolved'], {
      errorMap: () => ({ message: 'must be open, acknowledged or resolved' }),
    }),
    resolution: z
      .enum(['expected', 'fixed', 'false-positive'], {
        errorMap: () => ({
          message: 'must be expected, fixed or false-positive',
        }),
      })
      .optional(),
    note: z
      .string({ invalid_type_error: 'must be text' })
      .trim()
      .max(2000, 'must be at most 2000 characters')
      .optional(),
  })
  .strict()
  .superRefine((change, context) => {
    if (change.status === 'resolved' && !change.resolution) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['resolution'],
        message: 'is required to resolve: expected, fixed or false-positive',
      });
    }
    if (change.status !== 'resolved' && change.resolution) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['resolution'],
        message: 'is only given when resolving',
      });
    }
  });

export type AnomalyStatusChange = z.output<typeof anomalyStatusChangeSchema>;

/**
 * Moves allowed from each status: forward through the workflow (acknowledging is optional),
 * and back to open from either, since an owner may close an anomaly too early. Every move is
 * kept by the caller for the retrospective, so reopening loses nothing.
 */
const ALLOWED: Record<AnomalyStatus, readonly AnomalyStatus[]> = {
  open: ['acknowledged', 'resolved'],
  acknowledged: ['resolved', 'open'],
  resolved: ['open'],
};

/** Why an anomaly in `current` cannot move to `next`, or undefined when it can. */
export function statusChangeProblem(
  current: AnomalyStatus,
  next: AnomalyStatus,
): string | undefined {
  if (ALLOWED[current].includes(next)) return undefined;
  if (current === next) return `the anomaly is already ${current}`;
  const article = current === 'resolved' ? 'a' : 'an';
  return `${article} ${current} anomaly can become ${ALLOWED[current].join(
    ' or ',
  )}, not ${next}`;
}
