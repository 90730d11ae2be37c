import { useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Button, CellText, Flex, Text } from '@backstage/ui';
import {
  OnboardingRequest,
  OnboardingStatus,
} from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { AccessDenied, isForbiddenError } from '../AccessDenied';
import { DataColumn, DataTable, ToneCell } from '../DataTable';
import { SimpleSelect } from '../FormFields';
import { REQUEST_STATUS_LABELS } from '../OnboardingChecks';
import { checkCounts, queueOrder } from './queueOrder';

const ALL = 'all';

const STATUS_CHOICES = [
  { id: ALL, label: 'All statuses' },
  ...Object.entries(REQUEST_STATUS_LABELS).map(([id, label]) => ({
    id,
    label,
  })),
];

/** Failed checks stand out in the danger colour, warnings in the warning colour. */
function ChecksSummary(props: { request: OnboardingRequest }) {
  const { failed, warnings } = checkCounts(props.request);
  if (failed > 0) {
    return (
      <ToneCell
        title={failed === 1 ? '1 failed check' : `${failed} failed checks`}
        tone="danger"
        description={warnings > 0 ? `${warnings} warning(s)` : undefined}
      />
    );
  }
  if (warnings > 0) {
    return (
      <ToneCell
        title={warnings === 1 ? '1 warning' : `${warnings} warnings`}
        tone="warning"
      />
    );
  }
  return <ToneCell title="All checks pass" tone="success" />;
}

const COLUMNS: DataColumn<OnboardingRequest>[] = [
  {
    id: 'title',
    label: 'Request',
    isRowHeader: true,
    cell: request => (
      <CellText title={request.title} description={request.entityRef} />
    ),
  },
  {
    id: 'owner',
    label: 'Owner',
    cell: request => <CellText title={request.owner} />,
  },
  {
    id: 'goLive',
    label: 'Go-live',
    cell: request => <CellText title={request.goLive} />,
  },
  {
    id: 'status',
    label: 'Status',
    cell: request => (
      <CellText
        title={REQUEST_STATUS_LABELS[request.status] ?? request.status}
      />
    ),
  },
  {
    id: 'checks',
    label: 'Checks',
    cell: request => <ChecksSummary request={request} />,
  },
];

/**
 * The onboarding queue: requests waiting for review first, failed checks highlighted,
 * filtered by status. Opening a row shows the request; `reloadKey` reloads after a change.
 */
export function OnboardingQueue(props: {
  onOpen: (id: string) => void;
  onNew: () => void;
  reloadKey?: number;
}) {
  const { onOpen, onNew, reloadKey } = props;
  const api = useApi(finopsItamApiRef);
  const [status, setStatus] = useState<string>(ALL);
  const { loading, error, value } = useAsync(
    () =>
      api.listOnboardingRequests(
        status === ALL ? {} : { status: status as OnboardingStatus },
      ),
    [api, status, reloadKey],
  );

  return (
    <Flex direction="column" gap="3">
      <Flex justify="between" align="end" gap="3">
        <Text as="h2" variant="title-small">
          Onboarding requests
        </Text>
        <Flex align="end" gap="3">
          <SimpleSelect
            label="Status"
            value={status}
            choices={STATUS_CHOICES}
            onChange={next => setStatus(next || ALL)}
          />
          <Button variant="primary" onPress={onNew}>
            New onboarding request
          </Button>
        </Flex>
      </Flex>
      <QueueBody
        loading={loading}
        error={error}
        requests={value?.requests}
        filtered={status !== ALL}
        onOpen={onOpen}
      />
    </Flex>
  );
}

function QueueBody(props: {
  loading: boolean;
  error?: Error;
  requests?: OnboardingRequest[];
  filtered: boolean;
  onOpen: (id: string) => void;
}) {
  const { loading, error, requests, filtered, onOpen } = props;
  if (loading) {
    return <Progress aria-label="Loading onboarding requests" />;
  }
  if (error && isForbiddenError(error)) {
    return (
      <AccessDenied
        what="onboarding requests"
        entityRef="the ITAM workspace"
        askWhom="your ITAM team"
      />
    );
  }
  if (error || !requests) {
    const cause = error ?? new Error('The backend answered with nothing');
    return (
      <ResponseErrorPanel
        title={`Could not load onboarding requests: ${cause.message}`}
        error={cause}
      />
    );
  }
  return (
    <DataTable
      label="Onboarding requests"
      columns={COLUMNS}
      items={queueOrder(requests)}
      onRowAction={request => onOpen(request.id)}
      empty={
        <Text as="p" color="secondary">
          {filtered
            ? 'No onboarding request has this status.'
            : 'No onboarding requests yet. File one with "New onboarding request", or from the "Onboard a workload" template.'}
        </Text>
      }
    />
  );
}
