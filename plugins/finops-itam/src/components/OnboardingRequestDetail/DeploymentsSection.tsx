import { Flex, Text } from '@backstage/ui';
import {
  OnboardingDeployment,
  OnboardingRequest,
} from '@finops-itam/plugin-finops-itam-common';
import { LICENSE_MODEL_LABELS, TENANCY_LABELS } from '../OnboardingChecks';

/** `3 × m5.xlarge (4 vCPUs) on AWS eu-west-1, shared tenancy`. */
export function deploymentText(deployment: OnboardingDeployment): string {
  const size = [
    deployment.instanceType,
    deployment.vcpus !== undefined ? `${deployment.vcpus} vCPUs` : undefined,
  ].filter(Boolean);
  const what =
    size.length === 2 ? `${size[0]} (${size[1]})` : size[0] ?? 'instances';
  const tenancy = TENANCY_LABELS[deployment.tenancy] ?? deployment.tenancy;
  return `${deployment.count} × ${what} on ${deployment.provider} ${
    deployment.region
  }, ${tenancy.toLocaleLowerCase()} tenancy`;
}

/** The planned deployments, their licensed products, and the SaaS seats. */
export function DeploymentsSection(props: { request: OnboardingRequest }) {
  const { deployments, saas } = props.request;
  return (
    <Flex direction="column" gap="1">
      <Text as="h3" variant="title-x-small">
        Planned deployments
      </Text>
      <ul aria-label="Planned deployments">
        {deployments.map((deployment, index) => (
          <li key={index}>
            <Text as="span">{deploymentText(deployment)}</Text>
            {deployment.products.length > 0 && (
              <Text as="span" color="secondary">
                {' — '}
                {deployment.products
                  .map(
                    product =>
                      `${product.productId} (${
                        LICENSE_MODEL_LABELS[product.licenseModel] ??
                        product.licenseModel
                      })`,
                  )
                  .join(', ')}
              </Text>
            )}
          </li>
        ))}
        {saas.map(product => (
          <li key={product.productId}>
            <Text as="span">
              {product.seats} seats of {product.productId} (SaaS)
            </Text>
          </li>
        ))}
      </ul>
    </Flex>
  );
}
