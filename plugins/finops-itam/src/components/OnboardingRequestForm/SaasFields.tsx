import { Button, Flex, NumberField } from '@backstage/ui';
import { OnboardingOptions } from '@finops-itam/plugin-finops-itam-common';
import { fieldProblem, SimpleSelect } from '../FormFields';
import { FieldProblems, SaasDraft } from './requestDraft';

/** SaaS products counted in seats, one row each. */
export function SaasFields(props: {
  saas: SaasDraft[];
  options: OnboardingOptions;
  problems: FieldProblems;
  onChange: (saas: SaasDraft[]) => void;
}) {
  const { saas, options, problems, onChange } = props;
  const choices = options.products
    .filter(product => product.saas)
    .map(product => ({
      id: product.productId,
      label: product.blocked
        ? `${product.name} (blocked by policy)`
        : product.name,
    }));
  const set = (index: number, change: Partial<SaasDraft>) =>
    onChange(saas.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <Flex direction="column" gap="3">
      {saas.map((row, index) => (
        <Flex key={index} gap="3" align="end">
          <SimpleSelect
            label="SaaS product"
            isRequired
            value={row.productId || undefined}
            choices={choices}
            onChange={productId => set(index, { productId })}
            problem={problems[`saas[${index}].productId`]}
          />
          <NumberField
            label="Seats"
            isRequired
            minValue={1}
            value={row.seats ?? NaN}
            onChange={value =>
              set(index, { seats: Number.isNaN(value) ? undefined : value })
            }
            {...fieldProblem(problems[`saas[${index}].seats`])}
          />
          <Button
            variant="tertiary"
            onPress={() => onChange(saas.filter((_, i) => i !== index))}
          >
            Remove SaaS product {index + 1}
          </Button>
        </Flex>
      ))}
      <div>
        <Button
          variant="secondary"
          isDisabled={choices.length === 0}
          onPress={() => onChange([...saas, { productId: '', seats: 1 }])}
        >
          Add SaaS product
        </Button>
      </div>
    </Flex>
  );
}
