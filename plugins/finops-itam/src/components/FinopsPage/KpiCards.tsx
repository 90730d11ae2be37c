import { Grid, Text } from '@backstage/ui';
import { KpiSet } from '@finops-itam/plugin-finops-itam-common';
import { GlossaryTerm } from '../GlossaryTerm';
import { KpiCard } from './KpiCard';
import {
  allocationMaturity,
  kpiFraction,
  kpiQuantityFraction,
} from './kpiFormat';
import { MaturityChip } from './MaturityChip';

const ELIGIBILITY_WORDS = {
  CommitmentProgramEligibilityDetails:
    'the FOCUS 1.4 CommitmentProgramEligibilityDetails column',
  serviceCategories: 'the list of eligible service categories',
} as const;

/** How the coverage denominator was decided, in words. */
function eligibilityText(kpis: KpiSet): string {
  const { decidedBy, eligibleServiceCategories } =
    kpis.commitmentCoverage.eligibility;
  const how = decidedBy.map(source => ELIGIBILITY_WORDS[source]).join(' and ');
  const categories =
    decidedBy.includes('serviceCategories') &&
    eligibleServiceCategories.length > 0
      ? ` (${eligibleServiceCategories.join(', ')})`
      : '';
  return how
    ? `Eligible cost decided by ${how}${categories}.`
    : 'No eligible cost in this period.';
}

/** The six KPIs of one currency as cards; the two savings rates named apart. */
export function KpiCards(props: { kpis: KpiSet; currency: string }) {
  const { kpis, currency } = props;
  const esr = kpis.effectiveSavingsRate;
  return (
    <Grid.Root columns={{ initial: '1', sm: '2', lg: '3' }} gap="3">
      <KpiCard
        title={
          <>
            <GlossaryTerm term="effective-savings-rate">
              Effective savings rate
            </GlossaryTerm>{' '}
            against <GlossaryTerm term="list-cost">list prices</GlossaryTerm>
          </>
        }
        kpi={esr.againstList}
        currency={currency}
        fraction={`${kpiFraction(
          esr.againstList,
          currency,
        )} list cost saved (list − effective)`}
      />
      <KpiCard
        title={
          <>
            <GlossaryTerm term="effective-savings-rate">
              Effective savings rate
            </GlossaryTerm>{' '}
            against{' '}
            <GlossaryTerm term="contracted-cost">
              contracted prices
            </GlossaryTerm>
          </>
        }
        kpi={esr.againstContracted}
        currency={currency}
        fraction={`${kpiFraction(
          esr.againstContracted,
          currency,
        )} contracted cost saved (contracted − effective)`}
      />
      <KpiCard
        title={
          <GlossaryTerm term="commitment-utilization">
            Commitment utilization
          </GlossaryTerm>
        }
        kpi={kpis.commitmentUtilization}
        currency={currency}
        fraction={`${kpiQuantityFraction(
          kpis.commitmentUtilization,
          kpis.commitmentUtilization.unit,
        )} of committed quantity used`}
      />
      <KpiCard
        title={
          <GlossaryTerm term="commitment-coverage">
            Commitment coverage
          </GlossaryTerm>
        }
        kpi={kpis.commitmentCoverage}
        currency={currency}
        fraction={`${kpiFraction(
          kpis.commitmentCoverage,
          currency,
        )} eligible cost covered by commitments`}
      >
        <Text as="p" variant="body-small" color="secondary">
          {eligibilityText(kpis)}
        </Text>
      </KpiCard>
      <KpiCard
        title={
          <GlossaryTerm term="commitment-waste">Commitment waste</GlossaryTerm>
        }
        kpi={kpis.commitmentWaste}
        currency={currency}
        fraction={`${kpiFraction(
          kpis.commitmentWaste,
          currency,
        )} commitment cost unused`}
      />
      <KpiCard
        title={
          <GlossaryTerm term="allocation-coverage">
            Allocation coverage
          </GlossaryTerm>
        }
        kpi={kpis.allocationCoverage}
        currency={currency}
        fraction={`${kpiFraction(
          kpis.allocationCoverage,
          currency,
        )} cost allocated to an owner`}
      >
        <div>
          <MaturityChip
            maturity={allocationMaturity(kpis.allocationCoverage.value)}
          />
        </div>
      </KpiCard>
    </Grid.Root>
  );
}
