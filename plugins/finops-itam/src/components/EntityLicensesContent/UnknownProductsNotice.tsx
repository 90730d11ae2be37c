import { WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { UnknownLicenseProductUse } from '@finops-itam/plugin-finops-itam-common';
import { SOURCE_LABELS } from './licenseLabels';

function where(use: UnknownLicenseProductUse): string {
  const resource = use.resourceName ?? use.resourceId;
  const source = SOURCE_LABELS[use.source] ?? use.source;
  return resource ? `on ${resource} (${source})` : `in the ${source}`;
}

/**
 * Product ids the entity's resources or annotation name but the product catalog does not
 * know. They cannot be counted, so they are shown rather than silently dropped: usually a
 * typo in a tag, or a product to add to the catalog.
 */
export function UnknownProductsNotice(props: {
  unknownProducts: UnknownLicenseProductUse[];
}) {
  const { unknownProducts } = props;
  if (unknownProducts.length === 0) {
    return null;
  }
  const ids = [...new Set(unknownProducts.map(use => use.productId))];
  return (
    <Box mb={2}>
      <WarningPanel
        severity="warning"
        title={`Unknown product ${
          ids.length === 1 ? 'id' : 'ids'
        }, not counted: ${ids.join(', ')}`}
        message="These license product ids are not in the product catalog, so no counting rule or entitlement applies. Fix the tag or annotation, or ask your ITAM team to add the product."
      >
        <Typography variant="body2" component="ul">
          {unknownProducts.map((use, index) => (
            <li key={`${use.productId}-${use.resourceId ?? ''}-${index}`}>
              {`${use.productId} ${where(use)}`}
            </li>
          ))}
        </Typography>
      </WarningPanel>
    </Box>
  );
}
