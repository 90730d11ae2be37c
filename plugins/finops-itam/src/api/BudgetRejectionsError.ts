import { ResponseError } from '@backstage/errors';
import { BudgetRejection } from '@finops-itam/plugin-finops-itam-common';

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
  response: Parameters<typeof ResponseError.fromResponse>[0] &
    Pick<Response, 'clone' | 'status'>,
): Promise<Error> {
  // Read the body once for the rejections, and let ResponseError read a copy for the rest.
  const copy = response.clone();
  const error = await ResponseError.fromResponse(response);
  if (response.status !== 400) {
    return error;
  }
  const body = (await copy.json().catch(() => undefined)) as
    | { error?: { message?: unknown }; rejections?: unknown }
    | undefined;
  const rejections = Array.isArray(body?.rejections)
    ? body.rejections.filter(isRejection)
    : [];
  const message =
    typeof body?.error?.message === 'string'
      ? body.error.message
      : error.message;
  return new BudgetRejectionsError(message, error, rejections);
}
