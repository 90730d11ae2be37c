import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';

/** One part of the all-in cost, with a tooltip (reachable by keyboard) on what it includes. */
export function CostPart(props: {
  label: string;
  amount: string;
  includes: string;
  note?: string;
}) {
  const { label, amount, includes, note } = props;
  return (
    <Box>
      <Box display="flex" alignItems="center">
        <Typography variant="overline" component="h3" color="textSecondary">
          {label}
        </Typography>
        <Tooltip title={includes} arrow>
          <IconButton
            size="small"
            aria-label={`What ${label.toLowerCase()} cost includes`}
          >
            <InfoOutlinedIcon fontSize="inherit" />
          </IconButton>
        </Tooltip>
      </Box>
      <Typography variant="h6" component="p">
        {amount}
      </Typography>
      {note && (
        <Typography variant="caption" color="textSecondary">
          {note}
        </Typography>
      )}
    </Box>
  );
}
