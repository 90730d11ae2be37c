import { Dialog, DialogBody, DialogHeader, Flex } from '@backstage/ui';
import { Anomaly } from '@finops-itam/plugin-finops-itam-common';
import { AnomalyFacts } from './AnomalyFacts';
import { AnomalyStatusActions } from './AnomalyStatusActions';
import { anomalyMarkerName } from './anomalyWords';

/**
 * An anomaly's details in a dialog: actual, expected, impact, drivers and the status
 * actions. Closes with Escape or its close button, and focus returns to what opened it.
 */
export function AnomalyDialog(props: {
  anomaly: Anomaly | undefined;
  onClose: () => void;
  onChanged: (updated: Anomaly) => void;
}) {
  const { anomaly, onClose, onChanged } = props;
  return (
    <Dialog
      isOpen={Boolean(anomaly)}
      onOpenChange={open => !open && onClose()}
      width={480}
    >
      {anomaly && (
        <>
          <DialogHeader>{anomalyMarkerName(anomaly)}</DialogHeader>
          <DialogBody>
            <Flex direction="column" gap="4">
              <AnomalyFacts anomaly={anomaly} />
              <AnomalyStatusActions anomaly={anomaly} onChanged={onChanged} />
            </Flex>
          </DialogBody>
        </>
      )}
    </Dialog>
  );
}
