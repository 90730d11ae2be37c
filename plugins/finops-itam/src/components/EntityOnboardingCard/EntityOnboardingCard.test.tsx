import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { EntityOnboardingCard } from './EntityOnboardingCard';

describe('EntityOnboardingCard', () => {
  it('says there is no onboarding request and which checks will appear', async () => {
    await renderInTestApp(<EntityOnboardingCard />);

    expect(await screen.findByText('Onboarding')).toBeInTheDocument();
    expect(
      screen.getByText('No onboarding request for this workload'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /entitlement available, BYOL eligibility, policy, budget fit\) appear here once a request is filed/,
      ),
    ).toBeInTheDocument();
  });
});
