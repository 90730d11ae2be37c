import { FormEvent, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Alert,
  Button,
  Card,
  CardBody,
  Flex,
  Text,
  TextAreaField,
  TextField,
} from '@backstage/ui';
import {
  OnboardingOptions,
  OnboardingRequest,
  OnboardingRequestDetail,
} from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef, OnboardingProblemsError } from '../../api';
import { fieldProblem, SimpleSelect } from '../FormFields';
import { PROCUREMENT_LABELS } from '../OnboardingChecks';
import { DeploymentFields } from './DeploymentFields';
import {
  draftOf,
  emptyDeployment,
  emptyDraft,
  FieldProblems,
  problemsByField,
  problemsWithoutField,
  RequestDraft,
  toRequestInput,
} from './requestDraft';
import { SaasFields } from './SaasFields';

const PROCUREMENT_CHOICES = Object.entries(PROCUREMENT_LABELS).map(
  ([id, label]) => ({ id, label }),
);

const MARKETPLACE_POLICY = {
  allowed: 'allowed',
  'needs-approval': 'allowed with approval',
  forbidden: 'forbidden',
};

const WRAP = { flexWrap: 'wrap' } as const;

/** What the form files: a new request (for a workload, maybe), or changes to `request`. */
interface RequestFormProps {
  entityRef?: string;
  /** An open request to change instead of filing a new one. */
  request?: OnboardingRequest;
  onFiled: (request: OnboardingRequestDetail) => void;
  onCancel: () => void;
}

/**
 * "New onboarding request": the workload, its owner and go-live, how the licenses are
 * bought, and the planned deployments and SaaS seats, chosen from what the backend knows.
 * Problems, found here or by the backend, show under their fields; once filed, `onFiled`
 * opens the new request. Given a `request`, the same form changes it (its checks run again).
 */
export function OnboardingRequestForm(props: RequestFormProps) {
  const api = useApi(finopsItamApiRef);
  const options = useAsync(() => api.getOnboardingOptions(), [api]);

  let body;
  if (options.loading) {
    body = <Progress aria-label="Loading the onboarding options" />;
  } else if (options.error || !options.value) {
    const cause =
      options.error ?? new Error('The backend answered with nothing');
    body = (
      <ResponseErrorPanel
        title={`Could not load what a request may name: ${cause.message}`}
        error={cause}
      />
    );
  } else {
    body = <RequestFields {...props} options={options.value} />;
  }
  return (
    <Card>
      <CardBody>
        <Flex direction="column" gap="3">
          <Text as="h2" variant="title-small">
            {props.request
              ? 'Change onboarding request'
              : 'New onboarding request'}
          </Text>
          {body}
        </Flex>
      </CardBody>
    </Card>
  );
}

function RequestFields(
  props: RequestFormProps & { options: OnboardingOptions },
) {
  const { options, onFiled, onCancel, request } = props;
  const api = useApi(finopsItamApiRef);
  const [draft, setDraft] = useState<RequestDraft>(() =>
    request ? draftOf(request) : emptyDraft(props.entityRef),
  );
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);
  const set = (change: Partial<RequestDraft>) =>
    setDraft(current => ({ ...current, ...change }));
  const { policies } = options;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const result = toRequestInput(draft);
    if ('problems' in result) {
      setProblems(result.problems);
      setFailure('Some fields need attention.');
      return;
    }
    setProblems({});
    setSending(true);
    try {
      onFiled(
        request
          ? await api.updateOnboardingRequest(request.id, result.input)
          : await api.createOnboardingRequest(result.input),
      );
    } catch (error) {
      if (
        error instanceof OnboardingProblemsError &&
        error.problems.length > 0
      ) {
        // The backend's message repeats every problem; each is shown at its field instead.
        setProblems(problemsByField(error.problems));
        setFailure(
          error.problems.length === 1
            ? '1 problem, shown at its field or listed here.'
            : `${error.problems.length} problems, shown at their fields or listed here.`,
        );
      } else {
        setFailure((error as Error).message);
      }
    } finally {
      setSending(false);
    }
  }

  const unplaced = problemsWithoutField(problems, draft);

  return (
    <form
      onSubmit={submit}
      aria-label={
        request ? 'Change onboarding request' : 'New onboarding request'
      }
      noValidate
    >
      <Flex direction="column" gap="4">
        {failure && (
          <Alert
            status="danger"
            title={`The request was not ${
              request ? 'changed' : 'filed'
            }: ${failure}`}
            description={
              unplaced.length > 0 ? (
                <ul aria-label="Other problems">
                  {unplaced.map(([field, reason]) => (
                    <li key={field}>
                      {field}: {reason}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        <Flex gap="3" style={WRAP}>
          <TextField
            label="Workload"
            isRequired
            description="The Component to onboard, existing or new, e.g. component:default/new-billing."
            value={draft.entityRef}
            onChange={entityRef => set({ entityRef })}
            {...fieldProblem(problems.entityRef)}
          />
          <TextField
            label="Owner"
            isRequired
            description="The owner group, e.g. group:default/team-payments."
            value={draft.owner}
            onChange={owner => set({ owner })}
            {...fieldProblem(problems.owner)}
          />
          <TextField
            label="Title"
            isRequired
            value={draft.title}
            onChange={title => set({ title })}
            {...fieldProblem(problems.title)}
          />
        </Flex>
        <TextAreaField
          label="Description"
          value={draft.description}
          onChange={description => set({ description })}
          {...fieldProblem(problems.description)}
        />
        <Flex gap="3" style={WRAP}>
          <TextField
            label="Go-live date"
            isRequired
            placeholder="YYYY-MM-DD"
            description="First day in production, today or later."
            value={draft.goLive}
            onChange={goLive => set({ goLive })}
            {...fieldProblem(problems.goLive)}
          />
          <SimpleSelect
            label="Procurement"
            isRequired
            description={`Marketplace purchases are ${
              MARKETPLACE_POLICY[policies.marketplace] ?? policies.marketplace
            } here; they count toward the provider commitment.`}
            value={draft.procurement || undefined}
            choices={PROCUREMENT_CHOICES}
            onChange={procurement =>
              set({ procurement: procurement as RequestDraft['procurement'] })
            }
            problem={problems.procurement}
          />
          <TextField
            label="Replaces"
            description="For a migration: the workload this one replaces, e.g. component:default/old-billing."
            value={draft.replaces}
            onChange={replaces => set({ replaces })}
            {...fieldProblem(problems.replaces)}
          />
        </Flex>
        <TextField
          label="Tags"
          description={`key=value, separated by commas.${
            policies.requiredTags.length > 0
              ? ` Required by policy: ${policies.requiredTags.join(', ')}.`
              : ''
          }`}
          value={draft.tags}
          onChange={tags => set({ tags })}
          {...fieldProblem(problems.tags)}
        />
        <Text as="h3" variant="title-x-small">
          Deployments
        </Text>
        {draft.deployments.map((deployment, index) => (
          <DeploymentFields
            key={index}
            index={index}
            deployment={deployment}
            options={options}
            problems={problems}
            onChange={changed =>
              set({
                deployments: draft.deployments.map((d, i) =>
                  i === index ? changed : d,
                ),
              })
            }
            onRemove={
              draft.deployments.length > 1
                ? () =>
                    set({
                      deployments: draft.deployments.filter(
                        (_, i) => i !== index,
                      ),
                    })
                : undefined
            }
          />
        ))}
        <div>
          <Button
            variant="secondary"
            onPress={() =>
              set({ deployments: [...draft.deployments, emptyDeployment()] })
            }
          >
            Add deployment
          </Button>
        </div>
        <Text as="h3" variant="title-x-small">
          SaaS seats
        </Text>
        <SaasFields
          saas={draft.saas}
          options={options}
          problems={problems}
          onChange={saas => set({ saas })}
        />
        <Text as="h3" variant="title-x-small">
          Own estimate
        </Text>
        <Flex gap="3" style={WRAP}>
          <TextField
            label="Own monthly estimate"
            description="Optional; the checks compute their own from prices you already pay."
            inputMode="decimal"
            value={draft.estimateAmount}
            onChange={estimateAmount => set({ estimateAmount })}
            {...fieldProblem(problems['estimatedMonthlyCost.amount'])}
          />
          <TextField
            label="Currency"
            value={draft.estimateCurrency}
            onChange={estimateCurrency => set({ estimateCurrency })}
            {...fieldProblem(problems['estimatedMonthlyCost.currency'])}
          />
        </Flex>
        <Flex gap="2">
          <Button type="submit" variant="primary" isPending={sending}>
            {request ? 'Save changes' : 'File request'}
          </Button>
          <Button variant="secondary" onPress={onCancel}>
            Cancel
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
