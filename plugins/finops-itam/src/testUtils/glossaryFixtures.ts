import {
  AccountabilityResponse,
  GlossaryResponse,
} from '@finops-itam/plugin-finops-itam-common';

/** A few glossary terms as the backend answers them. */
export const glossaryFixture: GlossaryResponse = {
  terms: [
    {
      id: 'effective-savings-rate',
      term: 'Effective savings rate',
      aliases: ['ESR'],
      discipline: 'finops',
      definition:
        'The share of list or contracted cost saved by discounts, over usage rows.',
      source: {
        title: 'FOCUS use case: effective savings rate',
        url: 'https://focus.finops.org/',
      },
    },
    {
      id: 'allocation-coverage',
      term: 'Allocation coverage',
      aliases: [],
      discipline: 'finops',
      definition: 'Allocated cost divided by total cost.',
      source: { title: 'FinOps Foundation: Allocation', url: null },
    },
    {
      id: 'byol',
      term: 'Bring your own license',
      aliases: ['BYOL'],
      discipline: 'itam',
      definition: 'Running software in the cloud under licenses bought apart.',
      source: { title: 'Vendor licensing terms', url: null },
    },
  ],
};

/** Who decides budgets and onboarding approvals, with and without a resolved group. */
export const accountabilityFixture: AccountabilityResponse = {
  decisions: [
    {
      id: 'budget',
      title: 'Budget',
      summary: 'Sets and changes the budget of a team or service.',
      decides: { role: 'owner', title: 'Owner', ref: 'group:default/team-a' },
      consulted: [
        { role: 'finance', title: 'Finance', ref: 'group:default/finance' },
        { role: 'finops', title: 'FinOps team', ref: null },
      ],
      source: { title: 'FinOps Framework: Budgeting', url: 'https://x.test/b' },
    },
    {
      id: 'onboarding-approval',
      title: 'Onboarding approval',
      summary: 'Approves a workload before it runs.',
      decides: {
        role: 'itam',
        title: 'ITAM team',
        ref: 'group:default/itam-team',
      },
      consulted: [{ role: 'owner', title: 'Owner', ref: null }],
      source: { title: 'FinOps-ITAM guidance', url: 'https://x.test/o' },
    },
  ],
};
