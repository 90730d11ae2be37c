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
import { byolBreaches, coveredByLines } from './licenseRights';

const useStyles = makeStyles(theme => ({
  // Short columns keep their words whole; the "how it was counted" column takes the rest.
  compact: { whiteSpace: 'nowrap' },
  product: { minWidth: theme.spacing(20) },
  // A table wider than the card scrolls inside it instead of shifting the whole page.
  scroller: { overflowX: 'auto' },
  sources: { listStyle: 'none', margin: 0, padding: 0, whiteSpace: 'nowrap' },
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

/** Use that came with the cloud bill alone, so it needs no entitlement. */
function onlyLicenseIncluded(product: EntityLicenseUsage): boolean {
  return (
    product.sources.length > 0 &&
    product.sources.every(source => source.model === 'license-included')
  );
}

function CoverageChip(props: { product: EntityLicenseUsage }) {
  const { product } = props;
  const breaches = byolBreaches(product);
  if (breaches.length > 0) {
    return (
      <ToneChip
        label="Not covered: BYOL rights"
        tone="error"
        tooltip={`${breaches
          .map(flag => withoutFinalStop(flag.message))
          .join(
            '; ',
          )}. A deployment outside its license rights is non-compliant whatever the licenses on hand; move it or change how it is licensed.`}
      />
    );
  }
  if (!product.covered) {
    return (
      <ToneChip
        label="Shortage"
        tone="error"
        tooltip={`${product.productName} is short of entitlements across the organisation, and this use counts toward the shortage. Your ITAM team can tell you how it will be covered.`}
      />
    );
  }
  const tooltip = onlyLicenseIncluded(product)
    ? 'The cloud provider licenses it as part of the price, so no entitlement is needed.'
    : `Entitlements for ${
        product.productName
      } cover what every service using it requires${
        product.status === 'surplus' ? ', with licenses to spare' : ''
      }.`;
  return <ToneChip label="Covered" tone="success" tooltip={tooltip} />;
}

/** Coverage, and which other products' entitlements cover part of it (edition conversions). */
function CoverageCell(props: { product: EntityLicenseUsage }) {
  return (
    <>
      <CoverageChip product={props.product} />
      {coveredByLines(props.product).map(line => (
        <Typography
          key={line}
          variant="caption"
          color="textSecondary"
          display="block"
        >
          {line}
        </Typography>
      ))}
    </>
  );
}

/** One line per currency: amounts in two currencies are never added into one figure. */
function MonthlyCostCell(props: { product: EntityLicenseUsage }) {
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
      {onlyLicenseIncluded(props.product) ? 'in the cloud cost' : '—'}
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
 * What the entity needs entitlements for, and apart from it what came with the cloud bill:
 * `16 core licenses` and `4 license included`.
 */
function RequiredQuantity(props: { product: EntityLicenseUsage }) {
  const { metric, required, licenseIncluded } = props.product;
  if (onlyLicenseIncluded(props.product)) {
    return (
      <Typography variant="body2">
        {`${requiredQuantity(metric, licenseIncluded)}, license included`}
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2">
        {requiredQuantity(metric, required)}
      </Typography>
      {licenseIncluded > 0 && (
        <Typography variant="caption" color="textSecondary" display="block">
          {`and ${licenseIncluded} license included`}
        </Typography>
      )}
    </>
  );
}

/**
 * Where the product's use comes from, one line per source with what it adds: BYOL or
 * license-included cost data, a catalog declaration, a seat import.
 */
function LicenseSources(props: { product: EntityLicenseUsage }) {
  const { product } = props;
  const classes = useStyles();
  return (
    <ul
      className={classes.sources}
      aria-label={`Sources of ${product.productName}`}
    >
      {product.sources.map(source => {
        const model = MODEL_LABELS[source.model];
        return (
          <li key={source.model}>
            <ToneChip
              label={model?.label ?? source.model}
              tone={model?.tone ?? 'default'}
              tooltip={model?.explanation ?? source.model}
            />{' '}
            <Typography variant="caption" component="span">
              {requiredQuantity(product.metric, source.required)}
            </Typography>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * One row per licensed product the entity consumes, whatever its sources: what it needs
 * and why, how it is licensed (each source with what it adds), whether entitlements cover
 * it, its monthly cost share and its flags.
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
            return (
              <TableRow key={product.productId}>
                <TableCell
                  component="th"
                  scope="row"
                  className={classes.product}
                >
                  <ProductCell product={product} />
                </TableCell>
                <TableCell>
                  <RequiredQuantity product={product} />
                  <LicenseReasons
                    productName={product.productName}
                    reasons={product.sources.flatMap(source => source.reasons)}
                  />
                </TableCell>
                <TableCell>
                  <LicenseSources product={product} />
                </TableCell>
                <TableCell>
                  <CoverageCell product={product} />
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
