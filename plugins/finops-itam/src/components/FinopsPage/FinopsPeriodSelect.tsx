import { SimpleSelect } from '../FormFields';
import {
  FinopsPeriodChoice,
  LAST_30_DAYS,
  monthLabel,
  recentMonths,
} from './finopsPeriod';

/** Picks the page's period: the last 30 days, or one of the last twelve months. */
export function FinopsPeriodSelect(props: {
  value: FinopsPeriodChoice;
  today: string;
  onChange: (choice: FinopsPeriodChoice) => void;
}) {
  const { value, today, onChange } = props;
  return (
    <SimpleSelect
      label="Period"
      value={value}
      choices={[
        { id: LAST_30_DAYS, label: 'Last 30 days' },
        ...recentMonths(today).map(month => ({
          id: month,
          label: monthLabel(month),
        })),
      ]}
      onChange={choice => onChange(choice || LAST_30_DAYS)}
    />
  );
}
