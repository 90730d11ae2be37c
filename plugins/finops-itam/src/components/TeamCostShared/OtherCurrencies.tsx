import Typography from '@material-ui/core/Typography';
import { TeamCurrencyTotal } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount } from '../../lib';

/**
 * Cost in currencies other than the page's, listed beside its figures: never converted, never
 * added, but never silently left out either. Renders nothing when there is none.
 */
export function OtherCurrencies(props: {
  totals?: TeamCurrencyTotal[];
  /** `sentence` under a headline, `caption` under a table amount. */
  variant?: 'sentence' | 'caption';
}) {
  const { totals, variant = 'sentence' } = props;
  if (!totals || totals.length === 0) return null;
  const amounts = totals
    .map(other => formatAmount(other.total, other.currency))
    .join(', ');
  if (variant === 'caption') {
    return (
      <Typography variant="caption" color="textSecondary" display="block">
        {`+ ${amounts}`}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" color="textSecondary" paragraph>
      {`Also in other currencies, neither converted nor included above: ${amounts}`}
    </Typography>
  );
}
