import { CodeSnippet } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ANNOTATION_UNIT_METRIC } from '@finops-itam/plugin-finops-itam-common';
import { AnnotationExample } from '../AnnotationExample';

/** An example metric name; orders per day is what most services can count. */
const EXAMPLE_METRIC = 'orders';

function feedExample(metric: string, entityRef: string, day: string) {
  return [
    `curl -X PUT "$BACKSTAGE_URL/api/finops-itam/metrics/${metric}" \\`,
    '  -H "Authorization: Bearer $TOKEN" \\',
    '  -H "Content-Type: application/json" \\',
    `  -d '{"values":[{"entityRef":"${entityRef}","date":"${day}","value":1234}]}'`,
  ].join('\n');
}

/**
 * How to get a unit cost: name a business metric on the entity (when it names none) and
 * feed its daily values to the backend.
 */
export function UnitMetricSetup(props: {
  /** The metric the entity names, or null when it names none. */
  metric: string | null;
  entityRef: string;
  /** A day to use in the example, such as the period's last day. */
  exampleDay: string;
}) {
  const { metric, entityRef, exampleDay } = props;
  const name = metric ?? EXAMPLE_METRIC;
  return (
    <Box>
      {metric === null && (
        <>
          <Typography variant="body2" paragraph>
            Unit cost divides the all-in cost by a business metric, such as
            orders or active users. Name the metric in catalog-info.yaml:
          </Typography>
          <AnnotationExample
            annotation={`${ANNOTATION_UNIT_METRIC}: ${EXAMPLE_METRIC}`}
          />
        </>
      )}
      <Typography variant="body2" paragraph>
        {metric === null ? 'Then send' : 'Send'} its daily values with{' '}
        <code>PUT /api/finops-itam/metrics/{name}</code>, as a user with the{' '}
        <code>finops-itam.metrics.write</code> permission or with the scripted
        API token; the backend can also read them from CSV files on a schedule.
      </Typography>
      <CodeSnippet
        language="bash"
        showCopyCodeButton
        wrapLongLines
        text={feedExample(name, entityRef, exampleDay)}
      />
    </Box>
  );
}
