import Typography from '@material-ui/core/Typography';
import { EntityLicenseUsage } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount } from '../../lib';
import { monthlyCostByCurrency } from './licenseTotals';
import { byolBreaches } from './licenseRights';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One line that says what matters before the table: how many products, shortages, flags and the monthly cost. */
export function LicensesSummary(props: { products: EntityLicenseUsage[] }) {
  const { products } = props;
  // A deployment outside its BYOL rights is not covered, but buying licenses will not fix it.
  const outsideRights = products.filter(
    product => byolBreaches(product).length > 0,
  ).length;
  const shortages = products.filter(
    product => !product.covered && byolBreaches(product).length === 0,
  ).length;
  const flagged = products.filter(product => product.flags.length > 0).length;
  const costs = monthlyCostByCurrency(products);

  const parts = [
    plural(products.length, 'licensed product', 'licensed products'),
    ...(shortages > 0
      ? [`${plural(shortages, 'product', 'products')} short of entitlements`]
      : []),
    ...(outsideRights > 0
      ? [`${plural(outsideRights, 'product', 'products')} outside BYOL rights`]
      : []),
    ...(shortages + outsideRights === 0 ? ['all covered'] : []),
    ...(flagged > 0
      ? [`${plural(flagged, 'product', 'products')} flagged`]
      : []),
    costs.length > 0
      ? `license cost ${costs
          .map(cost => formatAmount(cost.amount, cost.currency))
          .join(' and ')} per month`
      : 'no license cost share',
  ];

  return (
    <Typography variant="body1" data-testid="finops-itam-licenses-summary">
      {parts.join(' · ')}
    </Typography>
  );
}
