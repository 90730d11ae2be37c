import { CodeSnippet } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { DeclaredLicenses } from '../../lib';
import { DeclaredLicensesHint } from './DeclaredLicensesHint';

/**
 * The default tag keys the backend reads on cost rows. They are configurable, so the text
 * says "by default"; they use only characters every cloud accepts in tag keys.
 */
const PRODUCT_TAG = 'license-product';
const MODEL_TAG = 'license-model';

/** The two ways licensed software reaches an entity, with an example of each. */
export function LicensesSetupHint(props: {
  entityName: string;
  declared: DeclaredLicenses;
}) {
  const { entityName, declared } = props;
  return (
    <Box maxWidth={720}>
      <Typography variant="h6" component="h3" gutterBottom>
        Tag the cloud resources that run licensed software
      </Typography>
      <Typography variant="body2" paragraph>
        {`Resources whose costs map to ${entityName} are counted when they carry these tags (the default tag keys), with a product id from the product catalog and ${MODEL_TAG} set to byol or license-included:`}
      </Typography>
      <CodeSnippet
        language="text"
        showCopyCodeButton
        text={[
          `${PRODUCT_TAG}=microsoft-sql-server-enterprise`,
          `${MODEL_TAG}=byol`,
        ].join('\n')}
      />
      <Box mt={3}>
        <Typography variant="h6" component="h3" gutterBottom>
          Or declare software the cloud bill does not show
        </Typography>
        <DeclaredLicensesHint entityName={entityName} declared={declared} />
      </Box>
    </Box>
  );
}
