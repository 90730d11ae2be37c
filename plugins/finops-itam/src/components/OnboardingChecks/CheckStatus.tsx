import { Text } from '@backstage/ui';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import HighlightOff from '@material-ui/icons/HighlightOff';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import { OnboardingCheckStatus } from '@finops-itam/plugin-finops-itam-common';
import { CHECK_STATUS_LABELS } from './onboardingLabels';

const TONE = {
  pass: 'success',
  warn: 'warning',
  fail: 'danger',
} as const;

const ICON = {
  pass: CheckCircleOutline,
  warn: ReportProblemOutlined,
  fail: HighlightOff,
};

const ICON_STYLE = { verticalAlign: 'text-bottom', marginRight: 4 };

/**
 * A check's status as an icon and a word, coloured by the theme's status colours. The word
 * carries the meaning; the icon and colour only help the eye.
 */
export function CheckStatus(props: { status: OnboardingCheckStatus }) {
  const { status } = props;
  const Icon = ICON[status];
  return (
    <Text as="span" color={TONE[status]} weight="bold" variant="body-small">
      <Icon fontSize="inherit" aria-hidden style={ICON_STYLE} />
      {CHECK_STATUS_LABELS[status]}
    </Text>
  );
}
