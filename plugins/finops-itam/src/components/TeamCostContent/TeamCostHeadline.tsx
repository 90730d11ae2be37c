import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { TeamCostResponse } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount, formatPeriod } from '../../lib';
import { CostChange, OtherCurrencies } from '../TeamCostShared';
import { GlossaryTerm } from '../GlossaryTerm';

/** The team's all-in cost of the period in big, with its change against the period before. */
export function TeamCostHeadline(props: {
  cost: TeamCostResponse;
  currency: string;
}) {
  const { cost, currency } = props;
  return (
    <InfoCard
      title={<GlossaryTerm term="all-in-cost">All-in cost</GlossaryTerm>}
      subheader={formatPeriod(cost.from, cost.to)}
    >
      <Typography
        variant="h3"
        component="p"
        data-testid="finops-itam-team-total"
      >
        {formatAmount(cost.total, currency)}
      </Typography>
      <CostChange
        variant="body1"
        change={cost.change}
        changePercent={cost.changePercent}
        currency={currency}
        against={`${formatPeriod(
          cost.previousFrom,
          cost.previousTo,
        )} (${formatAmount(cost.previousTotal, currency)})`}
      />
      <OtherCurrencies totals={cost.otherCurrencies} />
      <Typography variant="body2" color="textSecondary" paragraph>
        Cloud cost, license cost and shares of shared costs of the Components,
        Resources and Systems this team owns.
      </Typography>
    </InfoCard>
  );
}
