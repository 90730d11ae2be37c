import { EmptyState } from '@backstage/core-components';
import { CompactMessage } from '../CompactMessage';

/**
 * Whether an API error is the backend refusing access (HTTP 403). The client throws
 * `ResponseError`, which carries the status as `statusCode`.
 */
export function isForbiddenError(error: Error): boolean {
  return (error as { statusCode?: unknown }).statusCode === 403;
}

/**
 * What a user sees when the backend refuses access: a plain sentence and whom to ask,
 * rather than an error dump, because nothing is broken.
 */
export function AccessDenied(props: {
  /** What the data is about, e.g. `license data for this entity`. */
  what: string;
  /** The entity ref the user asked about, named in the description. */
  entityRef: string;
  /** Who can grant access, e.g. `its owner or your ITAM team`. */
  askWhom: string;
  /** For a card: text only, without the illustration. */
  compact?: boolean;
}) {
  const { what, entityRef, askWhom, compact } = props;
  const title = `You don't have access to ${what}`;
  const description = `Your permissions do not allow reading this for ${entityRef}. Ask ${askWhom} for access.`;
  return compact ? (
    <CompactMessage title={title} description={description} />
  ) : (
    <EmptyState missing="info" title={title} description={description} />
  );
}
