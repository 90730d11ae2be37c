import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import { CostGranularity } from '@finops-itam/plugin-finops-itam-common';

const OPTIONS: Array<{ value: CostGranularity; label: string }> = [
  { value: 'day', label: 'Daily' },
  { value: 'month', label: 'Monthly' },
];

/** Switches the chart between daily and monthly buckets; a pressed button shows the current one. */
export function GranularityToggle(props: {
  value: CostGranularity;
  onChange: (granularity: CostGranularity) => void;
}) {
  const { value, onChange } = props;
  return (
    <ButtonGroup size="small" role="group" aria-label="Granularity">
      {OPTIONS.map(option => (
        <Button
          key={option.value}
          aria-pressed={value === option.value}
          variant={value === option.value ? 'contained' : 'outlined'}
          color={value === option.value ? 'primary' : 'default'}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </Button>
      ))}
    </ButtonGroup>
  );
}
