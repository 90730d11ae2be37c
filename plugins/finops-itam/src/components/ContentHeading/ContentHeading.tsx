import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** Heading of a finops-itam entity tab: a title and one line saying what the tab is for. */
export function ContentHeading(props: { title: string; description: string }) {
  return (
    <Box mb={2}>
      <Typography variant="h4" component="h2">
        {props.title}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {props.description}
      </Typography>
    </Box>
  );
}
