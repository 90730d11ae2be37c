import { useState } from 'react';
import { Flex } from '@backstage/ui';
import { OnboardingQueue } from '../OnboardingQueue';
import { OnboardingRequestDetail } from '../OnboardingRequestDetail';
import { OnboardingRequestForm } from '../OnboardingRequestForm';

/**
 * The Onboarding tab: the review queue, and below it the open request or the filing form.
 * Which one is shown lives in the page query (`?request=`, `?new=1&entityRef=`), so links
 * from notifications, the scaffolder and the Onboarding card land on it.
 */
export function OnboardingTab(props: {
  requestId?: string;
  newFor?: string;
  onOpen: (id: string) => void;
  onNew: () => void;
  onClose: () => void;
}) {
  const { requestId, newFor, onOpen, onNew, onClose } = props;
  // Bumped after a filing or a decision, so the queue shows the new status.
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey(key => key + 1);

  return (
    <Flex direction="column" gap="4">
      <OnboardingQueue onOpen={onOpen} onNew={onNew} reloadKey={reloadKey} />
      {newFor !== undefined && (
        <OnboardingRequestForm
          entityRef={newFor}
          onFiled={request => {
            reload();
            onOpen(request.id);
          }}
          onCancel={onClose}
        />
      )}
      {newFor === undefined && requestId && (
        <OnboardingRequestDetail
          key={requestId}
          id={requestId}
          onChanged={reload}
          onClose={onClose}
        />
      )}
    </Flex>
  );
}
