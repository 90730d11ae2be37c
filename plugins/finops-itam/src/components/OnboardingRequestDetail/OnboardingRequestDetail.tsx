import { useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Button, Card, CardBody, Flex, Text } from '@backstage/ui';
import { OnboardingRequestDetail as Detail } from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { AccessDenied, isForbiddenError } from '../AccessDenied';
import { EntityLink } from '../EntityLink';
import { OnboardingDecisionForm } from '../OnboardingDecisionForm';
import { OnboardingRequestForm } from '../OnboardingRequestForm';
import {
  CheckList,
  isOpenRequest,
  PROCUREMENT_LABELS,
  REQUEST_STATUS_LABELS,
} from '../OnboardingChecks';
import { CostEstimateSection } from './CostEstimateSection';
import { DeploymentsSection } from './DeploymentsSection';
import {
  DecisionsSection,
  HistorySection,
  ReservationsSection,
} from './RequestRecord';

/**
 * One onboarding request for review: what it plans, its checks with their fixes, the cost
 * estimate, reservations, decisions and history, and the decision form while it is open.
 */
export function OnboardingRequestDetail(props: {
  id: string;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { id, onChanged, onClose } = props;
  const api = useApi(finopsItamApiRef);
  const { loading, error, value } = useAsync(
    () => api.getOnboardingRequest(id),
    [api, id],
  );
  // The answer of a decision or a change replaces the loaded request.
  const [changed, setChanged] = useState<Detail>();
  const request = changed ?? value;

  let body;
  if (loading) {
    body = <Progress aria-label="Loading the onboarding request" />;
  } else if (error && isForbiddenError(error)) {
    body = (
      <AccessDenied
        what="this onboarding request"
        entityRef={id}
        askWhom="your ITAM team"
      />
    );
  } else if (error || !request) {
    const cause = error ?? new Error('The backend answered with nothing');
    body = (
      <ResponseErrorPanel
        title={`Could not load onboarding request ${id}: ${cause.message}`}
        error={cause}
      />
    );
  } else {
    body = (
      <RequestView
        request={request}
        onChanged={updated => {
          setChanged(updated);
          onChanged();
        }}
      />
    );
  }

  return (
    <Card>
      <CardBody>
        <Flex direction="column" gap="4">
          <Flex justify="end">
            <Button variant="tertiary" onPress={onClose}>
              Close request
            </Button>
          </Flex>
          {body}
        </Flex>
      </CardBody>
    </Card>
  );
}

function RequestView(props: {
  request: Detail;
  onChanged: (request: Detail) => void;
}) {
  const { request, onChanged } = props;
  const [editing, setEditing] = useState(false);
  const open = isOpenRequest(request.status);
  if (editing && open) {
    return (
      <OnboardingRequestForm
        request={request}
        onFiled={changed => {
          setEditing(false);
          onChanged(changed);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <Flex direction="column" gap="4">
      <Flex direction="column" gap="1">
        <Text as="h2" variant="title-small">
          {request.title}
        </Text>
        <Text as="p">
          Status: {REQUEST_STATUS_LABELS[request.status] ?? request.status}
        </Text>
        <Text as="p" variant="body-small">
          Workload <EntityLink entityRef={request.entityRef} /> · owner{' '}
          <EntityLink entityRef={request.owner} defaultKind="group" /> · go-live{' '}
          {request.goLive} ·{' '}
          {PROCUREMENT_LABELS[request.procurement] ?? request.procurement}
          {request.replaces && (
            <>
              {' '}
              · replaces <EntityLink entityRef={request.replaces} />
            </>
          )}
        </Text>
        <Text as="p" variant="body-small" color="secondary">
          Filed by {request.requestedBy}
          {Object.keys(request.tags).length > 0 &&
            ` · tags ${Object.entries(request.tags)
              .map(([key, tag]) => `${key}=${tag}`)
              .join(', ')}`}
        </Text>
        {request.description && <Text as="p">{request.description}</Text>}
      </Flex>
      <DeploymentsSection request={request} />
      <Flex direction="column" gap="1">
        <Text as="h3" variant="title-x-small">
          Checks
        </Text>
        <CheckList checks={request.checks} />
      </Flex>
      <CostEstimateSection request={request} />
      <ReservationsSection request={request} />
      <DecisionsSection request={request} />
      {open && (
        <Flex direction="column" gap="2">
          <Text as="p" variant="body-small" color="secondary">
            {request.status === 'changes-requested'
              ? 'A reviewer asked for changes: change the request and its checks run again.'
              : 'The requester can still change the request; its checks then run again.'}
          </Text>
          <div>
            <Button variant="secondary" onPress={() => setEditing(true)}>
              Change request
            </Button>
          </div>
        </Flex>
      )}
      {open && (
        <OnboardingDecisionForm request={request} onDecided={onChanged} />
      )}
      <HistorySection request={request} />
    </Flex>
  );
}
