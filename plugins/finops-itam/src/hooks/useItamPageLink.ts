import { useRouteRef } from '@backstage/core-plugin-api';
import { itamRouteRef } from '../routes';

/** What the ITAM page opens from its query: a tab, a request, or the filing form. */
export interface ItamPageQuery {
  tab?: string;
  /** Opens this onboarding request. */
  request?: string;
  /** Opens the "New onboarding request" form, pre-filled with this workload. */
  newFor?: string;
}

/** The ITAM page's query string for `query`, as the page reads it. */
export function itamPageSearch(query: ItamPageQuery): string {
  const search = new URLSearchParams();
  if (query.tab) search.set('tab', query.tab);
  if (query.request) search.set('request', query.request);
  if (query.newFor !== undefined) {
    search.set('new', '1');
    if (query.newFor) search.set('entityRef', query.newFor);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Builds links to the ITAM page, or undefined when the app has not mounted it (a legacy app
 * that installed only the entity tabs and cards): callers then say where to go instead.
 */
export function useItamPageLink():
  | ((query?: ItamPageQuery) => string)
  | undefined {
  let base: string | undefined;
  try {
    // Called on every render in the same order, as hooks must be; the try only catches the
    // error it throws when the app has not mounted the page.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    base = useRouteRef(itamRouteRef)();
  } catch {
    base = undefined;
  }
  if (base === undefined) {
    return undefined;
  }
  const root = base;
  return (query = {}) => `${root}${itamPageSearch(query)}`;
}
