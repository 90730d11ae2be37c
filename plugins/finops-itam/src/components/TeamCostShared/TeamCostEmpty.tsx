import { EmptyState } from '@backstage/core-components';
import { CompactMessage } from '../CompactMessage';
import { formatPeriod } from '../../lib';

/** What a team without cost in the period sees, and how costs reach a team. */
export function TeamCostEmpty(props: {
  teamName: string;
  from: string;
  to: string;
  /** For a card: text only, without the illustration. */
  compact?: boolean;
}) {
  const { teamName, from, to, compact } = props;
  const title = `No cost for ${teamName} in ${formatPeriod(from, to)}`;
  const description = `Costs reach a team through the Components, Resources and Systems it owns (spec.owner) whose cost annotations map cost rows to them. None of the entities ${teamName} owns had cost in this period.`;
  return compact ? (
    <CompactMessage title={title} description={description} />
  ) : (
    <EmptyState missing="data" title={title} description={description} />
  );
}
