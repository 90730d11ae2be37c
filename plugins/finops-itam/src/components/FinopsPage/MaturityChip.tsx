import { ToneChip } from '../EntityLicensesContent/ToneChip';
import {
  AllocationMaturity,
  MATURITY_EXPLANATIONS,
  MATURITY_LABELS,
} from './kpiFormat';

const TONES = {
  'below-crawl': 'warning',
  crawl: 'info',
  run: 'success',
} as const;

/**
 * The FinOps Foundation maturity band of allocation coverage as a labelled chip; the label
 * carries the meaning, the colour only helps. Nothing when there is no cost to allocate.
 */
export function MaturityChip(props: { maturity?: AllocationMaturity }) {
  const { maturity } = props;
  if (!maturity) return null;
  return (
    <ToneChip
      label={`Maturity: ${MATURITY_LABELS[maturity]}`}
      tone={TONES[maturity]}
      tooltip={MATURITY_EXPLANATIONS[maturity]}
    />
  );
}
