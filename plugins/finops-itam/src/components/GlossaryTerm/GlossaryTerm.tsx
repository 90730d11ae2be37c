import { ReactNode } from 'react';
import { Link, Text, Tooltip, TooltipTrigger } from '@backstage/ui';
import { useGlossary } from '../../hooks/useGlossary';
import { useFinopsPageLink } from '../../hooks/useFinopsPageLink';

/**
 * A FinOps or ITAM term with its glossary definition in a tooltip, linking to the term on the
 * FinOps page's glossary. The link takes keyboard focus, which opens the tooltip too.
 *
 * The glossary is help, not content: while it loads, when it fails, or when the term is not
 * in it, the words show as plain text and the page around them works as before.
 */
export function GlossaryTerm(props: {
  /** The term's id in the glossary (`effective-savings-rate`), or its name or an alias. */
  term: string;
  /** The words shown; the glossary's name of the term when left out. */
  children?: ReactNode;
}) {
  const { value: glossary } = useGlossary();
  const pageLink = useFinopsPageLink();
  const entry = glossary?.find(props.term);
  const words = props.children ?? entry?.term ?? props.term;

  if (!entry) {
    return <>{words}</>;
  }
  if (!pageLink) {
    // Without the page there is nothing to link to; the browser's own tooltip still explains.
    return <abbr title={entry.definition}>{words}</abbr>;
  }
  return (
    <TooltipTrigger delay={300}>
      <Link
        href={pageLink({ tab: 'glossary', hash: entry.id })}
        // Reads as part of the sentence around it, marked as a defined term by the dotted line.
        style={{
          fontSize: 'inherit',
          fontWeight: 'inherit',
          color: 'inherit',
          textDecoration: 'underline dotted',
        }}
      >
        {words}
      </Link>
      <Tooltip>
        <Text as="span" variant="body-small" weight="bold">
          {entry.term}
        </Text>
        <Text as="p" variant="body-small">
          {entry.definition}
        </Text>
      </Tooltip>
    </TooltipTrigger>
  );
}
