import { useEffect, useState } from 'react';
import { Button, Flex, TextField } from '@backstage/ui';
import { AnomalyStatus } from '@finops-itam/plugin-finops-itam-common';
import { SimpleSelect } from '../FormFields';
import { ANOMALY_STATUS_WORDS } from '../AnomalyDetails';
import { ANOMALY_PERIODS, AnomalyPeriodId } from './anomalyPeriods';

/** The filters of the anomaly list, as the page keeps them in its query. */
export interface AnomalyFilterValues {
  status?: AnomalyStatus;
  entityRef?: string;
  period: AnomalyPeriodId;
}

const STATUSES: AnomalyStatus[] = ['open', 'acknowledged', 'resolved'];

/**
 * Status, entity and period filters. The entity ref is applied with its button or Enter, so
 * typing does not ask the backend on every key.
 */
export function AnomalyFilters(props: {
  value: AnomalyFilterValues;
  onChange: (next: AnomalyFilterValues) => void;
}) {
  const { value, onChange } = props;
  const [entity, setEntity] = useState(value.entityRef ?? '');
  useEffect(() => setEntity(value.entityRef ?? ''), [value.entityRef]);
  const applyEntity = () =>
    onChange({ ...value, entityRef: entity.trim() || undefined });

  return (
    <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
      <SimpleSelect
        label="Status"
        value={value.status ?? 'all'}
        choices={[
          { id: 'all', label: 'All statuses' },
          ...STATUSES.map(status => ({
            id: status,
            label: ANOMALY_STATUS_WORDS[status],
          })),
        ]}
        onChange={id =>
          onChange({
            ...value,
            status: id === 'all' || !id ? undefined : (id as AnomalyStatus),
          })
        }
      />
      <SimpleSelect
        label="Period"
        value={value.period}
        choices={ANOMALY_PERIODS.map(period => ({
          id: period.id,
          label: period.label,
        }))}
        onChange={id =>
          onChange({ ...value, period: (id || '90d') as AnomalyPeriodId })
        }
      />
      <form
        onSubmit={event => {
          event.preventDefault();
          applyEntity();
        }}
      >
        <Flex gap="2" align="end">
          <TextField
            label="Entity"
            placeholder="component:default/checkout-api"
            value={entity}
            onChange={setEntity}
          />
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        </Flex>
      </form>
    </Flex>
  );
}
