import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { COST_PERIOD_PRESETS, CostPeriodPreset } from '../../lib';

/**
 * Chooses the period of the team tab among the Cost tab's presets; a labelled select,
 * usable with the keyboard.
 */
export function TeamPeriodSelect(props: {
  value: CostPeriodPreset;
  onChange: (period: CostPeriodPreset) => void;
}) {
  return (
    <TextField
      select
      id="finops-itam-team-period"
      label="Period"
      variant="outlined"
      size="small"
      value={props.value}
      onChange={event => props.onChange(event.target.value as CostPeriodPreset)}
      style={{ minWidth: 180 }}
    >
      {COST_PERIOD_PRESETS.map(option => (
        <MenuItem key={option.preset} value={option.preset}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
