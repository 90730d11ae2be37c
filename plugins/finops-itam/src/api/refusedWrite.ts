import { ResponseError } from '@backstage/errors';

/** What a client's failed write reads of the answer. */
export type WriteResponse = Parameters<typeof ResponseError.fromResponse>[0] &
  Pick<Response, 'clone' | 'status'>;

/**
 * Reads a failed write's answer. Always gives the generic `ResponseError`; for a 400 also
 * the backend's message and the list under `key` (`problems`, `rejections`), which the
 * generic error drops because it keeps only `error`. Items that do not pass `isItem` are
 * left out rather than shown half-formed.
 */
export async function readRefusal<T>(
  response: WriteResponse,
  key: string,
  isItem: (value: unknown) => value is T,
): Promise<{
  cause: ResponseError;
  refusal?: { message: string; items: T[] };
}> {
  // Read the body once for the list, and let ResponseError read a copy for the rest.
  const copy = response.clone();
  const cause = await ResponseError.fromResponse(response);
  if (response.status !== 400) {
    return { cause };
  }
  const body = (await copy.json().catch(() => undefined)) as
    | ({ error?: { message?: unknown } } & Record<string, unknown>)
    | undefined;
  const list = body?.[key];
  const items = Array.isArray(list) ? list.filter(isItem) : [];
  const message =
    typeof body?.error?.message === 'string'
      ? body.error.message
      : cause.message;
  return { cause, refusal: { message, items } };
}
