import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import { RouteRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
// Only tests import this folder, but the lint rule counts only `__testUtils__` folders and
// test files as test code, so it would ask for test-utils as a runtime dependency.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { FinopsItamApi, finopsItamApiRef } from '../api';

/**
 * Renders `element` in a test app with `api` as the FinOps-ITAM API and, when given, inside
 * `entity`'s page. The catalog's entity route is mounted so that entity links render.
 */
export async function renderWithFinopsApi(
  element: ReactElement,
  api: FinopsItamApi,
  options: {
    entity?: Entity;
    routeEntries?: string[];
    /** More routes to mount, e.g. the ITAM page for links to it. */
    mountedRoutes?: Record<string, RouteRef>;
  } = {},
): Promise<void> {
  await renderInTestApp(
    <TestApiProvider apis={[[finopsItamApiRef, api]]}>
      {options.entity ? (
        <EntityProvider entity={options.entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...options.mountedRoutes,
      },
    },
  );
}
