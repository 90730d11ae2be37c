import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { Flex, Link, Text } from '@backstage/ui';
import { GlossaryTermBody } from '@finops-itam/plugin-finops-itam-common';

const DISCIPLINES: Record<GlossaryTermBody['discipline'], string> = {
  finops: 'FinOps',
  itam: 'ITAM',
  both: 'FinOps and ITAM',
};

/**
 * The glossary, one entry per term with the anchor `#<id>` that every term's tooltip links
 * to. Opening a link with an anchor scrolls to the term once the list is there.
 */
export function GlossaryList(props: { terms: GlossaryTermBody[] }) {
  const { terms } = props;
  const { hash } = useLocation();

  useEffect(() => {
    const id = decodeURIComponent(hash.replace(/^#/, ''));
    if (id) document.getElementById(id)?.scrollIntoView?.();
  }, [hash, terms]);

  if (terms.length === 0) {
    return (
      <Text as="p" color="secondary">
        The glossary is empty; add terms under finopsItam.glossary in
        app-config.
      </Text>
    );
  }
  return (
    <dl aria-label="Glossary" style={{ margin: 0 }}>
      {terms.map(term => (
        <div
          key={term.id}
          id={term.id}
          style={{ marginBottom: '1rem', scrollMarginTop: '4rem' }}
        >
          <dt>
            <Text as="span" variant="body-large" weight="bold">
              {term.term}
            </Text>
            <Text as="span" variant="body-small" color="secondary">
              {` ${DISCIPLINES[term.discipline]}${
                term.aliases.length > 0
                  ? ` · also ${term.aliases.join(', ')}`
                  : ''
              }`}
            </Text>
          </dt>
          <dd style={{ marginLeft: 0 }}>
            <Flex direction="column" gap="1">
              <Text as="p" variant="body-medium">
                {term.definition}
              </Text>
              <Text as="p" variant="body-small" color="secondary">
                {'Source: '}
                {term.source.url ? (
                  <Link href={term.source.url} target="_blank" rel="noopener">
                    {term.source.title}
                  </Link>
                ) : (
                  term.source.title
                )}
              </Text>
            </Flex>
          </dd>
        </div>
      ))}
    </dl>
  );
}
