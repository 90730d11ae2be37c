import { Box, Flex, Text } from '@backstage/ui';
import { OnboardingCheck } from '@finops-itam/plugin-finops-itam-common';
import { CheckStatus } from './CheckStatus';
import { CHECK_LABELS } from './onboardingLabels';

/**
 * The automatic checks of a request, each with its status, why, and what would fix it.
 * `compact` leaves out the fix and the derivation, for a card.
 */
export function CheckList(props: {
  checks: OnboardingCheck[];
  compact?: boolean;
}) {
  const { checks, compact } = props;
  if (checks.length === 0) {
    return (
      <Text as="p" color="secondary">
        No checks have run yet.
      </Text>
    );
  }
  return (
    <ul
      aria-label="Checks"
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {checks.map(check => (
        <li key={check.id}>
          <Box py="2">
            <Flex align="baseline" gap="2">
              <Text as="span" weight="bold">
                {CHECK_LABELS[check.id] ?? check.id}
              </Text>
              <CheckStatus status={check.status} />
            </Flex>
            <Text as="p" variant="body-small">
              {check.message}
            </Text>
            {!compact && check.fix && (
              <Text as="p" variant="body-small" color="secondary">
                Fix: {check.fix}
              </Text>
            )}
            {!compact && check.details.length > 0 && (
              <details>
                <summary>
                  <Text as="span" variant="body-small">
                    How it was derived
                  </Text>
                </summary>
                <ul>
                  {check.details.map(line => (
                    <li key={line}>
                      <Text as="span" variant="body-small" color="secondary">
                        {line}
                      </Text>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </Box>
        </li>
      ))}
    </ul>
  );
}
