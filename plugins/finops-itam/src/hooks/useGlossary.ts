import { useApi } from '@backstage/core-plugin-api';
import { GlossaryTermBody } from '@finops-itam/plugin-finops-itam-common';
import useAsync from 'react-use/esm/useAsync';
import { FinopsItamApi, finopsItamApiRef } from '../api';

/** The glossary's terms in the backend's order, and by id, name and alias (lowercase). */
export interface Glossary {
  terms: GlossaryTermBody[];
  find(key: string): GlossaryTermBody | undefined;
}

// One request per API client: a page shows many terms, and each GlossaryTerm asks for the
// glossary; they share the first answer. A failed request is forgotten so a later page retries.
const requests = new WeakMap<FinopsItamApi, Promise<Glossary>>();

function glossaryOf(terms: GlossaryTermBody[]): Glossary {
  const index = new Map<string, GlossaryTermBody>();
  for (const term of terms) {
    for (const key of [term.term, ...term.aliases]) {
      if (!index.has(key.toLowerCase())) index.set(key.toLowerCase(), term);
    }
  }
  // Ids last and unconditionally: an id always finds its own term.
  for (const term of terms) index.set(term.id.toLowerCase(), term);
  return { terms, find: key => index.get(key.toLowerCase()) };
}

function loadGlossary(api: FinopsItamApi): Promise<Glossary> {
  let request = requests.get(api);
  if (!request) {
    request = api.getGlossary().then(body => glossaryOf(body.terms));
    request.catch(() => requests.delete(api));
    requests.set(api, request);
  }
  return request;
}

/** The glossary, fetched once per API client and shared by every term on the page. */
export function useGlossary() {
  const api = useApi(finopsItamApiRef);
  return useAsync(() => loadGlossary(api), [api]);
}
