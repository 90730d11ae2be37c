import { InputError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

/** Where the validator found a problem, as its messages name it. */
const PLACES: Record<string, string> = {
  query: 'query',
  params: 'path',
  body: 'body',
  headers: 'headers',
};

/**
 * Reasons worded for people, by the pattern the spec gives a parameter: the validator would
 * print the regular expression itself.
 */
const PATTERN_REASONS: Record<string, string> = {
  '^\\d{4}-(0[1-9]|1[0-2])$': 'must be a month like 2026-11',
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'must be lowercase kebab-case, like "aws-focus"',
};

function reasonOf(problem: string): string {
  const pattern = /^must match pattern "(.*)"$/.exec(problem);
  if (pattern) return PATTERN_REASONS[pattern[1]] ?? problem;
  if (problem === 'must match format "date"') return 'is not a valid date';
  return problem.replace(
    /^must be equal to one of the allowed values: /,
    'must be one of ',
  );
}

/** One problem of a request, by the field it is in (`deployments[0].count`) and the reason. */
export interface RequestProblem {
  field: string;
  reason: string;
}

/**
 * A 400 of the spec validator, worded for people, with each problem by field for the routes
 * whose 400s list them (`problems` in the onboarding routes' error body).
 */
export class RequestValidationError extends InputError {
  constructor(message: string, readonly problems: RequestProblem[]) {
    super(message);
  }
}

/** `deployments/0/products/1/productId` → `deployments[0].products[1].productId`. */
function fieldOf(pointer: string): string {
  return pointer
    .split('/')
    .map((part, i) => {
      if (/^\d+$/.test(part)) return `[${part}]`;
      return i === 0 ? part : `.${part}`;
    })
    .join('');
}

/**
 * One problem of the validator's message, `request/query/limit must be <= 500`, worded
 * `limit must be <= 500`; a missing property, `request/query must have required property
 * 'month'`, is `month is required`.
 */
function describe(problem: string): {
  place: string;
  text: string;
} & RequestProblem {
  const match = /^request\/(\w+)(?:\/(\S*))? (.*)$/s.exec(problem);
  if (!match) {
    return { place: 'request', text: problem, field: '', reason: problem };
  }
  const [, where, name, rest] = match;
  const place = PLACES[where] ?? where;
  const missing = /^must have required property '(.*)'$/.exec(rest);
  if (missing) {
    const field = name ? `${fieldOf(name)}.${missing[1]}` : missing[1];
    return {
      place,
      text: `${name ? `${name}.` : ''}${missing[1]} is required`,
      field,
      reason: 'is required',
    };
  }
  return {
    place,
    text: `${name ? name.replace(/\//g, '.') : place} ${reasonOf(rest)}`,
    field: name ? fieldOf(name) : place,
    reason: reasonOf(rest),
  };
}

/**
 * Words the spec validator's 400s like the routes' own: `Invalid query: limit must be <= 500;
 * granularity must be one of day, month`, every problem named by its parameter and reason.
 * Mounted right after the validator, so only its errors (and the body parser's) reach it.
 */
export const rewordRequestErrors: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  if (!(error instanceof InputError) || !/^request\/\w+/.test(error.message)) {
    next(error);
    return;
  }
  // The validator joins its problems with ", "; a reason may itself hold ", " (enum values).
  const problems = error.message.split(/, (?=request\/)/).map(describe);
  const byPlace = new Map<string, string[]>();
  for (const { place, text } of problems) {
    byPlace.set(place, [...(byPlace.get(place) ?? []), text]);
  }
  const message = [...byPlace]
    .map(([place, texts]) => `Invalid ${place}: ${texts.join('; ')}`)
    .join('. ');
  next(
    new RequestValidationError(
      message,
      problems.map(({ field, reason }) => ({ field, reason })),
    ),
  );
};
