import { EmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { getDeclaredLicenses } from '../../lib';
import { BackendHealthGate } from '../BackendHealthGate';
import { ContentHeading } from '../ContentHeading';
import { DeclaredLicensesHint } from './DeclaredLicensesHint';

/**
 * The Licenses tab of an entity page. Until license data is imported it says so, and lists
 * the licensed products the entity declares.
 */
export function EntityLicensesContent() {
  const { entity } = useEntity();
  const name = entity.metadata.name;

  return (
    <>
      <ContentHeading
        title="Licenses"
        description="Licensed software this entity uses, BYOL or license-included, and whether entitlements cover it."
      />
      <BackendHealthGate>
        {() => (
          <EmptyState
            missing="data"
            title={`No license data for ${name} yet`}
            description="License entitlements and consumption are not imported yet, so license positions and compliance cannot be shown."
            action={
              <DeclaredLicensesHint
                entityName={name}
                declared={getDeclaredLicenses(entity)}
              />
            }
          />
        )}
      </BackendHealthGate>
    </>
  );
}
