import { ResponseError } from '@backstage/errors';
import { OnboardingProblem } from '@finops-itam/plugin-finops-itam-common';

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
  response: Parameters<typeof ResponseError.fromResponse>[0] &
    Pick<Response, 'clone' | 'status'>,
): Promise<Error> {
  // Read the body once for the problems, and let ResponseError read a copy for the rest.
  const copy = response.clone();
  const error = await ResponseError.fromResponse(response);
  if (response.status !== 400) {
    return error;
  }
  const body = (await copy.json().catch(() => undefined)) as
    | { error?: { message?: unknown }; problems?: unknown }
    | undefined;
  const problems = Array.isArray(body?.problems)
    ? body.problems.filter(isProblem)
    : [];
  const message =
    typeof body?.error?.message === 'string'
      ? body.error.message
      : error.message;
  return new OnboardingProblemsError(message, error, problems);
}
