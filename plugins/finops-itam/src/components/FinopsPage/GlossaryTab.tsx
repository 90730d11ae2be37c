import { useApi } from '@backstage/core-plugin-api';
import { Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { useGlossary } from '../../hooks/useGlossary';
import { AccountabilityTable } from '../Accountability';
import { GlossaryList } from '../Glossary';
import { AsyncContent } from './AsyncContent';

/** The shared vocabulary, and who decides what: the two halves of a common language. */
export function GlossaryTab() {
  const api = useApi(finopsItamApiRef);
  const glossary = useGlossary();
  const accountability = useAsync(() => api.getAccountability(), [api]);
  return (
    <Flex direction="column" gap="4">
      <Text as="h2" variant="title-small">
        Accountability
      </Text>
      <AsyncContent state={accountability} what="accountability">
        {answer => <AccountabilityTable decisions={answer.decisions} />}
      </AsyncContent>
      <Text as="h2" variant="title-small">
        Glossary
      </Text>
      <AsyncContent state={glossary} what="the glossary">
        {answer => <GlossaryList terms={answer.terms} />}
      </AsyncContent>
    </Flex>
  );
}
