import { AuthService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  MissingTagsGroup,
  SuggestedOwner,
  UnallocatedResource,
  UnallocatedResponse,
} from '@finops-itam/plugin-finops-itam-common';
import { CostReportStore } from '../database/CostReportStore';
import { Money, MoneyValue, mainCurrency } from '../money';
import { ALLOCATION_KINDS } from './AllocationService';

export const DEFAULT_REQUIRED_TAGS = [
  'application',
  'environment',
  'team',
  'cost-center',
];

/** `finopsItam.allocation.requiredTags`, trimmed, or the default list. */
export function readRequiredTags(config: Config): string[] {
  const key = 'finopsItam.allocation.requiredTags';
  const tags = config.getOptionalStringArray(key);
  if (tags === undefined) {
    return DEFAULT_REQUIRED_TAGS;
  }
  const trimmed = tags.map(tag => tag.trim());
  if (trimmed.some(tag => tag === '')) {
    throw new Error(`Invalid ${key}: tag keys must not be empty`);
  }
  return [...new Set(trimmed)];
}

const DELIMITER = /[-_/.:]/;

/**
 * Naming standards: finds the component whose name a resource id or name contains as a
 * whole run of segments between `-`, `_`, `/`, `.` and `:` (so `checkout` matches
 * `checkout-vm-1` and `arn:aws:ec2:checkout-12` but not `checkouts-db`), case-insensitively.
 * The longest name wins, as the most specific; equal names go to the first ref.
 */
export class ComponentNameMatcher {
  private readonly refsByName = new Map<string, string>();

  constructor(components: Iterable<Entity>) {
    const refs = [...components]
      .map(e => ({
        name: e.metadata.name.toLocaleLowerCase('en-US'),
        ref: stringifyEntityRef(e).toLocaleLowerCase('en-US'),
      }))
      .sort((a, b) => (a.ref < b.ref ? -1 : 1));
    for (const { name, ref } of refs) {
      if (!this.refsByName.has(name)) this.refsByName.set(name, ref);
    }
  }

  /** The longest component name in `text` on segment boundaries, or undefined. */
  private longestIn(text: string): { name: string; ref: string } | undefined {
    const lower = text.toLocaleLowerCase('en-US');
    const starts = [0];
    const ends: number[] = [];
    for (let i = 0; i < lower.length; i++) {
      if (DELIMITER.test(lower[i])) {
        ends.push(i);
        starts.push(i + 1);
      }
    }
    ends.push(lower.length);
    let best: { name: string; ref: string } | undefined;
    for (const start of starts) {
      for (const end of ends) {
        if (end <= start || (best && end - start <= best.name.length)) continue;
        const name = lower.slice(start, end);
        const ref = this.refsByName.get(name);
        if (ref) best = { name, ref };
      }
    }
    return best;
  }

  suggest(
    resourceId: string | null,
    resourceName: string | null,
  ): SuggestedOwner | undefined {
    let found:
      | { field: string; value: string; name: string; ref: string }
      | undefined;
    for (const [field, value] of [
      ['resource name', resourceName],
      ['resource id', resourceId],
    ] as const) {
      const match = value ? this.longestIn(value) : undefined;
      if (match && (!found || match.name.length > found.name.length)) {
        found = { field, value: value!, ...match };
      }
    }
    return found
      ? {
          entityRef: found.ref,
          reason: `${found.field} "${found.value}" contains component name "${found.name}"`,
        }
      : undefined;
  }
}

function parseTags(text: string | null): Record<string, string> {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? parsed
      : {};
  } catch {
    return {};
  }
}

/** Required keys a row's tags lack; keys compare trimmed and case-insensitively, empty values count as missing. */
export function missingTagKeys(
  tags: Record<string, string>,
  required: readonly string[],
): string[] {
  const present = new Set(
    Object.entries(tags)
      .filter(([, value]) => String(value ?? '').trim() !== '')
      .map(([key]) => key.trim().toLocaleLowerCase('en-US')),
  );
  return required.filter(key => !present.has(key.toLocaleLowerCase('en-US')));
}

const resourceKey = (id: string | null, name: string | null) =>
  `${id ?? '\u0001'}\u0000${name ?? '\u0001'}`;

function ownerRef(entity: Entity): string | null {
  if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
    return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  }
  const owner = (entity.spec as Record<string, unknown> | undefined)?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') return null;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: DEFAULT_NAMESPACE,
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return null;
  }
}

/**
 * What allocation could not place and why: the costliest unallocated resources (amortized;
 * a fact of a shared pool that was never split counts as unallocated, as in coverage) with
 * a suggested owner from naming standards, and per owner the resources lacking required tags.
 */
export class UnallocatedReport {
  constructor(
    private readonly options: {
      store: Pick<
        CostReportStore,
        'unallocatedCostByResource' | 'resourceTagStates'
      >;
      catalog: Pick<CatalogService, 'getEntities'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      requiredTags: readonly string[];
    },
  ) {}

  async unallocated(query: {
    from: string;
    to: string;
    limit: number;
  }): Promise<UnallocatedResponse> {
    const { store, requiredTags } = this.options;
    const { from, to, limit } = query;
    const [entities, amounts, latest] = await Promise.all([
      this.readEntities(),
      store.unallocatedCostByResource({ from, to }),
      this.latestTagsByResource(from, to),
    ]);

    const totals = new Map<string, MoneyValue>();
    for (const row of amounts) {
      totals.set(
        row.currency,
        (totals.get(row.currency) ?? new Money(0)).plus(row.amount),
      );
    }
    const { currency, others } = mainCurrency(totals);

    const matcher = new ComponentNameMatcher(
      entities.filter(e => e.kind.toLocaleLowerCase('en-US') === 'component'),
    );
    const resources: UnallocatedResource[] = amounts
      .filter(row => row.currency === currency)
      .map(row => ({ row, cost: new Money(row.amount) }))
      .sort(
        (a, b) =>
          b.cost.cmp(a.cost) ||
          compareNullable(a.row.resourceId, b.row.resourceId) ||
          compareNullable(a.row.resourceName, b.row.resourceName) ||
          compareNullable(a.row.serviceName, b.row.serviceName) ||
          compareNullable(a.row.subAccountId, b.row.subAccountId) ||
          compareNullable(a.row.billingAccountId, b.row.billingAccountId),
      )
      .slice(0, limit)
      .map(({ row }) => {
        const suggestedOwner = matcher.suggest(
          row.resourceId,
          row.resourceName,
        );
        return {
          resourceId: row.resourceId,
          resourceName: row.resourceName,
          serviceName: row.serviceName,
          subAccountId: row.subAccountId,
          billingAccountId: row.billingAccountId,
          cost: row.amount,
          tags:
            latest.get(resourceKey(row.resourceId, row.resourceName))?.tags ??
            {},
          ...(suggestedOwner && { suggestedOwner }),
        };
      });

    return {
      currency,
      from,
      to,
      total: (currency ? totals.get(currency)! : new Money(0)).toFixed(),
      resources,
      missingTags: this.missingTags(entities, latest, requiredTags, limit),
      ...(others.length > 0 && { otherCurrencies: others }),
    };
  }

  /** Per owner of the entity a resource is (latest) allocated to, the resources lacking required tags. */
  private missingTags(
    entities: Entity[],
    latest: Map<string, LatestResourceState>,
    requiredTags: readonly string[],
    limit: number,
  ): MissingTagsGroup[] {
    if (requiredTags.length === 0) return [];
    const owners = new Map<string, string | null>();
    for (const entity of entities) {
      owners.set(
        stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        ownerRef(entity),
      );
    }
    const byOwner = new Map<string | null, MissingTagsGroup['resources']>();
    for (const state of latest.values()) {
      if (state.resourceId === null && state.resourceName === null) continue;
      const missing = missingTagKeys(state.tags, requiredTags);
      if (missing.length === 0) continue;
      const owner =
        state.allocatedEntityRef === null
          ? null
          : owners.get(state.allocatedEntityRef) ??
            (state.allocatedEntityRef.startsWith('group:')
              ? state.allocatedEntityRef
              : null);
      const list = byOwner.get(owner) ?? [];
      list.push({
        resourceId: state.resourceId,
        resourceName: state.resourceName,
        missing,
      });
      byOwner.set(owner, list);
    }
    return [...byOwner.entries()]
      .sort(([a], [b]) => compareNullable(a, b))
      .map(([owner, list]) => ({
        owner,
        requiredTags: [...requiredTags],
        resources: list
          .sort(
            (a, b) =>
              compareNullable(a.resourceId, b.resourceId) ||
              compareNullable(a.resourceName, b.resourceName),
          )
          .slice(0, limit),
        resourceCount: list.length,
      }));
  }

  /** Each resource's tags and allocation on its latest day in the period. */
  private async latestTagsByResource(
    from: string,
    to: string,
  ): Promise<Map<string, LatestResourceState>> {
    const rows = await this.options.store.resourceTagStates({ from, to });
    const out = new Map<
      string,
      LatestResourceState & { lastDay: string; tagText: string }
    >();
    for (const row of rows) {
      const key = resourceKey(row.resourceId, row.resourceName);
      const current = out.get(key);
      const lastDay = row.lastDay;
      const tagText = row.tags ?? '';
      const ref = row.allocatedEntityRef ?? '';
      // Latest day wins; on the same day the choice is still deterministic.
      if (
        !current ||
        lastDay > current.lastDay ||
        (lastDay === current.lastDay &&
          (tagText > current.tagText ||
            (tagText === current.tagText &&
              ref > (current.allocatedEntityRef ?? ''))))
      ) {
        out.set(key, {
          resourceId: row.resourceId,
          resourceName: row.resourceName,
          tags: parseTags(row.tags),
          allocatedEntityRef: row.allocatedEntityRef,
          lastDay,
          tagText,
        });
      }
    }
    return out;
  }

  private async readEntities(): Promise<Entity[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { items } = await this.options.catalog.getEntities(
      { filter: { kind: ALLOCATION_KINDS } },
      { credentials },
    );
    return items;
  }
}

interface LatestResourceState {
  resourceId: string | null;
  resourceName: string | null;
  tags: Record<string, string>;
  allocatedEntityRef: string | null;
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
