import { parseEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { Accountability, RoleGroups } from './Accountability';
import {
  ACCOUNTABILITY_ROLES,
  AccountabilityRole,
  Assignee,
  DECISION_IDS,
  DecisionRule,
  SHIPPED_DECISIONS,
} from './shippedDecisions';

const KEY = 'finopsItam.accountability';

const isRole = (value: string): value is AccountabilityRole =>
  (ACCOUNTABILITY_ROLES as readonly string[]).includes(value);

/** The owner differs per decision, so only the other roles are configured groups. */
const CONFIGURABLE_ROLES = ACCOUNTABILITY_ROLES.filter(
  (role): role is Exclude<AccountabilityRole, 'owner'> => role !== 'owner',
);

function groupRef(value: string, where: string): string {
  try {
    const parsed = parseEntityRef(value, { defaultKind: 'group' });
    return `${parsed.kind}:${parsed.namespace}/${parsed.name}`.toLowerCase();
  } catch {
    throw new Error(
      `Invalid ${where}: "${value}" is neither a role (${ACCOUNTABILITY_ROLES.join(
        ', ',
      )}) nor an entity ref like group:default/team-finops`,
    );
  }
}

/** A role name stays a role; anything else is read as a group ref. */
function assignee(value: string, where: string): Assignee {
  const trimmed = value.trim();
  if (trimmed === '') throw new Error(`Invalid ${where}: must not be empty`);
  return isRole(trimmed)
    ? { role: trimmed }
    : { ref: groupRef(trimmed, where) };
}

function readRoles(config: Config): RoleGroups {
  const roles = config.getOptionalConfig(`${KEY}.roles`);
  const groups: RoleGroups = {};
  for (const name of roles?.keys() ?? []) {
    const where = `${KEY}.roles.${name}`;
    if (name === 'owner') {
      throw new Error(
        `Invalid ${where}: the owner is the group owning what is decided on, not a configured group`,
      );
    }
    const role = CONFIGURABLE_ROLES.find(r => r === name);
    if (!role) {
      throw new Error(
        `Invalid ${where}: unknown role; the configurable roles are ${CONFIGURABLE_ROLES.join(
          ', ',
        )}`,
      );
    }
    groups[role] = groupRef(roles!.getString(name), where);
  }
  return groups;
}

function readDecision(
  section: Config | undefined,
  shipped: DecisionRule,
): DecisionRule {
  const where = `${KEY}.decisions.${shipped.id}`;
  const given = section?.getOptionalConfig(`decisions.${shipped.id}`);
  if (!given) return shipped;
  const unknown = given
    .keys()
    .filter(k => k !== 'decides' && k !== 'consulted');
  if (unknown.length > 0) {
    throw new Error(
      `Invalid ${where}.${unknown[0]}: unknown setting; a decision takes decides and consulted`,
    );
  }
  const decides = given.getOptionalString('decides');
  const consulted = given.getOptionalStringArray('consulted');
  return {
    ...shipped,
    decides:
      decides === undefined
        ? shipped.decides
        : assignee(decides, `${where}.decides`),
    consulted:
      consulted === undefined
        ? shipped.consulted
        : consulted.map((value, index) =>
            assignee(value, `${where}.consulted[${index}]`),
          ),
  };
}

/**
 * The shipped accountability rules with `finopsItam.accountability`: `roles` names the
 * group behind each role (`finops: group:default/team-finops`), `decisions.<id>` replaces
 * who decides or who is consulted, by role or group ref. A mistake throws naming the key.
 */
export function readAccountability(config: Config): Accountability {
  const section = config.getOptionalConfig(KEY);
  for (const key of section?.keys() ?? []) {
    if (key !== 'roles' && key !== 'decisions') {
      throw new Error(
        `Invalid ${KEY}.${key}: unknown setting; accountability takes roles and decisions`,
      );
    }
  }
  for (const id of section?.getOptionalConfig('decisions')?.keys() ?? []) {
    if (!(DECISION_IDS as readonly string[]).includes(id)) {
      throw new Error(
        `Invalid ${KEY}.decisions.${id}: unknown decision; the decisions are ${DECISION_IDS.join(
          ', ',
        )}`,
      );
    }
  }
  const rules = SHIPPED_DECISIONS.map(rule => readDecision(section, rule));
  return new Accountability(rules, readRoles(config));
}
