/*
 * The demo portal's backend: the core Backstage plugins the finops-itam suite relies on
 * (auth with guest sign-in, catalog, permissions with a small demo policy, notifications,
 * the scaffolder for the "Onboard a workload" template, the app server) plus the suite
 * itself. Signals, search, TechDocs and Kubernetes are left out on purpose: the suite does
 * not use them, and whatever ships here must start cleanly.
 */
import { createBackend } from '@backstage/backend-defaults';
import { demoPermissionPolicyModule } from './demoPermissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
// Template entities (kind Template) for the scaffolder.
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@finops-itam/plugin-catalog-backend-module-finops-itam'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(demoPermissionPolicyModule);

backend.add(import('@backstage/plugin-notifications-backend'));

// No git host in the demo: templates use only actions that need none.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@finops-itam/plugin-scaffolder-backend-module-finops-itam'),
);

backend.add(import('@finops-itam/plugin-finops-itam-backend'));
// Adds a cost source only when finopsItam.duckdbWarehouse is configured; the demo has none.
backend.add(
  import('@finops-itam/plugin-finops-itam-backend-module-duckdb-warehouse'),
);

backend.start();
