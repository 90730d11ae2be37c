import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Button,
  Flex,
  Radio,
  RadioGroup,
  Text,
  TextAreaField,
} from '@backstage/ui';
import {
  Anomaly,
  AnomalyResolution,
  AnomalyStatusInput,
} from '@finops-itam/plugin-finops-itam-common';
import { finopsItamApiRef } from '../../api';
import { isForbiddenError } from '../AccessDenied';
import { RESOLUTION_WORDS } from './anomalyWords';

const RESOLUTIONS: AnomalyResolution[] = [
  'expected',
  'fixed',
  'false-positive',
];

/**
 * The workflow moves an anomaly allows: acknowledge an open one, resolve an open or
 * acknowledged one with a resolution and a note, reopen an acknowledged or resolved one.
 * The backend keeps every move for the retrospective.
 */
export function AnomalyStatusActions(props: {
  anomaly: Anomaly;
  onChanged: (updated: Anomaly) => void;
}) {
  const { anomaly, onChanged } = props;
  const api = useApi(finopsItamApiRef);
  const [resolving, setResolving] = useState(false);
  const [resolution, setResolution] = useState<AnomalyResolution | ''>('');
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const send = async (input: AnomalyStatusInput) => {
    setPending(true);
    setProblem(undefined);
    try {
      const updated = await api.setAnomalyStatus(anomaly.id, input);
      setResolving(false);
      onChanged(updated);
    } catch (error) {
      setProblem(
        isForbiddenError(error as Error)
          ? 'You may not change the status of anomalies; ask your FinOps team for finops-itam.anomaly.manage.'
          : `Could not change the status: ${(error as Error).message}`,
      );
    } finally {
      setPending(false);
    }
  };

  if (resolving) {
    return (
      <Flex direction="column" gap="3">
        <RadioGroup
          label="Resolution"
          isRequired
          value={resolution}
          onChange={value => setResolution(value as AnomalyResolution)}
        >
          {RESOLUTIONS.map(option => (
            <Radio key={option} value={option}>
              {RESOLUTION_WORDS[option]}
            </Radio>
          ))}
        </RadioGroup>
        <TextAreaField
          label="Note"
          description="What happened, for the retrospective"
          value={note}
          onChange={setNote}
        />
        {problem && (
          <Text as="p" variant="body-small" color="danger" role="alert">
            {problem}
          </Text>
        )}
        <Flex gap="2">
          <Button
            variant="primary"
            isDisabled={!resolution || pending}
            onPress={() =>
              resolution &&
              send({
                status: 'resolved',
                resolution,
                ...(note.trim() ? { note: note.trim() } : {}),
              })
            }
          >
            Resolve anomaly
          </Button>
          <Button variant="secondary" onPress={() => setResolving(false)}>
            Cancel
          </Button>
        </Flex>
      </Flex>
    );
  }

  return (
    <Flex direction="column" gap="2">
      {problem && (
        <Text as="p" variant="body-small" color="danger" role="alert">
          {problem}
        </Text>
      )}
      <Flex gap="2">
        {anomaly.status === 'open' && (
          <Button
            variant="secondary"
            isDisabled={pending}
            onPress={() => send({ status: 'acknowledged' })}
          >
            Acknowledge
          </Button>
        )}
        {anomaly.status !== 'resolved' && (
          <Button
            variant="secondary"
            isDisabled={pending}
            onPress={() => setResolving(true)}
          >
            Resolve
          </Button>
        )}
        {anomaly.status !== 'open' && (
          <Button
            variant="secondary"
            isDisabled={pending}
            onPress={() => send({ status: 'open' })}
          >
            Reopen
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
