/**
 * A source location that currently holds no cost files: a path that does not exist, a
 * directory without exports, a glob or URL that matches nothing. Recorded as the source's
 * failed run rather than thrown out of the scheduler, so the status page says what is wrong.
 */
export class LocationNotFoundError extends Error {
  readonly name = 'LocationNotFoundError';
}
