import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityLicenseUsage } from '@finops-itam/plugin-finops-itam-common';
import { formatAmount } from '../../lib';
import { LicenseReasons } from './LicenseReasons';
import { monthlyCostsOf } from './licenseTotals';
import {
  FLAG_LABELS,
  MODEL_LABELS,
  metricLabel,
  requiredQuantity,
} from './licenseLabels';
import { ToneChip } from './ToneChip';

const useStyles = makeStyles(theme => ({
  // Short columns keep their words whole; the "how it was counted" column takes the rest.
  compact: { whiteSpace: 'nowrap' },
  product: { minWidth: theme.spacing(20) },
  // A table wider than the card scrolls inside it instead of shifting the whole page.
  scroller: { overflowX: 'auto' },
}));

function ProductCell(props: { product: EntityLicenseUsage }) {
  const { product } = props;
  return (
    <>
      {product.licenseEntityRef ? (
        <EntityRefLink entityRef={product.licenseEntityRef} hideIcon>
          {product.productName}
        </EntityRefLink>
      ) : (
        <Typography variant="body2" component="span">
          {product.productName}
        </Typography>
      )}
      <Typography variant="caption" color="textSecondary" display="block">
        {`${product.productId} · ${metricLabel(product.metric)}`}
      </Typography>
    </>
  );
}

function CoverageChip(props: { product: EntityLicenseUsage }) {
  const { product } = props;
  if (!product.covered) {
    return (
      <ToneChip
        label="Shortage"
        tone="error"
        tooltip={`${product.productName} is short of entitlements across the organisation, and this use counts toward the shortage. Your ITAM team can tell you how it will be covered.`}
      />
    );
  }
  const tooltip =
    product.model === 'license-included'
      ? 'The cloud provider licenses it as part of the price, so no entitlement is needed.'
      : `Entitlements for ${
          product.productName
        } cover what every service using it requires${
          product.status === 'surplus' ? ', with licenses to spare' : ''
        }.`;
  return <ToneChip label="Covered" tone="success" tooltip={tooltip} />;
}

/** One line per currency: amounts in two currencies are never added into one figure. */
function MonthlyCostCell(props: { product: EntityLicenseUsage }) {
  const { model } = props.product;
  const costs = monthlyCostsOf(props.product);
  if (costs.length > 0) {
    return (
      <>
        {costs.map(cost => (
          <Typography
            key={cost.currency}
            variant="body2"
            component="span"
            display="block"
          >
            {formatAmount(cost.amount, cost.currency)}
          </Typography>
        ))}
      </>
    );
  }
  return (
    <Typography variant="body2" color="textSecondary" component="span">
      {model === 'license-included' ? 'in the cloud cost' : '—'}
    </Typography>
  );
}

/** The backend's message may or may not end a sentence; the explanation follows it. */
function withoutFinalStop(message: string): string {
  return message.trim().replace(/\.$/, '');
}

function FlagChips(props: { product: EntityLicenseUsage }) {
  const { flags } = props.product;
  if (flags.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary" component="span">
        None
      </Typography>
    );
  }
  return (
    <>
      {flags.map((flag, index) => {
        const known = FLAG_LABELS[flag.kind];
        return (
          <ToneChip
            key={`${flag.kind}-${index}`}
            label={known?.label ?? flag.kind}
            tone={known?.tone ?? 'warning'}
            tooltip={
              known
                ? `${withoutFinalStop(flag.message)}. ${known.explanation}`
                : flag.message
            }
          />
        );
      })}
    </>
  );
}

/**
 * One row per licensed product the entity consumes: what it needs and why, how it is
 * licensed, whether entitlements cover it, its monthly cost share and its flags.
 */
export function LicenseUsageTable(props: {
  entityName: string;
  products: EntityLicenseUsage[];
}) {
  const { entityName, products } = props;
  const classes = useStyles();
  return (
    <div className={classes.scroller}>
      <Table
        size="small"
        aria-label={`Licensed products used by ${entityName}`}
      >
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Product
            </TableCell>
            <TableCell component="th" scope="col">
              Required, and how it was counted
            </TableCell>
            <TableCell component="th" scope="col">
              Licensing
            </TableCell>
            <TableCell component="th" scope="col">
              Coverage
            </TableCell>
            <TableCell
              component="th"
              scope="col"
              align="right"
              className={classes.compact}
            >
              Monthly cost
            </TableCell>
            <TableCell component="th" scope="col" className={classes.compact}>
              Flags
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {products.map(product => {
            const model = MODEL_LABELS[product.model];
            return (
              <TableRow key={`${product.productId}-${product.model}`}>
                <TableCell
                  component="th"
                  scope="row"
                  className={classes.product}
                >
                  <ProductCell product={product} />
                </TableCell>
                <TableCell>
                  <Typography variant="body2">
                    {requiredQuantity(product.metric, product.required)}
                  </Typography>
                  <LicenseReasons
                    productName={product.productName}
                    reasons={product.reasons}
                  />
                </TableCell>
                <TableCell>
                  <ToneChip
                    label={model?.label ?? product.model}
                    tone={model?.tone ?? 'default'}
                    tooltip={model?.explanation ?? product.model}
                  />
                </TableCell>
                <TableCell>
                  <CoverageChip product={product} />
                </TableCell>
                <TableCell align="right" className={classes.compact}>
                  <MonthlyCostCell product={product} />
                </TableCell>
                <TableCell className={classes.compact}>
                  <FlagChips product={product} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
