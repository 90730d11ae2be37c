import Box from '@material-ui/core/Box';
import {
  CostPeriodChange,
  CostPeriodSelection,
} from '../../hooks/useCostPeriodSelection';
import { lastDayOf } from '../../lib';
import { DataFreshness } from './DataFreshness';
import { GranularityToggle } from './GranularityToggle';
import { PeriodPicker } from './PeriodPicker';

/** Period, granularity and data freshness above the figures they govern. */
export function CostToolbar(props: {
  selection: CostPeriodSelection;
  onChange: (change: CostPeriodChange) => void;
}) {
  const { selection, onChange } = props;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      justifyContent="space-between"
      mb={2}
      style={{ gap: 8 }}
    >
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
      >
        <PeriodPicker selection={selection} onChange={onChange} />
        <GranularityToggle
          value={selection.granularity}
          onChange={granularity => onChange({ granularity })}
        />
      </Box>
      <DataFreshness lastDayShown={lastDayOf(selection.to)} />
    </Box>
  );
}
