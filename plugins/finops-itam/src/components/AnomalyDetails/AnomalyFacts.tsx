import { ReactNode } from 'react';
import { Flex, Text } from '@backstage/ui';
import { Anomaly } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount, formatSignedAmount } from '../../lib';
import {
  ANOMALY_KIND_WORDS,
  ANOMALY_STATUS_WORDS,
  RESOLUTION_WORDS,
} from './anomalyWords';

function Fact(props: { term: string; children: ReactNode }) {
  return (
    <Flex justify="between" gap="4">
      <dt>
        <Text as="span" variant="body-medium" color="secondary">
          {props.term}
        </Text>
      </dt>
      <dd style={{ margin: 0, textAlign: 'right' }}>
        <Text as="span" variant="body-medium">
          {props.children}
        </Text>
      </dd>
    </Flex>
  );
}

/**
 * What an anomaly is: actual against expected, the impact, its status, and the services and
 * resources that explain the difference, biggest first (the backend ranks them).
 */
export function AnomalyFacts(props: { anomaly: Anomaly }) {
  const { anomaly } = props;
  const money = (amount: string | null, signed = false) => {
    if (amount === null || anomaly.currency === null) return '—';
    return signed
      ? formatSignedAmount(amount, anomaly.currency)
      : formatAmount(amount, anomaly.currency);
  };
  const status =
    anomaly.status === 'resolved' && anomaly.resolution
      ? `${ANOMALY_STATUS_WORDS.resolved} (${RESOLUTION_WORDS[
          anomaly.resolution
        ].toLowerCase()})`
      : ANOMALY_STATUS_WORDS[anomaly.status];

  return (
    <Flex direction="column" gap="3">
      <Text as="p" variant="body-medium">
        {`${ANOMALY_KIND_WORDS[anomaly.kind]}: ${anomaly.detail}`}
      </Text>
      <dl style={{ margin: 0 }}>
        <Fact term="Actual">{money(anomaly.actual)}</Fact>
        <Fact term="Expected">{money(anomaly.expected)}</Fact>
        <Fact term="Impact">{money(anomaly.impact, true)}</Fact>
        {anomaly.lastDate !== anomaly.date && (
          <Fact term={`Impact through ${anomaly.lastDate}`}>
            {money(anomaly.totalImpact, true)}
          </Fact>
        )}
        <Fact term="Status">{status}</Fact>
      </dl>
      {anomaly.note && (
        <Text as="p" variant="body-small" color="secondary">
          {`Note: ${anomaly.note}`}
        </Text>
      )}
      <div>
        <Text as="h3" variant="body-medium" weight="bold">
          Drivers
        </Text>
        {anomaly.drivers.length === 0 ? (
          <Text as="p" variant="body-small" color="secondary">
            No service or resource explains the difference on its own.
          </Text>
        ) : (
          <ol aria-label="Drivers" style={{ margin: 0, paddingLeft: 20 }}>
            {anomaly.drivers.map(driver => (
              <li key={`${driver.kind}:${driver.name}`}>
                <Text as="span" variant="body-small">
                  {`${driver.kind === 'service' ? 'Service' : 'Resource'} ${
                    driver.name
                  }: ${money(driver.impact, true)}`}
                </Text>
              </li>
            ))}
          </ol>
        )}
      </div>
    </Flex>
  );
}
