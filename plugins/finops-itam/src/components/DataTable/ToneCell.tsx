import { Cell, Text } from '@backstage/ui';

/**
 * A table cell whose text takes a theme status colour (danger, warning, success, info),
 * which `CellText` does not offer. The words carry the meaning; the colour only helps.
 */
export function ToneCell(props: {
  title: string;
  tone: 'danger' | 'warning' | 'success' | 'info';
  description?: string;
}) {
  return (
    <Cell>
      <Text as="div" variant="body-medium" weight="bold" color={props.tone}>
        {props.title}
      </Text>
      {props.description && (
        <Text as="div" variant="body-small" color="secondary">
          {props.description}
        </Text>
      )}
    </Cell>
  );
}
