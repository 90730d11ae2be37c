import { ReactNode } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { HealthResponse } from '@finops-itam/plugin-finops-itam-common';
import { useFinopsItamHealth } from '../../hooks/useFinopsItamHealth';

/**
 * Renders its children only once the finops-itam backend has answered its health check, so
 * an empty state is never shown when the real cause is an unreachable backend.
 */
export function BackendHealthGate(props: {
  children: (health: HealthResponse) => ReactNode;
}) {
  const { loading, error, value } = useFinopsItamHealth();

  if (loading) {
    return <Progress aria-label="Checking the finops-itam backend" />;
  }
  if (error || !value) {
    const cause = error ?? new Error('The health check returned nothing');
    return (
      <ResponseErrorPanel
        title={`Could not reach the finops-itam backend: ${cause.message}`}
        error={cause}
      />
    );
  }
  return <>{props.children(value)}</>;
}
