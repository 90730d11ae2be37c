import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Alert, Button, Flex, Text } from '@backstage/ui';
import { finopsItamApiRef } from '../../api';
import { downloadTextFile } from '../../lib';
import { isForbiddenError } from '../AccessDenied';
import { SimpleSelect } from '../FormFields';
import { GlossaryTerm } from '../GlossaryTerm';
import { monthLabel, recentMonths } from './finopsPeriod';

/**
 * Downloads a month's chargeback (allocated cost per cost center) as the backend's CSV,
 * through the API client so the request carries the user's token.
 */
export function ChargebackTab(props: { today: string; month: string }) {
  const api = useApi(finopsItamApiRef);
  const [month, setMonth] = useState(props.month);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string>();

  async function download() {
    setSending(true);
    setFailure(undefined);
    try {
      const csv = await api.getChargebackCsv(month);
      downloadTextFile(`chargeback-${month}.csv`, csv);
    } catch (error) {
      setFailure(
        isForbiddenError(error as Error)
          ? "You don't have access to chargeback data. Ask your FinOps team for access."
          : `Could not download the chargeback for ${month}: ${
              (error as Error).message
            }`,
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <Flex direction="column" gap="3">
      <Text as="h2" variant="title-small">
        <GlossaryTerm term="chargeback">Chargeback</GlossaryTerm> export
      </Text>
      <Text as="p" variant="body-medium" color="secondary">
        Allocated cost of a month per cost center, one line per cost center and
        currency, for finance to book. Without booking it is{' '}
        <GlossaryTerm term="showback">showback</GlossaryTerm>.
      </Text>
      <Flex align="end" gap="3">
        <SimpleSelect
          label="Month"
          value={month}
          choices={recentMonths(props.today).map(m => ({
            id: m,
            label: monthLabel(m),
          }))}
          onChange={m => setMonth(m || props.month)}
        />
        <Button variant="secondary" onPress={download} isDisabled={sending}>
          {sending ? 'Downloading…' : 'Download CSV'}
        </Button>
      </Flex>
      {failure && <Alert status="danger" title={failure} />}
    </Flex>
  );
}
