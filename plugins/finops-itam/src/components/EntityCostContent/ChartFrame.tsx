import { ReactElement } from 'react';
import Box from '@material-ui/core/Box';
import { ResponsiveContainer } from 'recharts';

/**
 * The drawing area of a chart: its height is reserved in every state so the page does not
 * move, and it is hidden from screen readers, which get the same figures as text instead.
 * `initialWidth` is what recharts draws with before it can measure (and in jsdom).
 */
export function ChartFrame(props: {
  height: number;
  initialWidth: number;
  children: ReactElement;
}) {
  const { height, initialWidth, children } = props;
  return (
    <Box height={height} aria-hidden>
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: initialWidth, height }}
      >
        {children}
      </ResponsiveContainer>
    </Box>
  );
}
