import Typography from '@material-ui/core/Typography';

/**
 * An empty-state message small enough for a card in the side column, where the full
 * `EmptyState` illustration would crowd out the cards around it.
 */
export function CompactMessage(props: { title: string; description: string }) {
  return (
    <>
      <Typography variant="subtitle1" component="p" gutterBottom>
        {props.title}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {props.description}
      </Typography>
    </>
  );
}
