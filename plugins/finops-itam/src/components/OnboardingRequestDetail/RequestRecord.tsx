import { Flex, Text } from '@backstage/ui';
import { OnboardingRequestDetail } from '@finops-itam/plugin-finops-itam-common';
import { requiredQuantity } from '../EntityLicensesContent/licenseLabels';
import { formatTimestamp } from '../../lib';
import { CHECK_LABELS, DECISION_LABELS } from '../OnboardingChecks';

/** What the request holds in the license position, after counting rules. */
export function ReservationsSection(props: {
  request: OnboardingRequestDetail;
}) {
  const { reservations, status } = props.request;
  return (
    <Flex direction="column" gap="1">
      <Text as="h3" variant="title-x-small">
        Reservations
      </Text>
      <Text as="p" variant="body-small" color="secondary">
        {status === 'approved'
          ? 'Held in the license position until the workload shows up in cost data.'
          : 'What approving the request would hold in the license position.'}
      </Text>
      {reservations.length === 0 ? (
        <Text as="p">No licenses to reserve.</Text>
      ) : (
        <ul aria-label="Reservations">
          {reservations.map(reservation => (
            <li key={reservation.productId}>
              <Text as="span">
                {requiredQuantity(reservation.metric, reservation.quantity)} of{' '}
                {reservation.productId}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}

/** The reviewers' decisions, with the exception recorded for approvals despite failed checks. */
export function DecisionsSection(props: { request: OnboardingRequestDetail }) {
  const { decisions } = props.request;
  if (decisions.length === 0) {
    return null;
  }
  return (
    <Flex direction="column" gap="1">
      <Text as="h3" variant="title-x-small">
        Decisions
      </Text>
      <ul aria-label="Decisions">
        {decisions.map(decision => (
          <li key={`${decision.at}-${decision.by}`}>
            <Text as="p">
              {DECISION_LABELS[decision.decision] ?? decision.decision} by{' '}
              {decision.by} on {formatTimestamp(decision.at)}: {decision.reason}
            </Text>
            {decision.exception && (
              <Text as="p" variant="body-small" color="warning">
                Exception for{' '}
                {decision.failedChecks
                  .map(check => CHECK_LABELS[check] ?? check)
                  .join(', ')}
                : {decision.exception}
              </Text>
            )}
          </li>
        ))}
      </ul>
    </Flex>
  );
}

/** Every change to the request, oldest first, as the audit trail records it. */
export function HistorySection(props: { request: OnboardingRequestDetail }) {
  return (
    <Flex direction="column" gap="1">
      <Text as="h3" variant="title-x-small">
        History
      </Text>
      <ol aria-label="History">
        {props.request.history.map((entry, index) => (
          <li key={index}>
            <Text as="span" variant="body-small">
              {formatTimestamp(entry.at)} · {entry.by} · {entry.action}:{' '}
              {entry.detail}
            </Text>
          </li>
        ))}
      </ol>
    </Flex>
  );
}
