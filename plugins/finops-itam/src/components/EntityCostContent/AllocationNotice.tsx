import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import SyncIcon from '@material-ui/icons/Sync';
import { AllocationStatus } from '@finops-itam/plugin-finops-itam-common';

const NOTICES: Record<Exclude<AllocationStatus['state'], 'current'>, string> = {
  running: 'Allocation is running, figures may change.',
  'never-run': 'Allocation has not run yet, figures may change.',
};

/** Says when allocated figures are not final yet; nothing when allocation is current. */
export function AllocationNotice(props: { allocation: AllocationStatus }) {
  const { state } = props.allocation;
  if (state === 'current') {
    return null;
  }
  return (
    <Box display="flex" alignItems="center" mb={1} role="status">
      <SyncIcon fontSize="small" color="action" aria-hidden />
      <Box ml={1}>
        <Typography variant="body2" color="textSecondary">
          {NOTICES[state]}
        </Typography>
      </Box>
    </Box>
  );
}
