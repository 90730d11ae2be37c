import { Card, CardBody, Flex, Link, Text } from '@backstage/ui';
import { LicensePositionEntry } from '@finops-itam/plugin-finops-itam-common';
import { useItamPageLink } from '../../hooks/useItamPageLink';
import { EntityLink } from '../EntityLink';

/**
 * What stands behind one product's position: the approved onboarding requests that reserve
 * licenses, which entitlements cover the requirement (editions converted included), what
 * this product's licenses cover elsewhere, and BYOL deployments outside their rights.
 */
export function PositionDetails(props: { entry: LicensePositionEntry }) {
  const { entry } = props;
  const itamLink = useItamPageLink();
  const reservations = entry.reservations ?? [];
  const coveredBy = entry.coveredBy ?? [];
  const conversions = entry.conversions ?? [];
  const nonCompliance = entry.nonCompliance ?? [];

  return (
    <Card>
      <CardBody>
        <Flex direction="column" gap="3">
          <Text as="h3" variant="title-x-small">
            {entry.productName}: reservations, coverage and compliance
          </Text>
          <Section
            title="Reservations"
            empty="No approved request reserves licenses."
          >
            {reservations.map(reservation => (
              <li key={reservation.requestId}>
                {reservation.quantity} for{' '}
                <EntityLink entityRef={reservation.entityRef} />, request{' '}
                {itamLink ? (
                  <Link href={itamLink({ request: reservation.requestId })}>
                    {reservation.requestId}
                  </Link>
                ) : (
                  reservation.requestId
                )}
              </li>
            ))}
          </Section>
          <Section
            title="Coverage"
            empty="The product's own entitlements cover what they can; no other product's licenses are used."
          >
            {coveredBy.map(coverage => (
              <li key={coverage.entitlementId}>
                {coverage.quantity} covered by entitlement{' '}
                {coverage.entitlementId} ({coverage.productId},{' '}
                {coverage.entitlementQuantity} used)
                {coverage.rule && `: ${coverage.rule}`}
              </li>
            ))}
          </Section>
          {conversions.length > 0 && (
            <Section title="Used for other products" empty="">
              {conversions.map(conversion => (
                <li
                  key={`${conversion.entitlementId}-${conversion.coveredProductId}`}
                >
                  {conversion.entitlementQuantity} of entitlement{' '}
                  {conversion.entitlementId} cover {conversion.quantity}{' '}
                  {conversion.coveredProductId}: {conversion.rule}
                </li>
              ))}
            </Section>
          )}
          <Section
            title="Non-compliance"
            empty="No BYOL deployment outside its rights."
          >
            {nonCompliance.map((item, index) => (
              <li key={index}>
                {item.message}
                {item.entityRef && (
                  <>
                    {' — '}
                    <EntityLink entityRef={item.entityRef} />
                  </>
                )}
                {(item.resourceName ?? item.resourceId) &&
                  `, resource ${item.resourceName ?? item.resourceId}`}
              </li>
            ))}
          </Section>
        </Flex>
      </CardBody>
    </Card>
  );
}

function Section(props: {
  title: string;
  empty: string;
  children: JSX.Element[];
}) {
  return (
    <Flex direction="column" gap="1">
      <Text as="h4" variant="body-medium" weight="bold">
        {props.title}
      </Text>
      {props.children.length === 0 ? (
        <Text as="p" variant="body-small" color="secondary">
          {props.empty}
        </Text>
      ) : (
        <ul aria-label={props.title}>{props.children}</ul>
      )}
    </Flex>
  );
}
