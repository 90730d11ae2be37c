/**
 * Whether an error means the database cannot be reached right now (stopped, restarting,
 * network gone) rather than that a query is wrong. Such errors answer 503 with a message
 * saying so, and clear by themselves when the database returns.
 */

/** Node's socket errors on a connection that cannot be made or was cut. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/**
 * PostgreSQL SQLSTATEs of a server going away: class 08 (connection exception), and
 * admin_shutdown, crash_shutdown and cannot_connect_now from class 57.
 */
const POSTGRES_STATES = /^(08...|57P01|57P02|57P03)$/;

/** What knex and node-postgres say when the pool cannot hand out a working connection. */
const MESSAGES = [
  /Timeout acquiring a connection/i,
  /Connection terminated/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  // A database closed to connections (ALTER DATABASE … ALLOW_CONNECTIONS false).
  /is not currently accepting connections/i,
  /terminating connection due to administrator command/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (SOCKET_CODES.has(code) || POSTGRES_STATES.test(code)) return true;
    }
    if (typeof message === 'string' && MESSAGES.some(m => m.test(message))) {
      return true;
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
