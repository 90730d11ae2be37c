import { ErrorRequestHandler } from 'express';
import { spec } from './openapi/generated';
import { RequestValidationError } from './requestErrors';

/** Operations whose 400 answer lists `problems` by field, found in the spec by that body. */
function operationsWithProblems(): Array<{ method: string; path: RegExp }> {
  const found = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const ref = (
        operation as {
          responses?: Record<
            string,
            { content?: Record<string, { schema?: { $ref?: string } }> }
          >;
        }
      ).responses?.['400']?.content?.['application/json']?.schema?.$ref;
      if (ref?.endsWith('ProblemsErrorBody')) {
        const path = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
        found.push({ method: method.toUpperCase(), path });
      }
    }
  }
  return found;
}

/**
 * Answers the validator's 400s on operations that list `problems` (the onboarding routes)
 * the way those routes answer their own: the usual error body plus every problem by field,
 * so a form can show a missing field next to the field whichever check found it.
 */
export function answerValidationProblems(): ErrorRequestHandler {
  const operations = operationsWithProblems();
  return (error, req, res, next) => {
    const listsProblems = operations.some(
      op => op.method === req.method && op.path.test(req.path),
    );
    if (!(error instanceof RequestValidationError) || !listsProblems) {
      next(error);
      return;
    }
    res.status(400).json({
      error: { name: 'InputError', message: error.message },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: 400 },
      problems: error.problems,
    });
  };
}
