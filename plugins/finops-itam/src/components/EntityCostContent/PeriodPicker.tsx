import { FormEvent, useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  CostPeriodChange,
  CostPeriodSelection,
} from '../../hooks/useCostPeriodSelection';
import {
  addDays,
  COST_PERIOD_PRESETS,
  invalidPeriodReason,
  lastDayOf,
} from '../../lib';

const useStyles = makeStyles(theme => ({
  form: {
    display: 'flex',
    alignItems: 'flex-start',
    flexWrap: 'wrap',
    marginLeft: theme.spacing(1),
  },
}));

/**
 * Picks the period: a relative preset, or fixed days. People think of a period by its last
 * day, so the custom form asks for "through" and converts to the API's exclusive `to`.
 */
export function PeriodPicker(props: {
  selection: CostPeriodSelection;
  onChange: (change: CostPeriodChange) => void;
}) {
  const { selection, onChange } = props;
  const classes = useStyles();
  const [customOpen, setCustomOpen] = useState(selection.preset === 'custom');
  const [from, setFrom] = useState(selection.from);
  const [through, setThrough] = useState(lastDayOf(selection.to));
  const [problem, setProblem] = useState<string>();

  // Follow the URL when it changes under us (back button, shared link).
  useEffect(() => {
    setFrom(selection.from);
    setThrough(lastDayOf(selection.to));
    setCustomOpen(open => open || selection.preset === 'custom');
  }, [selection.from, selection.to, selection.preset]);

  const applyCustom = (event: FormEvent) => {
    event.preventDefault();
    const to = /^\d{4}-\d{2}-\d{2}$/.test(through) ? addDays(through, 1) : '';
    const reason = invalidPeriodReason({ from, to });
    setProblem(reason);
    if (!reason) {
      onChange({ preset: 'custom', from, to });
    }
  };

  return (
    <Box display="flex" flexWrap="wrap" alignItems="center">
      <ButtonGroup size="small" role="group" aria-label="Period">
        {COST_PERIOD_PRESETS.map(({ preset, label }) => (
          <Button
            key={preset}
            aria-pressed={selection.preset === preset}
            variant={selection.preset === preset ? 'contained' : 'outlined'}
            color={selection.preset === preset ? 'primary' : 'default'}
            onClick={() => {
              setCustomOpen(false);
              onChange({ preset });
            }}
          >
            {label}
          </Button>
        ))}
        <Button
          aria-pressed={selection.preset === 'custom'}
          aria-expanded={customOpen}
          aria-controls="finops-itam-custom-period"
          variant={selection.preset === 'custom' ? 'contained' : 'outlined'}
          color={selection.preset === 'custom' ? 'primary' : 'default'}
          onClick={() => setCustomOpen(open => !open)}
        >
          Custom
        </Button>
      </ButtonGroup>
      {customOpen && (
        <form
          id="finops-itam-custom-period"
          aria-label="Custom period"
          onSubmit={applyCustom}
          className={classes.form}
          noValidate
        >
          <Box mr={1}>
            <TextField
              id="finops-itam-period-from"
              label="From"
              type="date"
              size="small"
              variant="outlined"
              value={from}
              onChange={event => setFrom(event.target.value)}
              InputLabelProps={{ shrink: true }}
            />
          </Box>
          <Box mr={1}>
            <TextField
              id="finops-itam-period-through"
              label="Through"
              type="date"
              size="small"
              variant="outlined"
              value={through}
              onChange={event => setThrough(event.target.value)}
              InputLabelProps={{ shrink: true }}
              helperText="last day included"
            />
          </Box>
          <Button type="submit" variant="outlined" size="medium">
            Apply
          </Button>
          {problem && (
            <Box width="100%">
              <Typography variant="caption" color="error" role="alert">
                {problem}
              </Typography>
            </Box>
          )}
        </form>
      )}
    </Box>
  );
}
