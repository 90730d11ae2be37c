import { CostDataLicenseSettings } from './licenseConfig';
import { DedicatedHost } from './countingRules';
import { readInstanceFacts } from './instanceFacts';
import { InstanceTypeTable } from './instanceTypes';
import type { LicensedFactStore } from './LicensedFactStore';

/** The columns of a cost fact that license detection reads. */
export interface LicensedFactRow {
  day: string;
  /**
   * Every day these same facts were billed, when a compact read returns them at once
   * (`licensedFactExtract.ts`); `day` is then the latest of them.
   */
  days?: string[];
  resourceId: string | null;
  resourceName: string | null;
  providerName: string | null;
  /** FOCUS 1.3 `HostProviderName`: where the resource runs; absent before 1.3. */
  hostProviderName?: string | null;
  /** FOCUS `ResourceType`, e.g. `Dedicated Host`; absent in rows built before it was read. */
  resourceType?: string | null;
  skuId: string | null;
  skuPriceDetails: string | null;
  tags: string | null;
  entityRef: string | null;
  /** The fact's allocation key, which decides `entityRef` (`finops_itam_allocation_keys`). */
  allocationKey?: string | null;
}

export type CostLicenseModel = 'byol' | 'license-included';

/** A product a cost row shows running, and whether the license came with the bill. */
export interface LicenseDetection {
  productId: string;
  model: CostLicenseModel;
  /** How it was recognised: tags are explicit, SKU patterns are inferred. */
  via: 'tag' | 'sku';
  /** A `license-model` tag value that is neither byol nor license-included. */
  badModelTag?: string;
}

/** One resource with licensed software, over the days it appears in cost data. */
export interface LicensedResource {
  key: string;
  resourceId: string | null;
  resourceName: string | null;
  /** Where it runs, for BYOL rules: the host provider when known, else the provider. */
  provider: string | null;
  /**
   * A software or service charge (FOCUS 1.3 `HostProviderName = "Not Applicable"`), such as
   * a marketplace license purchase: not a deployment, so nothing is counted or placed.
   */
  softwareCharge: boolean;
  entityRef: string | null;
  vcpus: number | null;
  hyperThreading: boolean;
  tenancy: 'shared' | 'dedicated-instance' | 'dedicated-host';
  /** The dedicated host it runs on (a `license-host` tag), or its own id when it is one. */
  dedicatedHostId: string | null;
  /** True when the resource is a dedicated host that carries the product itself. */
  isDedicatedHost: boolean;
  /** The dedicated host's physical cores and sockets, when cost data or the host types know them. */
  host: DedicatedHost | null;
  /** Why its size is unknown, with the cost row and field, e.g. `(cost row of 2026-11-20): SkuPriceDetails…`. */
  sizeProblem: string | null;
  /** CoreCount disagreeing with the instance type's vCPUs (the vCPUs are counted). */
  coreCountMismatch: string | null;
  lastSeen: string;
  days: Set<string>;
  detections: Map<string, LicenseDetection>;
}

/** The `HostProviderName` FOCUS 1.3 gives charges that run on no host. */
const NOT_APPLICABLE = 'not applicable';

const isSoftwareCharge = (row: LicensedFactRow) =>
  row.hostProviderName?.trim().toLowerCase() === NOT_APPLICABLE;

/**
 * The location BYOL rules look at: the host provider (FOCUS 1.3), where the resource runs,
 * rather than the service provider, which may be a marketplace seller; before 1.3, the
 * provider name.
 */
export function locationOf(row: LicensedFactRow): string | null {
  const host = row.hostProviderName?.trim();
  return host && !isSoftwareCharge(row) ? host : row.providerName;
}

function parseJson(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

/**
 * True when `pattern` occurs in `text` at the start of a word, so `sql ent` matches
 * `SQL Enterprise` but not `MySQL Enterprise`.
 */
export function includesPattern(text: string, pattern: string): boolean {
  for (
    let at = text.indexOf(pattern);
    at >= 0;
    at = text.indexOf(pattern, at + 1)
  ) {
    if (at === 0 || !/[a-z0-9]/.test(text[at - 1])) return true;
  }
  return false;
}

const includesAny = (text: string, patterns: string[]) =>
  patterns.some(p => includesPattern(text, p));

function normalizeModel(value: string): CostLicenseModel | undefined {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (v === 'byol' || v === 'bring-your-own-license') return 'byol';
  if (v === 'license-included' || v === 'li') return 'license-included';
  return undefined;
}

/**
 * What licensed software a cost row shows: the `license-product` tag (with `license-model`,
 * or failing that the BYOL/license-included patterns), and products named by SKU patterns
 * in SkuId or SkuPriceDetails (e.g. `x_PreInstalledSoftware: SQL Ent`). Only those patterns
 * name a product: an operating system in the price details says nothing about licensing.
 * A tagged product id is kept as written, known or not, so unknown ids can be reported.
 */
export function detectLicenses(
  row: LicensedFactRow,
  settings: CostDataLicenseSettings,
): LicenseDetection[] {
  const tags = parseJson(row.tags) as Record<string, string | null>;
  const skuText = (row.skuId ?? '').toLowerCase();
  const allText = `${skuText} ${(row.skuPriceDetails ?? '').toLowerCase()}`;
  const detections: LicenseDetection[] = [];

  const tagged = tags[settings.productTag];
  if (typeof tagged === 'string' && tagged.trim() !== '') {
    const modelTag = tags[settings.modelTag];
    const fromTag =
      typeof modelTag === 'string' ? normalizeModel(modelTag) : undefined;
    const fromPatterns: CostLicenseModel =
      includesAny(allText, settings.licenseIncludedPatterns) &&
      !includesAny(allText, settings.byolPatterns)
        ? 'license-included'
        : 'byol';
    detections.push({
      productId: tagged.trim().toLowerCase(),
      model: fromTag ?? fromPatterns,
      via: 'tag',
      ...(typeof modelTag === 'string' && !fromTag
        ? { badModelTag: modelTag }
        : {}),
    });
  }
  for (const sku of settings.skuProducts) {
    if (
      !includesPattern(allText, sku.pattern) ||
      detections.some(d => d.productId === sku.productId)
    ) {
      continue;
    }
    // Software named by the SKU comes with the bill unless the row says it was brought.
    let model: CostLicenseModel = 'license-included';
    if (sku.model) {
      model = sku.model;
    } else if (
      !includesAny(allText, settings.licenseIncludedPatterns) &&
      includesAny(allText, settings.byolPatterns)
    ) {
      model = 'byol';
    }
    detections.push({ productId: sku.productId, model, via: 'sku' });
  }
  return detections;
}

function tenancyOf(
  details: Record<string, unknown>,
  tags: Record<string, unknown>,
): LicensedResource['tenancy'] {
  const text = String(
    details.Tenancy ?? details.x_Tenancy ?? tags.tenancy ?? '',
  ).toLowerCase();
  if (text.includes('host')) return 'dedicated-host';
  if (text.includes('dedicated')) return 'dedicated-instance';
  return 'shared';
}

/** The dedicated host a VM row names: the host tag, or a provider's host id column. */
function hostIdOf(
  details: Record<string, unknown>,
  tags: Record<string, unknown>,
  settings: CostDataLicenseSettings,
) {
  const id = tags[settings.hostTag] ?? details.x_HostId;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : null;
}

/** What one row's SKU, price details, resource type and tags say, independent of its day and resource. */
function interpretRow(
  row: LicensedFactRow,
  settings: CostDataLicenseSettings,
  instanceTypes: InstanceTypeTable,
) {
  const detections = detectLicenses(row, settings);
  const details = parseJson(row.skuPriceDetails);
  const tags = parseJson(row.tags);
  const facts = readInstanceFacts(details, row.resourceType, instanceTypes);
  const hostId = facts.isHost ? null : hostIdOf(details, tags, settings);
  let tenancy = tenancyOf(details, tags);
  if (facts.isHost || hostId !== null) tenancy = 'dedicated-host';
  return { detections, ...facts, hostId, tenancy };
}

/** Host ids as cost data writes them (an ARN, or the bare `h-…` id) match the same host. */
function hostKeys(id: string): string[] {
  const lower = id.toLowerCase();
  const tail = lower.slice(lower.lastIndexOf('/') + 1);
  return tail === lower ? [lower] : [lower, tail];
}

/**
 * Groups licensed cost rows by resource: each resource lists the products it runs, its
 * size (the largest known over the window), where it runs and the days it was billed.
 */
export function groupLicensedResources(
  rows: LicensedFactRow[],
  settings: CostDataLicenseSettings,
  instanceTypes: InstanceTypeTable,
): LicensedResource[] {
  const resources = new Map<string, LicensedResource>();
  // A resource repeats the same SKU, price details and tags every day of the window:
  // interpret each combination once instead of parsing JSON and matching patterns per row.
  const interpreted = new Map<string, ReturnType<typeof interpretRow>>();
  // Dedicated hosts billed in the window, by id, for the VMs that name them.
  const hosts = new Map<string, DedicatedHost>();
  for (const row of rows) {
    const rowKey = `${row.skuId}\u0000${row.skuPriceDetails}\u0000${row.tags}\u0000${row.resourceType}`;
    let facts = interpreted.get(rowKey);
    if (!facts) {
      facts = interpretRow(row, settings, instanceTypes);
      interpreted.set(rowKey, facts);
    }
    const { detections, singleThreaded, tenancy } = facts;
    const ownHost =
      facts.host && row.resourceId
        ? { id: row.resourceId, ...facts.host }
        : null;
    if (ownHost)
      for (const key of hostKeys(ownHost.id)) hosts.set(key, ownHost);
    if (detections.length === 0) continue;
    const softwareCharge = isSoftwareCharge(row);
    // A charge is sized by nothing: its core count is what it sells, not what runs.
    const vcpus = softwareCharge ? null : facts.vcpus;
    const id =
      row.resourceId ??
      row.resourceName ??
      `(no resource id: ${row.skuId ?? 'unknown sku'})`;
    // Kept apart from a VM with the same id, which is a deployment.
    const key = softwareCharge ? `${id} (software charge)` : id;
    let resource = resources.get(key);
    if (!resource) {
      resource = {
        key,
        resourceId: row.resourceId,
        resourceName: row.resourceName,
        provider: locationOf(row),
        softwareCharge,
        entityRef: row.entityRef,
        vcpus: null,
        hyperThreading: true,
        tenancy: 'shared',
        dedicatedHostId: null,
        isDedicatedHost: false,
        host: null,
        sizeProblem: null,
        coreCountMismatch: null,
        lastSeen: row.day,
        days: new Set(),
        detections: new Map(),
      };
      resources.set(key, resource);
    }
    for (const day of row.days ?? [row.day]) resource.days.add(day);
    if (row.day >= resource.lastSeen) {
      resource.lastSeen = row.day;
      resource.entityRef = row.entityRef ?? resource.entityRef;
      resource.resourceName = row.resourceName ?? resource.resourceName;
    }
    if (vcpus !== null && (resource.vcpus === null || vcpus > resource.vcpus))
      resource.vcpus = vcpus;
    if (singleThreaded) resource.hyperThreading = false;
    if (tenancy !== 'shared') resource.tenancy = tenancy;
    if (!softwareCharge) {
      if (facts.isHost) {
        resource.isDedicatedHost = true;
        resource.dedicatedHostId = row.resourceId ?? key;
        resource.host = ownHost ?? resource.host;
      } else if (facts.hostId !== null) {
        resource.dedicatedHostId = facts.hostId;
      }
      if (facts.sizeProblem && resource.sizeProblem === null) {
        resource.sizeProblem = `(cost row of ${row.day}): ${facts.sizeProblem}`;
      }
      resource.coreCountMismatch =
        facts.coreCountMismatch ?? resource.coreCountMismatch;
    }
    for (const detection of detections) {
      const earlier = resource.detections.get(detection.productId);
      // Tags are explicit and win over SKU inference.
      if (!earlier || (earlier.via === 'sku' && detection.via === 'tag')) {
        resource.detections.set(detection.productId, detection);
      }
    }
  }
  for (const resource of resources.values()) {
    if (resource.dedicatedHostId !== null && resource.host === null) {
      resource.host =
        hostKeys(resource.dedicatedHostId)
          .map(k => hosts.get(k))
          .find(Boolean) ?? null;
    }
  }
  return [...resources.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

/**
 * Cost rows over the last `windowDays` days of cost data that may carry licensed software:
 * tagged with the product tag, or with a SKU matching a product pattern. Distinct per day
 * and resource, so a resource billed in many rows a day reads once.
 */
export async function readLicensedFacts(
  store: Pick<LicensedFactStore, 'latestFactDay' | 'licensedFacts'>,
  settings: CostDataLicenseSettings,
  /** Days to read instead of the window (both included), e.g. the months the license cost task recomputes. */
  range?: { from: string; to: string },
): Promise<{ latestDay: string | null; rows: LicensedFactRow[] }> {
  const latestDay = await store.latestFactDay();
  if (!latestDay) return { latestDay: null, rows: [] };
  const from = new Date(`${latestDay}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - settings.windowDays + 1);
  const rows = await store.licensedFacts(
    settings,
    range ?? { from: from.toISOString().slice(0, 10), to: latestDay },
  );
  return { latestDay, rows };
}
