import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Button, Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { finopsItamApiRef } from '../../api';
import { downloadTextFile, todayUtc } from '../../lib';
import { AccessDenied, isForbiddenError } from '../AccessDenied';
import { AccountableFor } from '../Accountability';
import { budgetRows, budgetsCsv, BudgetsTable } from '../BudgetsTable';

/**
 * Every budget whose period contains today, with actual, forecast, variance and status,
 * sortable by status and variance, and exported as CSV.
 */
export function BudgetsTab() {
  const api = useApi(finopsItamApiRef);
  const { loading, error, value } = useAsync(() => api.listBudgets(), [api]);

  if (loading) {
    return <Progress aria-label="Loading the budgets" />;
  }
  if (error && isForbiddenError(error)) {
    return (
      <AccessDenied
        what="budgets"
        entityRef="this portal"
        askWhom="your FinOps team"
      />
    );
  }
  if (error || !value) {
    const cause = error ?? new Error('The backend answered with no budgets');
    return (
      <ResponseErrorPanel
        title={`Could not load the budgets: ${cause.message}`}
        error={cause}
      />
    );
  }
  const rows = budgetRows(value.items);
  if (rows.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No budgets for this period"
        description="Add budgets for teams, systems and services under finopsItam.budgets in app-config, in a budget source file, or with PUT /api/finops-itam/budgets."
      />
    );
  }
  return (
    <Flex direction="column" gap="3">
      <Flex justify="between" align="center">
        <Text as="p" variant="body-medium" color="secondary">
          {`${rows.length} ${
            rows.length === 1 ? 'budget' : 'budgets'
          } in the periods containing today`}
        </Text>
        <Button
          variant="secondary"
          onPress={() =>
            downloadTextFile(`budgets-${todayUtc()}.csv`, budgetsCsv(rows))
          }
        >
          Export CSV
        </Button>
      </Flex>
      <AccountableFor decision="budget" />
      <BudgetsTable label="Budgets" rows={rows} />
    </Flex>
  );
}
