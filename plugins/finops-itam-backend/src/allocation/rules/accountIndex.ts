import { Candidates, CandidateScore, keepStrongest } from './candidates';

/** One account id from an entity's `finops-itam.io/cost-accounts`. */
export interface AccountRule {
  entityRef: string;
  accountId: string;
}

// A sub-account sits inside a billing account, so owning it is the narrower claim: a
// system owning one AWS account beats the group that owns the whole organization.
const SUB_ACCOUNT: CandidateScore = { specificity: 2, tieBreak: [] };
const BILLING_ACCOUNT: CandidateScore = { specificity: 1, tieBreak: [] };

// Ids are compared trimmed and case-insensitively: Azure subscription and billing ids are
// GUIDs that portals and exports write in either case; AWS and GCP ids have no case.
function normalize(accountId: string): string {
  return accountId.trim().toLowerCase();
}

/** Owners of whole accounts, found with one Map lookup per account id of a row. */
export class AccountIndex {
  private readonly owners = new Map<string, string[]>();

  constructor(rules: Iterable<AccountRule>) {
    for (const { entityRef, accountId } of rules) {
      const key = normalize(accountId);
      const refs = this.owners.get(key);
      if (refs === undefined) {
        this.owners.set(key, [entityRef]);
      } else if (!refs.includes(entityRef)) {
        refs.push(entityRef);
      }
    }
  }

  /** Adds the owners of the row's sub-account and billing account to `candidates`. */
  collect(
    subAccountId: string | null | undefined,
    billingAccountId: string | null | undefined,
    candidates: Candidates,
  ): void {
    if (subAccountId) {
      for (const ref of this.owners.get(normalize(subAccountId)) ?? []) {
        keepStrongest(candidates, ref, SUB_ACCOUNT);
      }
    }
    if (billingAccountId) {
      for (const ref of this.owners.get(normalize(billingAccountId)) ?? []) {
        keepStrongest(candidates, ref, BILLING_ACCOUNT);
      }
    }
  }
}
