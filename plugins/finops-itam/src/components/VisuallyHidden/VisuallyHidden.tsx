import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  hidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    padding: 0,
    margin: -1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/**
 * Content for screen readers only, such as the figures behind a chart or the word behind
 * an arrow. A `span` fits inside running text, where a `div` would not be valid.
 */
export function VisuallyHidden(props: {
  children: ReactNode;
  component?: 'div' | 'span';
}) {
  const classes = useStyles();
  const Component = props.component ?? 'div';
  return <Component className={classes.hidden}>{props.children}</Component>;
}
