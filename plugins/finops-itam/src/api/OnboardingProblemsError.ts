import { ResponseError } from '@backstage/errors';
import { OnboardingProblem } from '@finops-itam/plugin-finops-itam-common';
import { readRefusal, WriteResponse } from './refusedWrite';

/**
 * A 400 of the onboarding routes: the request or decision was refused, and `problems` says
 * which field was wrong and why, so a form can show each reason next to its field.
 *
 * @public
 */
export class OnboardingProblemsError extends Error {
  readonly name = 'OnboardingProblemsError';

  /** Every problem the backend found, by field (`deployments[0].region`, `exception`…). */
  readonly problems: OnboardingProblem[];

  /** The backend's answer, for its status and message. */
  readonly cause: ResponseError;

  constructor(
    message: string,
    cause: ResponseError,
    problems: OnboardingProblem[],
  ) {
    super(message);
    this.cause = cause;
    this.problems = problems;
  }
}

function isProblem(value: unknown): value is OnboardingProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as OnboardingProblem).field === 'string' &&
    typeof (value as OnboardingProblem).reason === 'string'
  );
}

/**
 * The error of a failed onboarding write: an {@link OnboardingProblemsError} for a 400, whose
 * `problems` the generic `ResponseError` would drop (it keeps only `error`), else the
 * `ResponseError`.
 */
export async function onboardingWriteError(
  response: WriteResponse,
): Promise<Error> {
  const { cause, refusal } = await readRefusal(response, 'problems', isProblem);
  return refusal
    ? new OnboardingProblemsError(refusal.message, cause, refusal.items)
    : cause;
}
