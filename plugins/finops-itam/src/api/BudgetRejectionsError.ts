import { ResponseError } from '@backstage/errors';
import { BudgetRejection } from '@finops-itam/plugin-finops-itam-common';
import { readRefusal, WriteResponse } from './refusedWrite';

/**
 * A 400 of `PUT /budgets`: the batch was refused as a whole, and `rejections` names each
 * record (by index and id), its field and the reason, so a form can show them all at once.
 *
 * @public
 */
export class BudgetRejectionsError extends Error {
  readonly name = 'BudgetRejectionsError';

  /** Every problem the backend found, e.g. `{ index: 0, id: 'q1', field: 'amount', … }`. */
  readonly rejections: BudgetRejection[];

  /** The backend's answer, for its status and message. */
  readonly cause: ResponseError;

  constructor(
    message: string,
    cause: ResponseError,
    rejections: BudgetRejection[],
  ) {
    super(message);
    this.cause = cause;
    this.rejections = rejections;
  }
}

function isRejection(value: unknown): value is BudgetRejection {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BudgetRejection).index === 'number' &&
    typeof (value as BudgetRejection).field === 'string' &&
    typeof (value as BudgetRejection).reason === 'string'
  );
}

/**
 * The error of a failed budget write: a {@link BudgetRejectionsError} for a 400, whose
 * `rejections` the generic `ResponseError` would drop (it keeps only `error`), else the
 * `ResponseError`.
 */
export async function budgetWriteError(
  response: WriteResponse,
): Promise<Error> {
  const { cause, refusal } = await readRefusal(
    response,
    'rejections',
    isRejection,
  );
  return refusal
    ? new BudgetRejectionsError(refusal.message, cause, refusal.items)
    : cause;
}
