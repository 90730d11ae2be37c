import { ButtonIcon } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/Warning';
import { Anomaly } from '@finops-itam/plugin-finops-itam-common';
import { anomalyMarkerName } from '../AnomalyDetails';
import { AnomalyMarker } from './forecastChartData';
import { PLOT_MARGIN } from './chartTheme';

const useStyles = makeStyles(theme => ({
  strip: { position: 'relative', height: 36 },
  marker: {
    position: 'absolute',
    top: 2,
    transform: 'translateX(-50%)',
    color:
      theme.palette.type === 'dark'
        ? theme.palette.error.light
        : theme.palette.error.dark,
  },
}));

/**
 * The anomaly markers under the chart, each under its day's bar: real buttons (the drawing
 * itself is hidden from assistive technology), reached with Tab and opened with Enter or
 * Space, named "Anomaly on <day>".
 */
export function AnomalyMarkerStrip(props: {
  markers: AnomalyMarker[];
  points: number;
  onOpen: (anomaly: Anomaly) => void;
}) {
  const { markers, points, onOpen } = props;
  const classes = useStyles();
  if (markers.length === 0) return null;
  const { left, right } = PLOT_MARGIN;
  return (
    <Box className={classes.strip}>
      {markers.map(({ anomaly, index }) => (
        <span
          key={anomaly.id}
          className={classes.marker}
          // Under the middle of the day's band on the category axis.
          style={{
            left: `calc(${left}px + (100% - ${left + right}px) * ${
              (index + 0.5) / points
            })`,
          }}
        >
          <ButtonIcon
            size="small"
            variant="tertiary"
            aria-label={anomalyMarkerName(anomaly)}
            icon={<WarningIcon fontSize="small" />}
            onPress={() => onOpen(anomaly)}
          />
        </span>
      ))}
    </Box>
  );
}
