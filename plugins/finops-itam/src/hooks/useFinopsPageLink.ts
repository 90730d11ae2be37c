import { useRouteRef } from '@backstage/core-plugin-api';
import { finopsRouteRef } from '../routes';

/** What the FinOps page opens from its query and hash. */
export interface FinopsPageQuery {
  tab?: string;
  /** `30d` or `YYYY-MM`. */
  period?: string;
  /** An anchor on the page, such as a glossary term's id. */
  hash?: string;
}

/**
 * Builds links to the FinOps page, or undefined when the app has not mounted it (a legacy
 * app that installed only some of the plugin's parts).
 */
export function useFinopsPageLink():
  | ((query?: FinopsPageQuery) => string)
  | undefined {
  let base: string | undefined;
  try {
    // Called on every render in the same order, as hooks must be; the try only catches the
    // error it throws when the app has not mounted the page.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    base = useRouteRef(finopsRouteRef)();
  } catch {
    base = undefined;
  }
  if (base === undefined) {
    return undefined;
  }
  const root = base;
  return (query = {}) => {
    const search = new URLSearchParams();
    if (query.tab) search.set('tab', query.tab);
    if (query.period) search.set('period', query.period);
    const text = search.toString();
    return `${root}${text ? `?${text}` : ''}${
      query.hash ? `#${encodeURIComponent(query.hash)}` : ''
    }`;
  };
}
