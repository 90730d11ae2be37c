import { commitmentCoverage } from './commitmentCoverage';
import {
  coveredRow,
  purchaseRow,
  unusedRow,
  usageRow,
} from './__testUtils__/focusRows';

const SAVINGS_PLAN = '{"CommitmentPrograms":[{"ProgramType":"Savings Plan"}]}';

describe('commitmentCoverage', () => {
  const covered = coveredRow({ effectiveCost: '12' });
  const computeOnDemand = usageRow({ effectiveCost: '9' });
  const storageOnDemand = usageRow({
    serviceCategory: 'Storage',
    effectiveCost: '7',
  });
  const spot = usageRow({ pricingCategory: 'Dynamic', effectiveCost: '5' });
  const rows = [
    covered,
    computeOnDemand,
    storageOnDemand,
    spot,
    unusedRow({ effectiveCost: '3' }),
    purchaseRow({ effectiveCost: '50' }),
  ];

  it('divides covered cost by covered + eligible on-demand cost, eligibility from the list', () => {
    // 12 / (12 + 9): storage is not in the list, spot and unused commitment are not
    // on-demand usage, the purchase is not usage.
    expect(commitmentCoverage(rows, ['Compute'])).toEqual({
      value: '0.571429',
      numerator: '12',
      denominator: '21',
      notCovered: '0',
      eligibility: {
        decidedBy: ['serviceCategories'],
        eligibleServiceCategories: ['Compute'],
      },
    });
  });

  it('counts rows whose category or pricing is unknown apart', () => {
    const coverage = commitmentCoverage(
      [
        ...rows,
        usageRow({ serviceCategory: null, effectiveCost: '2' }),
        usageRow({ pricingCategory: null, effectiveCost: '0.5' }),
      ],
      ['compute'],
    );
    expect(coverage).toMatchObject({
      value: '0.571429',
      denominator: '21',
      notCovered: '2.5',
    });
  });

  it('lets the FOCUS 1.4 eligibility column win over the list', () => {
    const coverage = commitmentCoverage(
      [
        covered,
        // The column says eligible although storage is not in the list.
        {
          ...storageOnDemand,
          commitmentProgramEligibilityDetails: SAVINGS_PLAN,
        },
        // The column says eligible for no program although compute is in the list.
        { ...computeOnDemand, commitmentProgramEligibilityDetails: null },
        // Without the column the list still decides.
        usageRow({ effectiveCost: '1' }),
        // An unreadable value is unknown, not a guess.
        usageRow({
          effectiveCost: '4',
          commitmentProgramEligibilityDetails: '{"CommitmentPrograms":',
        }),
      ],
      ['Compute'],
    );
    // 12 / (12 + 7 + 1)
    expect(coverage).toEqual({
      value: '0.6',
      numerator: '12',
      denominator: '20',
      notCovered: '4',
      eligibility: {
        decidedBy: ['CommitmentProgramEligibilityDetails', 'serviceCategories'],
        eligibleServiceCategories: ['Compute'],
      },
    });
  });

  it('reads an empty program list as eligible for none', () => {
    const coverage = commitmentCoverage(
      [
        covered,
        {
          ...computeOnDemand,
          commitmentProgramEligibilityDetails: '{"CommitmentPrograms":[]}',
        },
      ],
      ['Compute'],
    );
    expect(coverage).toMatchObject({ value: '1', denominator: '12' });
  });

  it('has no value when nothing is eligible or covered', () => {
    expect(commitmentCoverage([storageOnDemand], ['Compute'])).toMatchObject({
      value: null,
      numerator: '0',
      denominator: '0',
    });
  });
});
