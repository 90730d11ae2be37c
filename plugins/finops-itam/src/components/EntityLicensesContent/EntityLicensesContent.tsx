import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import { EntityLicensesResponse } from '@finops-itam/plugin-finops-itam-common';
import { getDeclaredLicenses } from '../../lib';
import { AccessDenied, isForbiddenError } from '../AccessDenied';
import { ContentHeading } from '../ContentHeading';
import { LicenseUsageTable } from './LicenseUsageTable';
import { LicensesSetupHint } from './LicensesSetupHint';
import { LicensesSummary } from './LicensesSummary';
import { sortForReading } from './licenseTotals';
import { UnknownProductsNotice } from './UnknownProductsNotice';
import { useEntityLicenses } from './useEntityLicenses';

/** Keeps the tab about as tall in every state, so the page does not jump when data arrives. */
const MIN_HEIGHT = 360;

/**
 * The Licenses tab of an entity page: the licensed software the entity consumes, how much of
 * it and why, whether entitlements cover it and what it costs; or how to declare it.
 */
export function EntityLicensesContent() {
  return (
    <>
      <ContentHeading
        title="Licenses"
        description="Licensed software this entity uses, BYOL or license-included, and whether entitlements cover it."
      />
      <Box minHeight={MIN_HEIGHT}>
        <EntityLicensesBody />
      </Box>
    </>
  );
}

function EntityLicensesBody() {
  const { entity } = useEntity();
  const { loading, error, value } = useEntityLicenses(
    getCompoundEntityRef(entity),
  );
  const name = entity.metadata.name;

  if (loading) {
    return <Progress aria-label={`Loading the licenses of ${name}`} />;
  }
  if (error && isForbiddenError(error)) {
    return (
      <AccessDenied
        what="license data for this entity"
        entityRef={stringifyEntityRef(entity)}
        askWhom="its owner or your ITAM team"
      />
    );
  }
  if (error || !value) {
    const cause = error ?? new Error('The backend answered with no licenses');
    return (
      <ResponseErrorPanel
        title={`Could not load the licenses of ${name}: ${cause.message}`}
        error={cause}
      />
    );
  }
  return <EntityLicensesView licenses={value} />;
}

function emptyDescription(kind: string): string {
  const sources =
    'finops-itam finds licensed software in two places: license tags on the cloud resources whose costs map to an entity, and the licenses an entity declares in its catalog-info.yaml.';
  // The backend counts license use on the entity that runs the software; it does not roll
  // it up to Systems, so an empty System tab must not read as "the system uses nothing".
  if (kind.toLocaleLowerCase('en-US') === 'system') {
    return `${sources} License use is counted on the Components and Resources that run the software, not on the System: see the Licenses tab of this system's components.`;
  }
  return `${sources} Neither names any product for this entity.`;
}

function EntityLicensesView(props: { licenses: EntityLicensesResponse }) {
  const { entity } = useEntity();
  const name = entity.metadata.name;
  const { products, unknownProducts = [] } = props.licenses;
  const unknownNotice = (
    <UnknownProductsNotice unknownProducts={unknownProducts} />
  );

  if (products.length === 0) {
    return (
      <>
        {unknownNotice}
        <EmptyState
          missing="data"
          title={`No licensed software found for ${name}`}
          description={emptyDescription(entity.kind)}
          action={
            <LicensesSetupHint
              entityName={name}
              declared={getDeclaredLicenses(entity)}
            />
          }
        />
      </>
    );
  }

  return (
    <>
      {unknownNotice}
      <InfoCard title="Licensed software">
        <LicensesSummary products={products} />
        <Box overflow="auto" mt={2}>
          <LicenseUsageTable
            entityName={name}
            products={sortForReading(products)}
          />
        </Box>
      </InfoCard>
    </>
  );
}
