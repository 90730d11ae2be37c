import { Text } from '@backstage/ui';

/** What to do when an entity has no budget for the period. */
export function NoBudgetHint(props: {
  entityRef: string;
  message?: string | null;
}) {
  return (
    <>
      <Text as="p" variant="body-medium" weight="bold">
        No budget
      </Text>
      <Text as="p" variant="body-small" color="secondary">
        {props.message ? `${props.message} ` : ''}
        {`Add one for ${props.entityRef} under finopsItam.budgets in app-config, in a budget source file, or with PUT /api/finops-itam/budgets.`}
      </Text>
    </>
  );
}
