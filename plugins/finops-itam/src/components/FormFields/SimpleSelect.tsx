import { Key } from 'react';
import { Select } from '@backstage/ui';
import { fieldProblem } from './fieldProblem';

/** One choice of a {@link SimpleSelect}. */
export interface SelectChoice {
  id: string;
  label: string;
  disabled?: boolean;
}

/** A single-choice `@backstage/ui` Select over string ids, with a backend problem under it. */
export function SimpleSelect(props: {
  label: string;
  value: string | undefined;
  choices: SelectChoice[];
  onChange: (id: string) => void;
  problem?: string;
  description?: string;
  isRequired?: boolean;
  placeholder?: string;
}) {
  const { label, value, choices, onChange, problem, description } = props;
  return (
    <Select
      label={label}
      description={description}
      isRequired={props.isRequired}
      placeholder={props.placeholder}
      options={choices.map(choice => ({
        id: choice.id,
        label: choice.label,
        disabled: choice.disabled,
      }))}
      value={value ?? null}
      onChange={(key: Key | Key[] | null) =>
        onChange(key === null || Array.isArray(key) ? '' : String(key))
      }
      {...fieldProblem(problem)}
    />
  );
}
