import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

/**
 * The Onboarding card of an entity page: the onboarding request for the workload and its
 * checks. No request can be filed yet, so it explains what will appear.
 */
export function EntityOnboardingCard() {
  return (
    <InfoCard title="Onboarding">
      <Typography variant="subtitle1" component="p" gutterBottom>
        No onboarding request for this workload
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Onboarding checks (entitlement available, BYOL eligibility, policy,
        budget fit) appear here once a request is filed.
      </Typography>
    </InfoCard>
  );
}
