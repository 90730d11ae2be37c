import { useState } from 'react';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';

/**
 * One part of the all-in cost, with a tooltip on what it includes. The tooltip opens on
 * hover and keyboard focus as usual, and also on click or Enter, for touch screens and for
 * browsers that do not treat the focus as keyboard focus.
 */
export function CostPart(props: {
  label: string;
  amount: string;
  includes: string;
  note?: string;
}) {
  const { label, amount, includes, note } = props;
  const [open, setOpen] = useState(false);
  return (
    <Box>
      <Box display="flex" alignItems="center">
        <Typography variant="overline" component="h3" color="textSecondary">
          {label}
        </Typography>
        <Tooltip
          title={includes}
          arrow
          open={open}
          onOpen={() => setOpen(true)}
          onClose={() => setOpen(false)}
        >
          <IconButton
            size="small"
            onClick={() => setOpen(true)}
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
