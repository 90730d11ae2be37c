import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Popover from '@material-ui/core/Popover';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import UpdateIcon from '@material-ui/icons/Update';
import { CostSourceStatus } from '@finops-itam/plugin-finops-itam-common';
import { useCostSources } from '../../hooks/useCostSources';
import { stalestSource } from './freshness';

function lastRunText(source: CostSourceStatus): string {
  if (!source.lastRun) {
    return 'not run yet';
  }
  const rejected = source.lastRun.rows?.rejected;
  // A successful run skips only rows without cost (or within maxRejectedCost); a run that
  // would lose more money is rejected whole, and its status says so.
  const skipped =
    rejected && source.lastRun.status === 'succeeded'
      ? `${rejected} rows skipped`
      : undefined;
  const warnings = (source.lastRun.warnings ?? []).map(
    w => `${w.column} unknown in ${w.count} rows`,
  );
  return [
    `${source.lastRun.status} ${source.lastRun.at
      .slice(0, 16)
      .replace('T', ' ')} UTC`,
    skipped,
    ...warnings,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Every source with how far its data reaches and how its last run went. */
function SourceList(props: { sources: CostSourceStatus[] }) {
  return (
    <Table size="small" aria-label="Cost sources">
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            Source
          </TableCell>
          <TableCell component="th" scope="col">
            Data through
          </TableCell>
          <TableCell component="th" scope="col">
            Last run
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.sources.map(source => (
          <TableRow key={source.id}>
            <TableCell component="th" scope="row">
              {source.id}
            </TableCell>
            <TableCell>{source.dataThrough ?? 'no data yet'}</TableCell>
            <TableCell>{lastRunText(source)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * "Data through 2026-11-25 from aws-focus", opening the status of every cost source. A
 * popover rather than a link: the portal has no source-status page, and the backend's
 * `/sources` is JSON meant for tools.
 */
export function DataFreshness(props: { lastDayShown: string }) {
  const { loading, error, value } = useCostSources();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);

  // Same height in every state, so the toolbar does not move when the answer arrives.
  const line = (text: string) => (
    <Typography variant="body2" color="textSecondary" component="span">
      {text}
    </Typography>
  );
  let content;
  if (loading) {
    content = line('Checking data freshness…');
  } else if (error || !value) {
    // Freshness is a footnote; a refusal or failure here must not hide the cost itself.
    content = line('Data freshness unavailable');
  } else {
    const stalest = stalestSource(value);
    const label = stalest
      ? `Data through ${stalest.dataThrough} from ${stalest.id}`
      : 'No cost data ingested yet';
    const behind = stalest && stalest.dataThrough < props.lastDayShown;
    content = (
      <>
        <Button
          size="small"
          startIcon={<UpdateIcon />}
          aria-haspopup="dialog"
          aria-expanded={Boolean(anchor)}
          onClick={event => setAnchor(event.currentTarget)}
        >
          {label}
        </Button>
        {behind && line(`· days after ${stalest.dataThrough} are not in yet`)}
        <Popover
          open={Boolean(anchor)}
          anchorEl={anchor}
          onClose={() => setAnchor(null)}
          anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
          transformOrigin={{ vertical: 'top', horizontal: 'right' }}
          PaperProps={{ role: 'dialog', 'aria-label': 'Cost source status' }}
        >
          <Box p={2} maxWidth={560}>
            <Typography variant="subtitle2" gutterBottom>
              Cost sources
            </Typography>
            {value.length === 0 ? (
              <Typography variant="body2">
                No cost source is configured. Add one under
                finopsItam.costSources in app-config.yaml.
              </Typography>
            ) : (
              <SourceList sources={value} />
            )}
          </Box>
        </Popover>
      </>
    );
  }
  return (
    <Box display="flex" alignItems="center" minHeight={32}>
      {content}
    </Box>
  );
}
