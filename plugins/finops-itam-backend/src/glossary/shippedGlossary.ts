import { GlossarySource, GlossaryTerm } from './GlossaryTerm';

/*
 * The vocabulary the portal's pages use, in our own words, each with the public source its
 * meaning follows. Data, not code: `finopsItam.glossary` adds terms or replaces these
 * definitions with an organisation's own (see glossaryConfig.ts). Sources read on 2026-12-07.
 */

const FOCUS: GlossarySource = {
  title: 'FinOps Open Cost and Usage Specification (FOCUS)',
  url: 'https://focus.finops.org/focus-specification/',
};
const capability = (name: string, slug: string): GlossarySource => ({
  title: `FinOps Framework capability: ${name}`,
  url: `https://www.finops.org/framework/capabilities/${slug}/`,
});
const ALLOCATION = capability('Allocation', 'allocation');
const RATE_OPTIMIZATION = capability('Rate Optimization', 'rate-optimization');
const LICENSING = capability('Licensing & SaaS', 'licensing-saas');
const INVOICING = capability('Invoicing & Chargeback', 'invoicing-chargeback');
const BUDGETING = capability('Budgeting', 'budgeting');
const FORECASTING = capability('Forecasting', 'forecasting');
const UNIT_ECONOMICS = capability('Unit Economics', 'unit-economics');
const ANOMALIES = capability('Anomaly Management', 'anomaly-management');
const ESR_USE_CASE: GlossarySource = {
  title: 'FinOps Use Cases: Determine Effective Savings Rate (FOCUS)',
  url: 'https://www.finops.org/?p=14600',
};
const SOFTWARE_ASSURANCE: GlossarySource = {
  title: 'Microsoft Licensing: Software Assurance',
  url: 'https://www.microsoft.com/licensing/licensing-programs/software-assurance-default',
};
const LICENSE_MOBILITY: GlossarySource = {
  title: 'Microsoft Licensing: License Mobility through Software Assurance',
  url: 'https://www.microsoft.com/licensing/licensing-programs/software-assurance-license-mobility',
};
const AZURE_HYBRID_BENEFIT: GlossarySource = {
  title: 'Azure Hybrid Benefit',
  url: 'https://azure.microsoft.com/pricing/hybrid-benefit/',
};
const FINOPS_FOR_SAAS: GlossarySource = {
  title: 'FinOps Foundation: FinOps for Software as a Service (SaaS)',
  url: 'https://www.finops.org/wg/finops-for-software-as-a-service-saas/',
};
const MATURITY_MODEL: GlossarySource = {
  title: 'FinOps Framework: FinOps Maturity Model',
  url: 'https://www.finops.org/framework/maturity-model/',
};
const AWS_LICENSE_MANAGER: GlossarySource = {
  title: 'AWS License Manager User Guide',
  url: 'https://docs.aws.amazon.com/license-manager/latest/userguide/license-manager.html',
};

export const SHIPPED_GLOSSARY: GlossaryTerm[] = [
  {
    id: 'all-in-cost',
    term: 'All-in cost',
    aliases: ['fully loaded cost', 'total cost'],
    discipline: 'both',
    definition:
      'What a service really costs for a period: its own amortized cloud cost, its share of shared costs, and the licenses it uses that the cloud bill does not already include (bring-your-own and separately bought licenses, spread over their term).',
    source: UNIT_ECONOMICS,
  },
  {
    id: 'amortized-cost',
    term: 'Amortized cost',
    aliases: ['effective cost', 'EffectiveCost'],
    discipline: 'finops',
    definition:
      'Cost with upfront and recurring commitment fees spread over the usage they pay for, so each day and resource carries its fair part; in FOCUS the EffectiveCost column. Not to be added to the billed (cash) cost.',
    source: FOCUS,
  },
  {
    id: 'billed-cost',
    term: 'Billed cost',
    aliases: ['cash cost', 'BilledCost'],
    discipline: 'finops',
    definition:
      'Cost as it appears on the invoice, with commitment purchases counted when they are bought rather than spread over their term; in FOCUS the BilledCost column.',
    source: FOCUS,
  },
  {
    id: 'effective-savings-rate',
    term: 'Effective savings rate',
    aliases: ['ESR'],
    discipline: 'finops',
    definition:
      'How much less was paid than a reference price, as a share of it: (ListCost − EffectiveCost) / ListCost against list prices, and (ContractedCost − EffectiveCost) / ContractedCost against negotiated prices, over usage rows only. Unused commitments lower it.',
    source: ESR_USE_CASE,
  },
  {
    id: 'commitment-coverage',
    term: 'Commitment coverage',
    aliases: ['coverage'],
    discipline: 'finops',
    definition:
      'The share of eligible usage cost that a commitment discount (reservation, savings plan, committed use discount) paid for; the rest ran at on-demand rates.',
    source: RATE_OPTIMIZATION,
  },
  {
    id: 'commitment-utilization',
    term: 'Commitment utilization',
    aliases: ['utilization'],
    discipline: 'finops',
    definition:
      'The share of a commitment that usage actually consumed: used / (used + unused), purchases left out. The unused part is paid for all the same (commitment waste).',
    source: RATE_OPTIMIZATION,
  },
  {
    id: 'commitment-discount',
    term: 'Commitment discount',
    aliases: ['reservation', 'savings plan', 'committed use discount'],
    discipline: 'finops',
    definition:
      'A lower rate in exchange for promising a quantity or a spend for a term (one or three years, usually); FOCUS names it by CommitmentDiscountId and says whether each row used it or left it unused.',
    source: FOCUS,
  },
  {
    id: 'entitlement',
    term: 'Entitlement',
    aliases: ['license entitlement', 'license right'],
    discipline: 'itam',
    definition:
      'A right to use a product that the organisation bought: which product, counted in which metric (cores, processors, users…), how many, for which term, at what cost.',
    source: LICENSING,
  },
  {
    id: 'effective-license-position',
    term: 'Effective license position',
    aliases: ['ELP', 'license position'],
    discipline: 'itam',
    definition:
      'For one product, what is owned minus what the deployments require under the vendor’s counting rules, at their highest concurrent point. A surplus can be reharvested; a shortage is a true-up or audit exposure.',
    source: LICENSING,
  },
  {
    id: 'byol',
    term: 'Bring your own license',
    aliases: ['BYOL'],
    discipline: 'both',
    definition:
      'Running a product in the cloud on licenses the organisation already owns, paying the provider for infrastructure only. Allowed only where the vendor’s terms permit it (for example through License Mobility).',
    source: AWS_LICENSE_MANAGER,
  },
  {
    id: 'license-included',
    term: 'License included',
    aliases: ['LI', 'pay-as-you-go license'],
    discipline: 'both',
    definition:
      'The provider rents the license with the resource and bills it in the usage rate, so it is already part of the cloud cost and uses no owned entitlement.',
    source: AWS_LICENSE_MANAGER,
  },
  {
    id: 'true-up',
    term: 'True-up',
    aliases: ['trueup', 'true up'],
    discipline: 'itam',
    definition:
      'The periodic reconciliation with a vendor (often yearly) in which deployments beyond what was bought are declared and paid for.',
    source: LICENSING,
  },
  {
    id: 'reharvest',
    term: 'Reharvest',
    aliases: ['reharvesting', 'license reclamation'],
    discipline: 'itam',
    definition:
      'Taking licenses back from retired, idle or oversized deployments so they can be reused before anything new is bought.',
    source: LICENSING,
  },
  {
    id: 'shelfware',
    term: 'Shelfware',
    aliases: ['unused license'],
    discipline: 'itam',
    definition:
      'Licenses or seats that were paid for but are not deployed, or not used for a set number of days.',
    source: LICENSING,
  },
  {
    id: 'showback',
    term: 'Showback',
    aliases: [],
    discipline: 'finops',
    definition:
      'Showing each team what its share of cost is, without moving money between budgets; the step before chargeback.',
    source: INVOICING,
  },
  {
    id: 'chargeback',
    term: 'Chargeback',
    aliases: ['charge-back'],
    discipline: 'finops',
    definition:
      'Billing each team’s share of cost to its own budget or cost centre, so the cost lands in its books.',
    source: INVOICING,
  },
  {
    id: 'unit-cost',
    term: 'Unit cost',
    aliases: ['unit economics', 'cost per unit'],
    discipline: 'finops',
    definition:
      'All-in cost for a period divided by a business volume of the same period (orders, active users, requests), so cost can be judged against what it delivers.',
    source: UNIT_ECONOMICS,
  },
  {
    id: 'unallocated-cost',
    term: 'Unallocated cost',
    aliases: ['unallocated'],
    discipline: 'finops',
    definition:
      'Cost that no owner has been found for yet (no matching tag, account or rule). Allocation coverage is the allocated share of the total.',
    source: ALLOCATION,
  },
  {
    id: 'shared-cost',
    term: 'Shared cost',
    aliases: ['shared pool', 'shared costs'],
    discipline: 'finops',
    definition:
      'Cost that serves several teams at once (a cluster, a network, support fees) and is split among them by an agreed method: evenly, by their direct cost, by fixed weights, or by a usage metric. The parts always add up to the pool.',
    source: ALLOCATION,
  },
  {
    id: 'cost-anomaly',
    term: 'Anomaly',
    aliases: ['cost anomaly', 'spend anomaly'],
    discipline: 'finops',
    definition:
      'Spending that departs from what the history of the same cost predicts by more than the set thresholds, and so deserves a look from its owner.',
    source: ANOMALIES,
  },
  {
    id: 'budget-variance',
    term: 'Budget variance',
    aliases: ['variance'],
    discipline: 'finops',
    definition:
      'How far actual spend is from the budget, as a share of the budget: (actual − budget) / budget. Positive means over budget.',
    source: BUDGETING,
  },
  {
    id: 'forecast-band',
    term: 'Forecast band',
    aliases: ['forecast range', 'confidence band'],
    discipline: 'finops',
    definition:
      'The range around a forecast within which actual spend is expected to land; a month outside it is a forecast miss worth explaining.',
    source: FORECASTING,
  },
  {
    id: 'license-mobility',
    term: 'License Mobility',
    aliases: ['License Mobility through Software Assurance'],
    discipline: 'itam',
    definition:
      'A Microsoft Software Assurance benefit that lets certain server products (SQL Server, for example; not Windows Server) move to shared cloud hosts of authorised providers under licenses already owned.',
    source: LICENSE_MOBILITY,
  },
  {
    id: 'software-assurance',
    term: 'Software Assurance',
    aliases: ['SA'],
    discipline: 'itam',
    definition:
      'Microsoft’s maintenance offering bought alongside licenses: new versions while it is active, and cloud rights such as License Mobility and Azure Hybrid Benefit.',
    source: SOFTWARE_ASSURANCE,
  },
  {
    id: 'marketplace-purchase',
    term: 'Marketplace purchase',
    aliases: ['marketplace', 'cloud marketplace'],
    discipline: 'both',
    definition:
      'Software bought from a third-party seller through a cloud provider’s marketplace: the provider invoices it, but the seller is someone else (in FOCUS, the publisher or service provider differs from the invoice issuer).',
    source: FOCUS,
  },
  {
    id: 'required-tags',
    term: 'Required tags',
    aliases: ['tagging policy', 'untagged'],
    discipline: 'finops',
    definition:
      'The tag keys every resource must carry (for example a cost centre) so that its cost can be allocated; a resource missing one counts as untagged.',
    source: ALLOCATION,
  },
  {
    id: 'list-cost',
    term: 'List cost',
    aliases: ['ListCost', 'on-demand cost'],
    discipline: 'finops',
    definition:
      'What the usage would have cost at the provider’s public on-demand prices, before any negotiated or commitment discount; in FOCUS the ListCost column.',
    source: FOCUS,
  },
  {
    id: 'contracted-cost',
    term: 'Contracted cost',
    aliases: ['ContractedCost', 'negotiated cost'],
    discipline: 'finops',
    definition:
      'What the usage would have cost at the prices negotiated with the provider, before commitment discounts; in FOCUS the ContractedCost column.',
    source: FOCUS,
  },
  {
    id: 'commitment-waste',
    term: 'Commitment waste',
    aliases: ['unused commitment'],
    discipline: 'finops',
    definition:
      'The part of a commitment’s cost that no usage consumed, as a share of the commitment’s whole cost; paid for, but bought nothing.',
    source: RATE_OPTIMIZATION,
  },
  {
    id: 'allocation-coverage',
    term: 'Allocation coverage',
    aliases: ['allocated share', 'cost allocation coverage'],
    discipline: 'finops',
    definition:
      'The share of total cost that has an owner: allocated cost / total cost. The rest is unallocated.',
    source: ALLOCATION,
  },
  {
    id: 'maturity-level',
    term: 'Crawl, Walk, Run',
    aliases: ['maturity', 'maturity level', 'FinOps maturity'],
    discipline: 'finops',
    definition:
      'The FinOps Framework’s three maturity stages, from first steps (Crawl) to practised and automated (Run); the portal marks its targets with them, for example at least 80 % of cost allocated at Crawl and 90 % at Run.',
    source: MATURITY_MODEL,
  },
  {
    id: 'azure-hybrid-benefit',
    term: 'Azure Hybrid Benefit',
    aliases: ['AHB', 'AHUB'],
    discipline: 'itam',
    definition:
      'Using Windows Server and SQL Server licenses the organisation owns (with Software Assurance or as subscriptions) on Azure, paying only the base compute rate.',
    source: AZURE_HYBRID_BENEFIT,
  },
  {
    id: 'license-metric',
    term: 'License metric',
    aliases: ['counting rule', 'license unit'],
    discipline: 'itam',
    definition:
      'What a license counts (cores, vCPUs, processors, sockets, instances, users) and the vendor’s rules for counting it, such as a minimum per machine.',
    source: AWS_LICENSE_MANAGER,
  },
  {
    id: 'saas-drawdown',
    term: 'Prepaid drawdown',
    aliases: ['drawdown', 'prepaid commitment', 'SaaS commit'],
    discipline: 'both',
    definition:
      'A SaaS contract paid in advance as a balance that monthly consumption draws down; what matters is the remaining balance and the date it will run out.',
    source: FINOPS_FOR_SAAS,
  },
  {
    id: 'consumption-based-saas',
    term: 'Consumption-based SaaS',
    aliases: ['usage-based SaaS'],
    discipline: 'both',
    definition:
      'SaaS billed by what is used (queries, credits, requests) rather than by seat, to be watched against the contracted run rate like cloud usage.',
    source: FINOPS_FOR_SAAS,
  },
];
