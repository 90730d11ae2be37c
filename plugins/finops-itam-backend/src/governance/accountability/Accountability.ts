import {
  AccountabilityRole,
  Assignee,
  DecisionId,
  DecisionRule,
  ROLE_TITLES,
} from './shippedDecisions';

/** The groups behind the configured roles; `owner` differs per decision, so it is not here. */
export type RoleGroups = Partial<
  Record<Exclude<AccountabilityRole, 'owner'>, string>
>;

/** Someone named beside a decision. */
export interface Party {
  /** Null when the rule names a group directly. */
  role: AccountabilityRole | null;
  /** What the page prints: the role's title, or the group ref named directly. */
  title: string;
  /** The group's entity ref; null when the role has no group configured or there is no owner. */
  ref: string | null;
}

export interface ResolvedDecision {
  id: DecisionId;
  title: string;
  summary: string;
  decides: Party;
  consulted: Party[];
  source: { title: string; url: string };
}

/** Who decides and who is consulted, with the roles turned into groups. */
export class Accountability {
  constructor(
    private readonly rules: DecisionRule[],
    private readonly groups: RoleGroups,
  ) {}

  /**
   * The decision as it applies to something owned by `ownerRef` (a budget's team, an
   * onboarding request's owner); null when the owner is not known yet.
   */
  forDecision(id: DecisionId, ownerRef: string | null): ResolvedDecision {
    const rule = this.rules.find(r => r.id === id);
    if (!rule) throw new Error(`No accountability rule for "${id}"`);
    const party = (assignee: Assignee) => this.#party(assignee, ownerRef);
    return {
      id: rule.id,
      title: rule.title,
      summary: rule.summary,
      decides: party(rule.decides),
      consulted: rule.consulted.map(party),
      source: rule.source,
    };
  }

  /**
   * Every decision, as the accountability page lists it: for something owned by
   * `ownerRef`, or with the owner left open.
   */
  list(ownerRef: string | null = null): ResolvedDecision[] {
    return this.rules.map(rule => this.forDecision(rule.id, ownerRef));
  }

  #party(assignee: Assignee, ownerRef: string | null): Party {
    if ('ref' in assignee) {
      return { role: null, title: assignee.ref, ref: assignee.ref };
    }
    const ref =
      assignee.role === 'owner'
        ? ownerRef?.toLowerCase() ?? null
        : this.groups[assignee.role] ?? null;
    return { role: assignee.role, title: ROLE_TITLES[assignee.role], ref };
  }
}
