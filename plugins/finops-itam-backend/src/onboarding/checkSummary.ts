import { OnboardingCheck } from '@finops-itam/plugin-finops-itam-common';

/** `checks: 4 pass, 1 warn, 1 fail (byol-eligibility)`: the line history entries and notifications carry. */
export function checkSummary(checks: OnboardingCheck[]): string {
  const count = (status: OnboardingCheck['status']) =>
    checks.filter(c => c.status === status).length;
  const failed = checks.filter(c => c.status === 'fail').map(c => c.id);
  return `checks: ${count('pass')} pass, ${count('warn')} warn, ${count(
    'fail',
  )} fail${failed.length > 0 ? ` (${failed.join(', ')})` : ''}`;
}

/**
 * How the checks' statuses moved, e.g. `policy: pass → fail; budget-fit: new (warn)`, or
 * undefined when every status stayed (a changed message alone is no news).
 */
export function statusChanges(
  before: OnboardingCheck[],
  after: OnboardingCheck[],
): string | undefined {
  const old = new Map(before.map(c => [c.id, c.status]));
  const changes = after.flatMap(check => {
    const was = old.get(check.id);
    if (was === check.status) return [];
    return [
      was
        ? `${check.id}: ${was} → ${check.status}`
        : `${check.id}: new (${check.status})`,
    ];
  });
  const gone = before
    .filter(c => !after.some(a => a.id === c.id))
    .map(c => `${c.id}: no longer checked`);
  const all = [...changes, ...gone];
  return all.length > 0 ? all.join('; ') : undefined;
}
