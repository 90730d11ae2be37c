import { ReactNode } from 'react';
import { Flex, Text } from '@backstage/ui';
import { BudgetStatusEntry } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount, formatPeriod } from '../../lib';
import { BudgetStatusWord } from './BudgetStatusWord';
import { formatVariance } from './budgetStatusWords';

function Figure(props: { term: string; children: ReactNode }) {
  return (
    // A `dl` may group each term with its value in a `div`.
    <Flex justify="between" gap="2">
      <dt>
        <Text as="span" variant="body-medium" color="secondary">
          {props.term}
        </Text>
      </dt>
      <dd style={{ margin: 0, textAlign: 'right' }}>
        <Text as="span" variant="body-medium">
          {props.children}
        </Text>
      </dd>
    </Flex>
  );
}

const SCOPE_WORDS = {
  'all-in': 'all-in',
  cloud: 'cloud only',
  licenses: 'licenses only',
};

/**
 * A budget's figures: status, budget, actual to date, the period's forecast with its band,
 * variance, and what its child budgets leave unbudgeted. Amounts are in the budget's
 * currency; cost in other currencies is listed, never converted.
 */
export function BudgetFigures(props: {
  entry: BudgetStatusEntry & {
    budget: NonNullable<BudgetStatusEntry['budget']>;
  };
}) {
  const { entry } = props;
  const { budget } = entry;
  const money = (amount: string) => formatAmount(amount, budget.currency);
  const period =
    entry.periodStart && entry.periodEnd
      ? formatPeriod(entry.periodStart, entry.periodEnd)
      : budget.start;

  return (
    <Flex direction="column" gap="2">
      <Flex align="center" gap="2">
        <Text as="span" variant="body-medium">
          Status:
        </Text>
        {entry.status ? (
          <BudgetStatusWord status={entry.status} />
        ) : (
          <Text as="span" variant="body-medium" color="secondary">
            {entry.message ?? 'No status'}
          </Text>
        )}
      </Flex>
      <Text as="p" variant="body-small" color="secondary">
        {`${period}, ${SCOPE_WORDS[budget.scope]}${
          entry.through ? `, actual through ${entry.through}` : ''
        }`}
      </Text>
      <dl style={{ margin: 0 }}>
        <Figure term="Budget">{money(budget.amount)}</Figure>
        <Figure term="Actual">
          {entry.actual
            ? formatAmount(entry.actual.amount, entry.actual.currency)
            : '—'}
        </Figure>
        <Figure term="Forecast">
          {entry.forecast
            ? `${money(entry.forecast.expected)} (${money(
                entry.forecast.low,
              )} – ${money(entry.forecast.high)})`
            : '—'}
        </Figure>
        <Figure term="Variance">
          {entry.variance === null ? '—' : formatVariance(entry.variance)}
          {entry.forecastVariance !== null &&
            ` · forecast ${formatVariance(entry.forecastVariance)}`}
        </Figure>
        {entry.unbudgeted && (
          <Figure term="Unbudgeted">
            {formatAmount(entry.unbudgeted.amount, entry.unbudgeted.currency)}
          </Figure>
        )}
      </dl>
      {entry.otherCurrencies.length > 0 && (
        <Text as="p" variant="body-small" color="secondary">
          {`Also cost in other currencies, not counted: ${entry.otherCurrencies
            .map(other => formatAmount(other.amount, other.currency))
            .join(', ')}`}
        </Text>
      )}
    </Flex>
  );
}
