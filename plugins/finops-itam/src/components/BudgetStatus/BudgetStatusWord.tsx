import { Text } from '@backstage/ui';
import { BudgetStatus } from '@finops-itam/plugin-finops-itam-common';
import { BUDGET_STATUS_TONES, BUDGET_STATUS_WORDS } from './budgetStatusWords';

/** A budget's status as its word in the status colour, e.g. "At risk". */
export function BudgetStatusWord(props: { status: BudgetStatus }) {
  return (
    <Text
      as="span"
      variant="body-medium"
      weight="bold"
      color={BUDGET_STATUS_TONES[props.status]}
      data-testid="finops-itam-budget-status"
    >
      {BUDGET_STATUS_WORDS[props.status]}
    </Text>
  );
}
