import { useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Cell, CellText, Flex, Text } from '@backstage/ui';
import { Anomaly } from '@finops-itam/plugin-finops-itam-common';
import { useAnomalies } from '../../hooks/useAnomalies';
import { formatSignedAmount } from '../../lib';
import { AccessDenied, isForbiddenError } from '../AccessDenied';
import {
  ANOMALY_KIND_WORDS,
  ANOMALY_STATUS_WORDS,
  AnomalyDialog,
  RESOLUTION_WORDS,
} from '../AnomalyDetails';
import { DataColumn, DataTable } from '../DataTable';
import { EntityLink } from '../EntityLink';
import { AnomalyFilters, AnomalyFilterValues } from './AnomalyFilters';
import { anomalyPeriodDays } from './anomalyPeriods';

function statusText(anomaly: Anomaly): string {
  return anomaly.status === 'resolved' && anomaly.resolution
    ? `${ANOMALY_STATUS_WORDS.resolved}: ${RESOLUTION_WORDS[
        anomaly.resolution
      ].toLowerCase()}`
    : ANOMALY_STATUS_WORDS[anomaly.status];
}

const COLUMNS: DataColumn<Anomaly>[] = [
  {
    id: 'date',
    label: 'Day',
    isRowHeader: true,
    cell: anomaly => (
      <CellText
        title={anomaly.date}
        description={
          anomaly.lastDate === anomaly.date
            ? undefined
            : `through ${anomaly.lastDate}`
        }
      />
    ),
  },
  {
    id: 'entity',
    label: 'Entity',
    cell: anomaly =>
      anomaly.entityRef ? (
        <Cell>
          <EntityLink entityRef={anomaly.entityRef} defaultKind="component" />
        </Cell>
      ) : (
        <CellText title={anomaly.productId ?? '—'} />
      ),
  },
  {
    id: 'kind',
    label: 'What',
    cell: anomaly => (
      <CellText
        title={ANOMALY_KIND_WORDS[anomaly.kind]}
        description={anomaly.detail}
      />
    ),
  },
  {
    id: 'impact',
    label: 'Impact',
    cell: anomaly => (
      <CellText
        title={
          anomaly.impact && anomaly.currency
            ? formatSignedAmount(anomaly.impact, anomaly.currency)
            : '—'
        }
        description={
          anomaly.drivers[0] ? `mostly ${anomaly.drivers[0].name}` : undefined
        }
      />
    ),
  },
  {
    id: 'status',
    label: 'Status',
    cell: anomaly => <CellText title={statusText(anomaly)} />,
  },
];

/**
 * Cost and license anomalies, newest first, filtered by status, entity and period; a row
 * opens the anomaly's details and status actions.
 */
export function AnomaliesTab(props: {
  filters: AnomalyFilterValues;
  onFiltersChange: (next: AnomalyFilterValues) => void;
}) {
  const { filters, onFiltersChange } = props;
  const { from, to } = anomalyPeriodDays(filters.period);
  const { loading, error, items, replace } = useAnomalies({
    from,
    to,
    status: filters.status,
    entityRef: filters.entityRef,
  });
  const [openId, setOpenId] = useState<string | undefined>();

  let body;
  if (loading) {
    body = <Progress aria-label="Loading the anomalies" />;
  } else if (error && isForbiddenError(error)) {
    body = (
      <AccessDenied
        what="anomalies"
        entityRef="this portal"
        askWhom="your FinOps team"
      />
    );
  } else if (error || !items) {
    const cause = error ?? new Error('The backend answered with no anomalies');
    body = (
      <ResponseErrorPanel
        title={`Could not load the anomalies: ${cause.message}`}
        error={cause}
      />
    );
  } else {
    body = (
      <DataTable
        label="Anomalies"
        columns={COLUMNS}
        items={items}
        onRowAction={anomaly => setOpenId(anomaly.id)}
        empty={
          <Text as="p" variant="body-medium" color="secondary">
            No anomalies match these filters. Detection runs daily on complete
            days of cost data; try a longer period or another status.
          </Text>
        }
      />
    );
  }

  return (
    <Flex direction="column" gap="4">
      <AnomalyFilters value={filters} onChange={onFiltersChange} />
      {body}
      <AnomalyDialog
        anomaly={items?.find(anomaly => anomaly.id === openId)}
        onClose={() => setOpenId(undefined)}
        onChanged={replace}
      />
    </Flex>
  );
}
