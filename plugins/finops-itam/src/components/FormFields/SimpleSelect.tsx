import { Key, useId } from 'react';
import { Select, Text } from '@backstage/ui';

/** One choice of a {@link SimpleSelect}. */
export interface SelectChoice {
  id: string;
  label: string;
  disabled?: boolean;
}

/**
 * A single-choice `@backstage/ui` Select over string ids, with a backend problem under it.
 * The problem is written here rather than through react-aria validation, which the Select
 * does not show for a value set from outside.
 */
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
  const problemId = useId();
  return (
    <div>
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
        isInvalid={Boolean(problem)}
        aria-errormessage={problem ? problemId : undefined}
      />
      {problem && (
        <Text as="p" id={problemId} variant="body-small" color="danger">
          {problem}
        </Text>
      )}
    </div>
  );
}
