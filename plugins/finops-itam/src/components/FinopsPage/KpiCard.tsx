import { ReactNode, useId } from 'react';
import { Card, CardBody, Flex, Text } from '@backstage/ui';
import { Kpi } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount } from '../../lib';
import { hasNotCovered, kpiPercent } from './kpiFormat';

/**
 * One KPI: its percentage, the sums it comes from below it (no hover needed), and the cost it
 * leaves out when some rows lack a column it needs, so a figure is never read as complete
 * when it is not.
 */
export function KpiCard(props: {
  title: ReactNode;
  kpi: Kpi;
  /** `$120.00 of $512.00 list cost saved`, or quantities for utilization. */
  fraction: string;
  currency: string;
  children?: ReactNode;
}) {
  const { title, kpi, fraction, currency, children } = props;
  const titleId = useId();
  return (
    <div role="group" aria-labelledby={titleId}>
      <Card>
        <CardBody>
          <Flex direction="column" gap="1">
            <Text as="h3" id={titleId} variant="body-medium" weight="bold">
              {title}
            </Text>
            <Text
              as="p"
              variant="title-medium"
              data-testid="finops-itam-kpi-value"
            >
              {kpiPercent(kpi.value)}
            </Text>
            <Text as="p" variant="body-small" color="secondary">
              {kpi.value === null
                ? `Nothing to measure: ${fraction}`
                : fraction}
            </Text>
            {hasNotCovered(kpi) && (
              <Text as="p" variant="body-small" color="warning">
                {`Not covered by this figure: ${formatAmount(
                  kpi.notCovered,
                  currency,
                )} of cost whose rows lack a column it needs`}
              </Text>
            )}
            {children}
          </Flex>
        </CardBody>
      </Card>
    </div>
  );
}
