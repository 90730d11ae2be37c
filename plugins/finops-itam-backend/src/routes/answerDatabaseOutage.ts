import { ServiceUnavailableError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';
import { isDatabaseUnavailable } from '../database/databaseUnavailable';

/**
 * Turns "the database is not reachable" into a 503 that says so, instead of a 500 that
 * reads like a bug. Other errors pass on to Backstage's error handler unchanged.
 */
export function answerDatabaseOutage(): ErrorRequestHandler {
  return (error, _req, _res, next) => {
    if (!isDatabaseUnavailable(error)) {
      next(error);
      return;
    }
    const reason = error instanceof Error ? error.message : String(error);
    next(
      new ServiceUnavailableError(
        `The finops-itam database is not reachable right now (${reason}); nothing was ` +
          'changed. Try again when it is back: the backend reconnects by itself.',
      ),
    );
  };
}
