/**
 * Who decides and who is consulted for each decision the portal shows, by role. Defaults
 * follow the FinOps Framework's personas and capabilities (read on 2026-12-07):
 * engineering owns its spend and its anomalies, the FinOps team owns the allocation and
 * governance rules, ITAM owns the license estate, finance and procurement are consulted
 * where money is committed. `finopsItam.accountability` names the groups behind the roles
 * and may change any decision (see accountabilityConfig.ts).
 */

/** `owner` is the group owning the thing decided on; the others are configured groups. */
export const ACCOUNTABILITY_ROLES = [
  'owner',
  'finops',
  'itam',
  'finance',
  'procurement',
] as const;

export type AccountabilityRole = (typeof ACCOUNTABILITY_ROLES)[number];

export const ROLE_TITLES: Record<AccountabilityRole, string> = {
  owner: 'Owning team',
  finops: 'FinOps team',
  itam: 'IT asset management',
  finance: 'Finance',
  procurement: 'Procurement',
};

export const DECISION_IDS = [
  'budget',
  'license-purchase',
  'shared-cost-method',
  'onboarding-approval',
  'anomaly-resolution',
  'policy-exception',
] as const;

export type DecisionId = (typeof DECISION_IDS)[number];

/** A role, or a group entity ref in lowercase (`group:default/cfo-office`). */
export type Assignee = { role: AccountabilityRole } | { ref: string };

export interface DecisionRule {
  id: DecisionId;
  title: string;
  /** What is being decided, for the page beside the decision. */
  summary: string;
  decides: Assignee;
  consulted: Assignee[];
  source: { title: string; url: string };
}

const PERSONAS = {
  title: 'FinOps Framework: FinOps Personas',
  url: 'https://www.finops.org/framework/personas/',
};
const capability = (name: string, slug: string) => ({
  title: `FinOps Framework capability: ${name}`,
  url: `https://www.finops.org/framework/capabilities/${slug}/`,
});

const role = (name: AccountabilityRole): Assignee => ({ role: name });

export const SHIPPED_DECISIONS: DecisionRule[] = [
  {
    id: 'budget',
    title: 'Budget owner',
    summary:
      'Sets a team’s cloud and license budget and answers for staying within it.',
    decides: role('owner'),
    consulted: [role('finance'), role('finops')],
    source: capability('Budgeting', 'budgeting'),
  },
  {
    id: 'license-purchase',
    title: 'License purchase and true-up',
    summary:
      'Buys licenses, settles a true-up shortage, or reharvests a surplus instead.',
    decides: role('itam'),
    consulted: [role('procurement'), role('finance'), role('owner')],
    source: capability('Licensing & SaaS', 'licensing-saas'),
  },
  {
    id: 'shared-cost-method',
    title: 'Shared-cost method',
    summary:
      'Chooses how a shared pool is split among the teams that use it (even, proportional, fixed weights, metric).',
    decides: role('finops'),
    consulted: [role('finance'), role('owner')],
    source: capability('Allocation', 'allocation'),
  },
  {
    id: 'onboarding-approval',
    title: 'Onboarding approval',
    summary:
      'Approves or rejects a new workload’s request, and with it the licenses it reserves.',
    decides: role('itam'),
    consulted: [role('finops'), role('owner')],
    source: PERSONAS,
  },
  {
    id: 'anomaly-resolution',
    title: 'Anomaly resolution',
    summary:
      'Explains a cost anomaly and closes it as expected, fixed or a false alarm.',
    decides: role('owner'),
    consulted: [role('finops')],
    source: capability('Anomaly Management', 'anomaly-management'),
  },
  {
    id: 'policy-exception',
    title: 'Policy exception',
    summary:
      'Allows a workload outside policy (region, provider, marketplace, blocked product, tags) for a time.',
    decides: role('finops'),
    consulted: [role('itam'), role('owner')],
    source: capability('Policy & Governance', 'policy-governance'),
  },
];
