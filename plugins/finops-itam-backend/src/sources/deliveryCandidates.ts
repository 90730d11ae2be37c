/**
 * Shared pieces of the export layouts: the plan types, matching manifest entries to files,
 * and picking the latest complete version of a billing period.
 */

/**
 * How the files under a directory or object-store prefix make up deliveries.
 *
 * - `files`: every cost file is part of one delivery (a folder of parts of one snapshot).
 * - `aws-data-exports`: AWS Data Exports (FOCUS 1.0 with AWS columns, CUR 2.0): one
 *   delivery per `BILLING_PERIOD=YYYY-MM` partition, see awsDataExports.ts.
 * - `azure-cost-export`: Azure Cost Management exports (FOCUS): one delivery per
 *   `YYYYMMDD-YYYYMMDD` folder, see azureCostExports.ts.
 */
export const EXPORT_LAYOUTS = [
  'files',
  'aws-data-exports',
  'azure-cost-export',
] as const;
export type ExportLayout = (typeof EXPORT_LAYOUTS)[number];
/** A configured layout; `auto` recognises the two providers' folder names, else `files`. */
export type LayoutSetting = ExportLayout | 'auto';

/** A file below the location root: `/`-separated relative path and modification time. */
export interface TreeEntry {
  path: string;
  /** Milliseconds since the epoch, when the store or file system says. */
  modifiedAt?: number;
}

/** One part of a delivery; `key` stays the same from one version of the period to the next. */
export interface PlannedPart {
  path: string;
  key: string;
}

/** The files to ingest together for one billing period (or the whole location). */
export interface PlannedDelivery {
  /** `''` for a `files` layout; else the period's folder, like `export/BILLING_PERIOD=2026-10`. */
  id: string;
  parts: PlannedPart[];
  /** Things the user should know, such as a newer delivery passed over as incomplete. */
  notes: string[];
}

/** A billing period that has no delivery to ingest this time, and why. */
export interface DeliveryProblem {
  id: string;
  message: string;
}

export interface DeliveryPlan {
  layout: ExportLayout;
  deliveries: PlannedDelivery[];
  problems: DeliveryProblem[];
}

/** Reads a (small) file of the tree as text, for manifests. */
export type ReadText = (path: string) => Promise<string>;

/** Files an ingestion reads; `.gz` covers `.csv.gz`. Same set as a local directory location. */
export const isCostFile = (file: string) => /\.(csv|gz|parquet)$/i.test(file);

export const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);
export const dirName = (file: string) =>
  file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';

/** `<root>(data|metadata)/BILLING_PERIOD=YYYY-MM/<rest>` */
export const AWS_PARTITION =
  /^((?:.*\/)?)(data|metadata)\/BILLING_PERIOD=(\d{4}-\d{2})\/(.+)$/;
/** `<root>YYYYMMDD-YYYYMMDD/<run id>/<file>` */
export const AZURE_RUN_FILE = /^((?:.*\/)?)(\d{8}-\d{8})\/([^/]+)\/([^/]+)$/;

/**
 * The tree path a manifest entry points at. Manifests name parts by their full object
 * URL (`s3://bucket/prefix/...`) or their key in the bucket or container, while tree
 * paths are relative to the configured location, so the entry must end with the path.
 */
export function resolvePart(
  reference: string,
  paths: Set<string>,
): string | undefined {
  const withoutHost = reference.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i, '');
  const key = withoutHost.replace(/^\/+/, '');
  if (paths.has(key)) return key;
  const segments = key.split('/');
  for (let i = 1; i < segments.length; i++) {
    const suffix = segments.slice(i).join('/');
    if (paths.has(suffix)) return suffix;
  }
  return undefined;
}

/** One version of a billing period: a refresh folder, a run, or the manifest's file list. */
export interface Candidate {
  /** Where it is, for messages: the manifest path or the version folder. */
  label: string;
  /** Newer sorts later: submitted time or newest modification time, then `label`. */
  time: number | undefined;
  parts: string[];
  /** Parts the manifest lists that are not in the tree. */
  missing: string[];
}

const newestFirst = (a: Candidate, b: Candidate) =>
  (b.time ?? -Infinity) - (a.time ?? -Infinity) ||
  Number(b.label > a.label) - Number(b.label < a.label);

/** Newest modification time of some entries, or undefined when none is known. */
export function newestTime(entries: TreeEntry[]): number | undefined {
  const times = entries.flatMap(e =>
    e.modifiedAt === undefined ? [] : [e.modifiedAt],
  );
  return times.length > 0 ? Math.max(...times) : undefined;
}

function describeMissing(candidate: Candidate): string {
  const [first, ...rest] = candidate.missing;
  const more = rest.length > 0 ? ` and ${rest.length} more part(s)` : '';
  return `${candidate.label} lists ${first}${more}, which is missing`;
}

/**
 * The latest complete version of one billing period. A newer incomplete one is passed over
 * with a note; with no complete version at all the period is a problem naming what is
 * missing, and nothing of it is ingested.
 */
export function chooseLatestComplete(
  id: string,
  candidates: Candidate[],
  keyOf: (part: string) => string,
): PlannedDelivery | DeliveryProblem {
  const sorted = [...candidates].sort(newestFirst);
  const chosen = sorted.find(c => c.missing.length === 0);
  const newerIncomplete = sorted
    .slice(0, chosen ? sorted.indexOf(chosen) : sorted.length)
    .filter(c => c.missing.length > 0);
  if (!chosen) {
    return {
      id,
      message: `incomplete delivery: ${describeMissing(
        newerIncomplete[0],
      )}; the period was not ingested`,
    };
  }
  if (chosen.parts.length === 0) {
    return { id, message: `${chosen.label} lists no data files` };
  }
  return {
    id,
    parts: chosen.parts.map(p => ({ path: p, key: keyOf(p) })),
    notes: newerIncomplete.map(
      c =>
        `newer delivery passed over as incomplete: ${describeMissing(
          c,
        )}; used ${chosen.label}`,
    ),
  };
}

export const isProblem = (
  x: PlannedDelivery | DeliveryProblem,
): x is DeliveryProblem => 'message' in x;

/** A manifest's JSON, or an error that names the manifest. */
export async function readManifest(
  path: string,
  readText: ReadText,
): Promise<Record<string, unknown>> {
  const text = await readText(path);
  try {
    const parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed;
    }
  } catch (error) {
    throw new Error(
      `manifest ${path} is not valid JSON: ${
        error instanceof Error ? error.message : error
      }`,
    );
  }
  throw new Error(`manifest ${path} is not a JSON object`);
}
