import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { HealthResponse } from '@finops-itam/plugin-finops-itam-common';
import { FinopsItamApi } from '../api';

/** A catalog entity for tests, with the given kind and annotations. */
export function makeEntity(options: {
  name?: string;
  kind?: string;
  annotations?: Record<string, string>;
}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: options.kind ?? 'Component',
    metadata: {
      name: options.name ?? 'checkout',
      annotations: options.annotations ?? {},
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

export const healthyBackend: HealthResponse = {
  status: 'ok',
  version: '0.1.0',
  database: 'sqlite',
};

/** A FinopsItamApi whose health check answers with the given promise. */
export function mockFinopsItamApi(
  health: () => Promise<HealthResponse> = async () => healthyBackend,
): jest.Mocked<FinopsItamApi> {
  return { getHealth: jest.fn(health) };
}

/** The error the client throws when the backend answers 503. */
export async function unreachableBackendError(): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'ServiceUnavailableError', message: 'backend is down' },
        request: { method: 'GET', url: '/api/finops-itam/health' },
        response: { statusCode: 503 },
      }),
      {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}
