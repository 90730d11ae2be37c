import { FormEvent, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Alert,
  Button,
  Flex,
  Text,
  TextAreaField,
  ToggleButton,
} from '@backstage/ui';
import {
  OnboardingDecisionKind,
  OnboardingRequestDetail,
} from '@finops-itam/plugin-finops-itam-common';
import { finopsItamApiRef, OnboardingProblemsError } from '../../api';
import { AccountableFor } from '../Accountability';
import { fieldProblem } from '../FormFields';
import { CHECK_LABELS } from '../OnboardingChecks';

const CHOICES: { decision: OnboardingDecisionKind; label: string }[] = [
  { decision: 'approve', label: 'Approve' },
  { decision: 'reject', label: 'Reject' },
  { decision: 'request-changes', label: 'Request changes' },
];

type Problems = Partial<Record<'decision' | 'reason' | 'exception', string>>;

/**
 * The reviewer's decision on an open request: approve, reject or request changes, with a
 * reason. Approving despite a failed check asks for an exception reason, which is recorded
 * with the decision; the backend refuses the approval without it.
 */
export function OnboardingDecisionForm(props: {
  request: OnboardingRequestDetail;
  onDecided: (request: OnboardingRequestDetail) => void;
}) {
  const { request, onDecided } = props;
  const api = useApi(finopsItamApiRef);
  const [decision, setDecision] = useState<OnboardingDecisionKind>();
  const [reason, setReason] = useState('');
  const [exception, setException] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [otherProblems, setOtherProblems] = useState<string[]>([]);
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);

  const failedChecks = request.checks.filter(check => check.status === 'fail');
  const needsException = decision === 'approve' && failedChecks.length > 0;
  // A check can fail after the page loaded (the checks rerun when entitlements change): the
  // backend then asks for the exception, and the field appears with its reason.
  const showException =
    decision === 'approve' && (needsException || Boolean(problems.exception));

  function findProblems(): Problems {
    const found: Problems = {};
    if (!decision)
      found.decision = 'Choose approve, reject or request changes.';
    if (!reason.trim())
      found.reason = 'Say why, for the requester and the audit trail.';
    if (needsException && !exception.trim()) {
      found.exception =
        'A check failed: say why the request is approved anyway.';
    }
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = findProblems();
    setProblems(found);
    setOtherProblems([]);
    setFailure(undefined);
    if (Object.keys(found).length > 0 || !decision) {
      return;
    }
    setSending(true);
    try {
      const decided = await api.decideOnboardingRequest(request.id, {
        decision,
        reason: reason.trim(),
        ...(showException && exception.trim()
          ? { exception: exception.trim() }
          : {}),
      });
      onDecided(decided);
    } catch (error) {
      if (error instanceof OnboardingProblemsError) {
        const byField: Problems = {};
        const rest: string[] = [];
        for (const problem of error.problems) {
          if (
            problem.field === 'decision' ||
            problem.field === 'reason' ||
            problem.field === 'exception'
          ) {
            byField[problem.field] = problem.reason;
          } else {
            rest.push(`${problem.field}: ${problem.reason}`);
          }
        }
        setProblems(byField);
        setOtherProblems(rest);
        // The backend's message repeats the problems; those of the form's fields show there.
        setFailure(
          rest.length > 0 || error.problems.length === 0
            ? error.message
            : 'see the marked fields.',
        );
      } else {
        setFailure((error as Error).message);
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="onboarding-decision-heading">
      <Flex direction="column" gap="3">
        <Text as="h3" variant="title-x-small" id="onboarding-decision-heading">
          Decision
        </Text>
        <AccountableFor
          decision="onboarding-approval"
          ownerRef={request.owner}
        />
        <div role="group" aria-label="Decision">
          <Flex gap="2">
            {CHOICES.map(choice => (
              <ToggleButton
                key={choice.decision}
                isSelected={decision === choice.decision}
                onChange={selected =>
                  setDecision(selected ? choice.decision : undefined)
                }
              >
                {choice.label}
              </ToggleButton>
            ))}
          </Flex>
          {problems.decision && (
            <Text as="p" variant="body-small" color="danger">
              {problems.decision}
            </Text>
          )}
        </div>
        <TextAreaField
          label="Reason"
          isRequired
          value={reason}
          onChange={setReason}
          {...fieldProblem(problems.reason)}
        />
        {showException && (
          <TextAreaField
            label="Exception reason"
            isRequired
            description={`${
              failedChecks.length > 0
                ? `Failed: ${failedChecks
                    .map(failed => CHECK_LABELS[failed.id] ?? failed.id)
                    .join(', ')}. `
                : ''
            }The exception is recorded with your name and the time.`}
            value={exception}
            onChange={setException}
            {...fieldProblem(problems.exception)}
          />
        )}
        {failure && (
          <Alert
            status="danger"
            title={`The decision was not recorded: ${failure}`}
            description={
              otherProblems.length > 0 ? otherProblems.join('; ') : undefined
            }
          />
        )}
        <div>
          <Button type="submit" variant="primary" isPending={sending}>
            Submit decision
          </Button>
        </div>
      </Flex>
    </form>
  );
}
