import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { TEAM_COST_PERIODS, TeamCostPeriod } from '../TeamCostShared';

/** Chooses the period of the team tab; a labelled select, usable with the keyboard. */
export function TeamPeriodSelect(props: {
  value: TeamCostPeriod;
  onChange: (period: TeamCostPeriod) => void;
}) {
  return (
    <TextField
      select
      id="finops-itam-team-period"
      label="Period"
      variant="outlined"
      size="small"
      value={props.value}
      onChange={event => props.onChange(event.target.value as TeamCostPeriod)}
      style={{ minWidth: 180 }}
    >
      {TEAM_COST_PERIODS.map(period => (
        <MenuItem key={period.id} value={period.id}>
          {period.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
