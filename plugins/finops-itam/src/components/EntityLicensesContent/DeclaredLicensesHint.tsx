import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ANNOTATION_LICENSES } from '@finops-itam/plugin-finops-itam-common';
import { DeclaredLicenses } from '../../lib';
import { AnnotationExample } from '../AnnotationExample';

const LICENSES_EXAMPLE = `${ANNOTATION_LICENSES}: microsoft-sql-server-enterprise=8,rhel=2`;

/**
 * Shows the licensed products an entity declares, what is wrong with the declaration, or
 * the annotation to declare them with.
 */
export function DeclaredLicensesHint(props: {
  entityName: string;
  declared: DeclaredLicenses;
}) {
  const { entityName, declared } = props;

  if (!declared.declared) {
    return (
      <Box>
        <Typography variant="body2" paragraph>
          No licensed products are declared for {entityName}. Declare products
          and quantities in the {ANNOTATION_LICENSES} annotation of its
          catalog-info.yaml, for example:
        </Typography>
        <AnnotationExample annotation={LICENSES_EXAMPLE} />
      </Box>
    );
  }

  if ('errors' in declared) {
    return (
      <Box>
        <Typography variant="body2" id="finops-itam-license-errors">
          {`The ${ANNOTATION_LICENSES} annotation of ${entityName} cannot be read:`}
        </Typography>
        <List dense aria-labelledby="finops-itam-license-errors">
          {declared.errors.map(error => (
            <ListItem key={error} disableGutters>
              <ListItemText
                primary={error}
                primaryTypographyProps={{ color: 'error' }}
              />
            </ListItem>
          ))}
        </List>
        <Typography variant="body2" paragraph>
          Fix it in its catalog-info.yaml, for example:
        </Typography>
        <AnnotationExample annotation={LICENSES_EXAMPLE} />
      </Box>
    );
  }

  return (
    <Box>
      <Typography variant="body2" paragraph>
        {`${entityName} declares these licensed products in ${ANNOTATION_LICENSES}, but the finops-itam backend reports no license use for it yet. License use is recomputed on a schedule, so a recent change may take a while to appear.`}
      </Typography>
      <Table size="small" aria-label={`Licenses declared by ${entityName}`}>
        <TableHead>
          <TableRow>
            <TableCell>Product</TableCell>
            <TableCell align="right">Declared quantity</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {declared.licenses.map(license => (
            <TableRow key={license.productId}>
              <TableCell component="th" scope="row">
                {license.productId}
              </TableCell>
              <TableCell align="right">{license.quantity}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
