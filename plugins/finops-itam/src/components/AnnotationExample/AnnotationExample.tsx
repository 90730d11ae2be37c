import { CodeSnippet } from '@backstage/core-components';

/**
 * An annotation as it goes into catalog-info.yaml, ready to copy, so that users see where
 * it belongs and not only its name.
 */
export function AnnotationExample(props: {
  /** The annotation line, e.g. `finops-itam.io/cost-tags: application=checkout`. */
  annotation: string;
}) {
  return (
    <CodeSnippet
      language="yaml"
      showCopyCodeButton
      wrapLongLines
      text={['metadata:', '  annotations:', `    ${props.annotation}`].join(
        '\n',
      )}
    />
  );
}
