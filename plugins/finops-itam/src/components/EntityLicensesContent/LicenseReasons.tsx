import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { LicenseRequirementReason } from '@finops-itam/plugin-finops-itam-common';
import { SOURCE_LABELS } from './licenseLabels';

/** Reasons shown before "Show all": enough for most services, short enough to scan the table. */
const INITIALLY_SHOWN = 3;

const useStyles = makeStyles(theme => ({
  list: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2) },
  resource: { fontFamily: 'monospace', wordBreak: 'break-all' },
  // Cloud resource ids (Azure ones run to 150 characters) are cut to one short line; the
  // whole id is in the title, and in the text for screen readers and copying.
  resourceId: {
    fontFamily: 'monospace',
    display: 'inline-block',
    maxWidth: '24ch',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    verticalAlign: 'bottom',
  },
}));

function ReasonText(props: { reason: LicenseRequirementReason }) {
  const classes = useStyles();
  const { reason } = props;
  const resource = reason.resourceName ?? reason.resourceId;
  return (
    <>
      {/* Set when a System or Domain sums its members: which member runs it. */}
      {reason.entityRef && (
        <>
          <EntityRefLink entityRef={reason.entityRef} hideIcon />
          {' · '}
        </>
      )}
      {resource && (
        <>
          <span className={classes.resource}>{resource}</span>
          {reason.resourceName && reason.resourceId && (
            <>
              {' ('}
              <span className={classes.resourceId} title={reason.resourceId}>
                {reason.resourceId}
              </span>
              )
            </>
          )}
          {': '}
        </>
      )}
      {reason.rule}
      {` · from ${SOURCE_LABELS[reason.source] ?? reason.source}`}
    </>
  );
}

/**
 * How the required quantity was counted: one line per deployment with the rule applied,
 * e.g. `orders-db-1 (i-0abc): 7 vCPUs → 8 core licenses: 2-core packs`.
 */
export function LicenseReasons(props: {
  productName: string;
  reasons: LicenseRequirementReason[];
}) {
  const classes = useStyles();
  const { productName, reasons } = props;
  const [expanded, setExpanded] = useState(false);
  if (reasons.length === 0) {
    return null;
  }
  const shown = expanded ? reasons : reasons.slice(0, INITIALLY_SHOWN);
  const hidden = reasons.length - shown.length;

  return (
    <Box>
      <Typography
        variant="caption"
        color="textSecondary"
        component="ul"
        className={classes.list}
        aria-label={`How ${productName} was counted`}
      >
        {shown.map((reason, index) => (
          <li key={`${reason.resourceId ?? reason.source}-${index}`}>
            <ReasonText reason={reason} />
          </li>
        ))}
      </Typography>
      {(hidden > 0 || expanded) && reasons.length > INITIALLY_SHOWN && (
        <Button
          size="small"
          color="primary"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show fewer' : `Show all ${reasons.length} deployments`}
        </Button>
      )}
    </Box>
  );
}
