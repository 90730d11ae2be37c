/*
 * The demo portal's backend: the core Backstage plugins the finops-itam suite relies on
 * (auth with guest sign-in, catalog, permissions, notifications, the app server) plus the
 * suite itself. Signals, search, scaffolder, TechDocs and Kubernetes are left out on purpose:
 * the suite does not use them, and whatever ships here must start cleanly.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@finops-itam/plugin-catalog-backend-module-finops-itam'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-notifications-backend'));

backend.add(import('@finops-itam/plugin-finops-itam-backend'));

backend.start();
