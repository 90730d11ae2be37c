import { InputError } from '@backstage/errors';
import { OnboardingProblem } from '@finops-itam/plugin-finops-itam-common';

/** A 400 of the onboarding routes: every problem, with its field and reason. */
export class OnboardingProblemsError extends InputError {
  constructor(summary: string, readonly problems: OnboardingProblem[]) {
    const shown = problems
      .slice(0, 5)
      .map(p => `${p.field} ${p.reason}`)
      .join('; ');
    const more =
      problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    super(`${summary}: ${shown}${more}`);
  }
}
