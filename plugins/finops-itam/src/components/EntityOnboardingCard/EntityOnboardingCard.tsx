import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ButtonLink,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Link,
  Text,
} from '@backstage/ui';
import { OnboardingRequest } from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { useItamPageLink } from '../../hooks/useItamPageLink';
import { AccessDenied, isForbiddenError } from '../AccessDenied';
import { CheckList, REQUEST_STATUS_LABELS } from '../OnboardingChecks';

/**
 * The Onboarding card of a Component page: the workload's latest onboarding request, its
 * status and automatic checks, with a link to review it on the ITAM page; or a way to file
 * one when there is none.
 */
export function EntityOnboardingCard() {
  return (
    <Card>
      <CardHeader>
        <Text as="h2" variant="title-x-small">
          Onboarding
        </Text>
      </CardHeader>
      <CardBody>
        <EntityOnboardingBody />
      </CardBody>
    </Card>
  );
}

function EntityOnboardingBody() {
  const { entity } = useEntity();
  const api = useApi(finopsItamApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const { loading, error, value } = useAsync(
    () => api.getEntityOnboarding({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
  const itamLink = useItamPageLink();

  if (loading) {
    return <Progress aria-label={`Loading the onboarding of ${name}`} />;
  }
  if (error && isForbiddenError(error)) {
    return (
      <AccessDenied
        compact
        what="onboarding requests"
        entityRef={entityRef}
        askWhom="your ITAM team"
      />
    );
  }
  if (error || !value) {
    const cause = error ?? new Error('The backend answered with nothing');
    return (
      <ResponseErrorPanel
        title={`Could not load the onboarding of ${name}: ${cause.message}`}
        error={cause}
      />
    );
  }
  const latest = value.requests[0];
  if (!latest) {
    return (
      <NoRequest
        entityRef={entityRef}
        newLink={itamLink?.({ newFor: entityRef })}
      />
    );
  }
  return (
    <LatestRequest
      request={latest}
      requestLink={itamLink?.({ request: latest.id })}
      others={value.requests.length - 1}
    />
  );
}

function NoRequest(props: { entityRef: string; newLink?: string }) {
  return (
    <Flex direction="column" gap="3">
      <Text as="p" weight="bold">
        No onboarding request for this workload
      </Text>
      <Text as="p" variant="body-small" color="secondary">
        Before a workload is deployed, ITAM and FinOps check its licenses
        (availability, BYOL eligibility), policy, cost estimate and budget fit.
        The checks appear here once a request is filed.
      </Text>
      {props.newLink ? (
        <div>
          <ButtonLink href={props.newLink} variant="secondary">
            File an onboarding request
          </ButtonLink>
        </div>
      ) : (
        <Text as="p" variant="body-small" color="secondary">
          Ask your ITAM team to file one for {props.entityRef}.
        </Text>
      )}
    </Flex>
  );
}

function LatestRequest(props: {
  request: OnboardingRequest;
  requestLink?: string;
  others: number;
}) {
  const { request, requestLink, others } = props;
  return (
    <Flex direction="column" gap="2">
      <Text as="p" weight="bold">
        {request.title}
      </Text>
      <Text as="p" variant="body-small">
        Status: {REQUEST_STATUS_LABELS[request.status] ?? request.status} ·
        go-live {request.goLive}
      </Text>
      <CheckList checks={request.checks} compact />
      {requestLink && (
        <div>
          <Link href={requestLink}>Open the request on the ITAM page</Link>
        </div>
      )}
      {others > 0 && (
        <Text as="p" variant="body-small" color="secondary">
          {others === 1 ? '1 earlier request' : `${others} earlier requests`}{' '}
          for this workload.
        </Text>
      )}
    </Flex>
  );
}
