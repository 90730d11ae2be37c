import { createPermission } from '@backstage/plugin-permission-common';

/** Read cost, license and onboarding data of catalog entities. @public */
export const finopsItamReadPermission = createPermission({
  name: 'finops-itam.read',
  attributes: { action: 'read' },
});

/** Start a cost ingestion (file upload or source refresh). @public */
export const finopsItamIngestionRunPermission = createPermission({
  name: 'finops-itam.ingestion.run',
  attributes: { action: 'create' },
});

/** Create, update or delete license entitlements. @public */
export const finopsItamLicenseManagePermission = createPermission({
  name: 'finops-itam.license.manage',
  attributes: { action: 'update' },
});

/** Write business metric values used for unit cost. @public */
export const finopsItamMetricsWritePermission = createPermission({
  name: 'finops-itam.metrics.write',
  attributes: { action: 'update' },
});

/** All permissions of the finops-itam plugin, for registration and policies. @public */
export const finopsItamPermissions = [
  finopsItamReadPermission,
  finopsItamIngestionRunPermission,
  finopsItamLicenseManagePermission,
  finopsItamMetricsWritePermission,
];
