import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_COST_ACCOUNTS,
  ANNOTATION_COST_RESOURCES,
  ANNOTATION_COST_TAGS,
} from '@finops-itam/plugin-finops-itam-common';
import { CostMapping } from '../../lib';
import { AnnotationExample } from '../AnnotationExample';

/**
 * Tells the user how costs reach this entity: the mapping annotations it already has (and
 * whether they matched anything), or the annotation to add when it has none.
 */
export function CostMappingHint(props: {
  entityName: string;
  mappings: CostMapping[];
  /** False when no cost row maps to the entity in the period shown. */
  mapped: boolean;
  /** The backend's suggested annotation, e.g. `finops-itam.io/cost-tags: application=checkout`. */
  suggestion?: string;
}) {
  const { entityName, mappings, mapped, suggestion } = props;

  if (mappings.length > 0) {
    return (
      <Box>
        <Typography variant="body2" id="finops-itam-cost-mappings">
          {mapped
            ? 'Costs are mapped to this entity by:'
            : 'These annotations match no cost rows in this period:'}
        </Typography>
        <List dense aria-labelledby="finops-itam-cost-mappings">
          {mappings.map(mapping => (
            <ListItem key={mapping.annotation} disableGutters>
              <ListItemText
                primary={`${mapping.annotation}: ${mapping.value}`}
                primaryTypographyProps={{
                  style: {
                    fontFamily: 'monospace',
                    whiteSpace: 'normal',
                    overflowWrap: 'anywhere',
                  },
                }}
                secondary={
                  mapping.unusedBecause ? (
                    <>
                      {mapping.description}:{' '}
                      <Typography
                        component="span"
                        variant="body2"
                        color="error"
                      >
                        {mapping.unusedBecause}
                      </Typography>
                    </>
                  ) : (
                    mapping.description
                  )
                }
              />
            </ListItem>
          ))}
        </List>
        {!mapped && suggestion && (
          <>
            <Typography variant="body2" paragraph>
              Check the tag values against your cost data, or try for example:
            </Typography>
            <AnnotationExample annotation={suggestion} />
          </>
        )}
      </Box>
    );
  }

  return (
    <Box>
      <Typography variant="body2" paragraph>
        No annotation maps costs to {entityName} yet. Add one to its
        catalog-info.yaml, for example:
      </Typography>
      <AnnotationExample
        annotation={
          suggestion ??
          `${ANNOTATION_COST_TAGS}: application=${entityName},environment=prod`
        }
      />
      <Typography variant="body2" color="textSecondary">
        {`Costs can also be mapped by resource id or name patterns (${ANNOTATION_COST_RESOURCES}) or by whole accounts (${ANNOTATION_COST_ACCOUNTS}).`}
      </Typography>
    </Box>
  );
}
