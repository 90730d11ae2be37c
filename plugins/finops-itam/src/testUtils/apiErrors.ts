import { ResponseError } from '@backstage/errors';

/** The `ResponseError` the API client throws for a backend error answer. */
async function apiError(options: {
  status: number;
  statusText: string;
  name: string;
  message: string;
  url: string;
}): Promise<ResponseError> {
  const { status, statusText, name, message, url } = options;
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'GET', url },
        response: { statusCode: status },
      }),
      {
        status,
        statusText,
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}

/** The error the client throws when the backend answers 403 with the given message. */
export function forbiddenError(
  message: string,
  url: string,
): Promise<ResponseError> {
  return apiError({
    status: 403,
    statusText: 'Forbidden',
    name: 'NotAllowedError',
    message,
    url,
  });
}

/** The error the client throws when the backend refuses to show the entity's cost. */
export function forbiddenCostError(): Promise<ResponseError> {
  return forbiddenError(
    "You don't have access to cost data for component:default/checkout",
    '/api/finops-itam/entities/component/default/checkout/cost',
  );
}

/** The error the client throws when the backend answers 503. */
export function unreachableBackendError(): Promise<ResponseError> {
  return apiError({
    status: 503,
    statusText: 'Service Unavailable',
    name: 'ServiceUnavailableError',
    message: 'backend is down',
    url: '/api/finops-itam/health',
  });
}
