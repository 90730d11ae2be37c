import { ReactNode } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { AccessDenied, isForbiddenError } from '../AccessDenied';

/** What `useAsync` returns, the part a section needs. */
export interface AsyncValue<T> {
  loading: boolean;
  error?: Error;
  value?: T;
}

/**
 * The loading, refused and failed states every section of the FinOps page shares, then the
 * section itself: a refusal says whom to ask, a failure says what could not be loaded and why.
 */
export function AsyncContent<T>(props: {
  state: AsyncValue<T>;
  /** What is loaded, e.g. `the KPIs`, in the messages. */
  what: string;
  children: (value: T) => ReactNode;
}) {
  const { state, what, children } = props;
  if (state.loading) {
    return <Progress aria-label={`Loading ${what}`} />;
  }
  if (state.error && isForbiddenError(state.error)) {
    return (
      <AccessDenied
        what={what}
        entityRef="this portal"
        askWhom="your FinOps team"
      />
    );
  }
  if (state.error || state.value === undefined) {
    const cause = state.error ?? new Error('The backend answered with nothing');
    return (
      <ResponseErrorPanel
        title={`Could not load ${what}: ${cause.message}`}
        error={cause}
      />
    );
  }
  return <>{children(state.value)}</>;
}
