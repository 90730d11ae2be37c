import { Button, Flex, NumberField, Text } from '@backstage/ui';
import { OnboardingOptions } from '@finops-itam/plugin-finops-itam-common';
import { fieldProblem, SelectChoice, SimpleSelect } from '../FormFields';
import { LICENSE_MODEL_LABELS, TENANCY_LABELS } from '../OnboardingChecks';
import {
  DeploymentDraft,
  emptyProduct,
  FieldProblems,
  ProductDraft,
} from './requestDraft';

const NO_INSTANCE_TYPE = 'none';

const WRAP = { flexWrap: 'wrap' } as const;

// The theme's border and spacing tokens, so the group reads in light and dark themes alike.
const FIELDSET = {
  border: '1px solid var(--bui-border-1)',
  borderRadius: 'var(--bui-radius-3)',
  padding: 'var(--bui-space-3)',
  margin: 0,
};

const TENANCY_CHOICES = Object.entries(TENANCY_LABELS).map(([id, label]) => ({
  id,
  label,
}));

const MODEL_CHOICES = Object.entries(LICENSE_MODEL_LABELS).map(
  ([id, label]) => ({ id, label }),
);

/** A count from a NumberField, which gives NaN when it is cleared. */
function countOf(value: number): number | undefined {
  return Number.isNaN(value) ? undefined : value;
}

/**
 * One planned deployment: where it runs, on what and how many, and its licensed products.
 * The choices come from the onboarding options; providers and products the policy does not
 * allow stay selectable and say so, so the policy check can explain the refusal.
 */
export function DeploymentFields(props: {
  index: number;
  deployment: DeploymentDraft;
  options: OnboardingOptions;
  problems: FieldProblems;
  onChange: (deployment: DeploymentDraft) => void;
  onRemove?: () => void;
}) {
  const { index, deployment, options, problems, onChange, onRemove } = props;
  const at = `deployments[${index}]`;
  const set = (change: Partial<DeploymentDraft>) =>
    onChange({ ...deployment, ...change });
  const setProduct = (productIndex: number, change: Partial<ProductDraft>) =>
    set({
      products: deployment.products.map((product, i) =>
        i === productIndex ? { ...product, ...change } : product,
      ),
    });

  const providers: SelectChoice[] = options.providers.map(provider => ({
    id: provider.provider,
    label: provider.allowed
      ? provider.provider
      : `${provider.provider} (not allowed by policy)`,
  }));
  const regions: SelectChoice[] = (
    options.providers.find(p => p.provider === deployment.provider)?.regions ??
    []
  ).map(region => ({ id: region, label: region }));
  const instanceTypes: SelectChoice[] = [
    { id: NO_INSTANCE_TYPE, label: 'None: give the vCPUs' },
    ...options.instanceTypes
      .filter(
        type => type.provider === null || type.provider === deployment.provider,
      )
      .map(type => ({
        id: type.instanceType,
        label: `${type.instanceType} (${type.vcpus} vCPUs)`,
      })),
  ];
  const products: SelectChoice[] = options.products
    .filter(product => !product.saas)
    .map(product => ({
      id: product.productId,
      label: product.blocked
        ? `${product.name} (blocked by policy)`
        : product.name,
    }));

  return (
    <fieldset style={FIELDSET}>
      <legend>
        <Text as="span" weight="bold">
          Deployment {index + 1}
        </Text>
      </legend>
      <Flex direction="column" gap="3">
        <Flex gap="3" style={WRAP}>
          <SimpleSelect
            label="Provider"
            isRequired
            value={deployment.provider || undefined}
            choices={providers}
            // Regions and instance types belong to a provider: choose them again.
            onChange={provider =>
              set({ provider, region: '', instanceType: '' })
            }
            problem={problems[`${at}.provider`]}
          />
          <SimpleSelect
            label="Region"
            isRequired
            value={deployment.region || undefined}
            choices={regions}
            placeholder={
              deployment.provider
                ? 'Select a region'
                : 'Choose a provider first'
            }
            onChange={region => set({ region })}
            problem={problems[`${at}.region`]}
          />
          <SimpleSelect
            label="Tenancy"
            isRequired
            value={deployment.tenancy || undefined}
            choices={TENANCY_CHOICES}
            onChange={tenancy =>
              set({ tenancy: tenancy as DeploymentDraft['tenancy'] })
            }
            problem={problems[`${at}.tenancy`]}
          />
        </Flex>
        <Flex gap="3" style={WRAP}>
          <SimpleSelect
            label="Instance type"
            value={deployment.instanceType || NO_INSTANCE_TYPE}
            choices={instanceTypes}
            onChange={type =>
              set({ instanceType: type === NO_INSTANCE_TYPE ? '' : type })
            }
            problem={problems[`${at}.instanceType`]}
          />
          <NumberField
            label="vCPUs"
            description="Per instance; taken from the instance type when empty."
            minValue={1}
            value={deployment.vcpus ?? NaN}
            onChange={value => set({ vcpus: countOf(value) })}
            {...fieldProblem(problems[`${at}.vcpus`])}
          />
          <NumberField
            label="Count"
            isRequired
            minValue={1}
            value={deployment.count ?? NaN}
            onChange={value => set({ count: countOf(value) })}
            {...fieldProblem(problems[`${at}.count`])}
          />
        </Flex>
        {deployment.products.map((product, productIndex) => (
          <Flex key={productIndex} gap="3" align="end" style={WRAP}>
            <SimpleSelect
              label="Product"
              isRequired
              value={product.productId || undefined}
              choices={products}
              onChange={productId => setProduct(productIndex, { productId })}
              problem={problems[`${at}.products[${productIndex}].productId`]}
            />
            <SimpleSelect
              label="License model"
              isRequired
              value={product.licenseModel || undefined}
              choices={MODEL_CHOICES}
              onChange={model =>
                setProduct(productIndex, {
                  licenseModel: model as ProductDraft['licenseModel'],
                })
              }
              problem={problems[`${at}.products[${productIndex}].licenseModel`]}
            />
            <Button
              variant="tertiary"
              onPress={() =>
                set({
                  products: deployment.products.filter(
                    (_, i) => i !== productIndex,
                  ),
                })
              }
            >
              Remove product {productIndex + 1}
            </Button>
          </Flex>
        ))}
        <Flex gap="2">
          <Button
            variant="secondary"
            onPress={() =>
              set({ products: [...deployment.products, emptyProduct()] })
            }
          >
            Add product
          </Button>
          {onRemove && (
            <Button variant="tertiary" onPress={onRemove}>
              Remove deployment {index + 1}
            </Button>
          )}
        </Flex>
      </Flex>
    </fieldset>
  );
}
