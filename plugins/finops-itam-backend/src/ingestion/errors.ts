/**
 * A file that cannot be ingested because of what is in it (format, columns, too many bad
 * rows). The message is shown to the user as is, so it says what is wrong and where.
 */
export class FileRejectedError extends Error {
  readonly name = 'FileRejectedError';
}
