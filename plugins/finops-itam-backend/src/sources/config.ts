import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader, JsonObject } from '@backstage/config';
import { EXPORT_LAYOUTS, LayoutSetting } from './exportLayouts';
import { DEFAULT_MAX_DECOMPRESSED_BYTES } from '../ingestion/gunzipToFile';

/** A configured cost source: where its FOCUS exports are and when to read them. */
export interface CostSourceConfig {
  id: string;
  location: string;
  /** How a directory or URL prefix splits into deliveries; `auto` when left out. */
  layout?: LayoutSetting;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** Everything under `finopsItam` that cost ingestion reads, with defaults applied. */
export interface CostIngestionConfig {
  sources: CostSourceConfig[];
  maxRejectedShare: number;
  uploadLimitMb: number;
  maxDecompressedBytes: number;
  retentionMonths: number;
}

export const SOURCE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Hourly, and slow enough at start that a restarting backend serves requests first. Also
 * the schedule of a source a module contributes without one.
 */
export const DEFAULT_SCHEDULE = {
  frequency: { hours: 1 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 10 },
};

/** Any `scheme://`; a Windows drive letter (`C:\`) has a one-letter "scheme" and stays local. */
const URL_SCHEME = /^([a-z][a-z0-9+.-]+):\/\//i;

/**
 * A scheduler definition from `config` (the `schedule` block at `key`), each field left out
 * taken from `defaults`, so `frequency` alone is a complete schedule. Errors name `key`.
 * Shared by every kind of scheduled source (cost, metric, license files).
 */
export function readScheduleWithDefaults(
  config: Config | undefined,
  key: string,
  defaults: JsonObject,
): SchedulerServiceTaskScheduleDefinition {
  const data = { ...defaults, ...(config?.get<JsonObject>() ?? {}) };
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(
      new ConfigReader(data, 'app-config', undefined, key),
    );
  } catch (error) {
    throw new Error(
      `Invalid ${key}: ${error instanceof Error ? error.message : error}`,
    );
  }
}

/** A source's `location`: a local path or an http(s) URL for the URL reader; errors name `key`. */
export function readSourceLocation(source: Config, key: string): string {
  const location = source.getString('location').trim();
  const scheme = URL_SCHEME.exec(location)?.[1].toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    throw new Error(
      `${key}.location "${location}" uses ${scheme}://, but only local paths and ` +
        `http(s) URLs read through the Backstage URL reader are supported ` +
        `(for S3 use https://<bucket>.s3.<region>.amazonaws.com/<key>)`,
    );
  }
  return location;
}

const LAYOUT_SETTINGS: readonly string[] = ['auto', ...EXPORT_LAYOUTS];

/** A cost source's `layout`; a provider layout on a URL needs a prefix (ending in `/`). */
function readLayout(
  source: Config,
  key: string,
  location: string,
): LayoutSetting {
  const layout = source.getOptionalString('layout') ?? 'auto';
  if (!LAYOUT_SETTINGS.includes(layout)) {
    throw new Error(
      `${key}.layout "${layout}" is not one of ${LAYOUT_SETTINGS.join(', ')}`,
    );
  }
  if (
    layout !== 'auto' &&
    layout !== 'files' &&
    isUrlLocation(location) &&
    !location.endsWith('/')
  ) {
    throw new Error(
      `${key}.layout "${layout}" reads a prefix: end ${key}.location "${location}" with "/"`,
    );
  }
  return layout as LayoutSetting;
}

function readSources(config: Config): CostSourceConfig[] {
  const entries = config.getOptionalConfigArray('finopsItam.costSources') ?? [];
  const seen = new Set<string>();
  return entries.map((source, index) => {
    const key = `finopsItam.costSources[${index}]`;
    const id = source.getString('id');
    if (!SOURCE_ID_PATTERN.test(id)) {
      throw new Error(
        `${key}.id "${id}" is not lowercase kebab-case (like "aws-focus")`,
      );
    }
    if (seen.has(id)) {
      throw new Error(`${key}.id "${id}" is used by another cost source`);
    }
    seen.add(id);
    const location = readSourceLocation(source, key);
    return {
      id,
      location,
      layout: readLayout(source, key, location),
      schedule: readScheduleWithDefaults(
        source.getOptionalConfig('schedule'),
        `${key}.schedule`,
        DEFAULT_SCHEDULE,
      ),
    };
  });
}

function readNumber(
  config: Config,
  key: string,
  fallback: number,
  valid: (value: number) => boolean,
  expected: string,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(value) || !valid(value)) {
    throw new Error(`${key} must be ${expected}, but is ${value}`);
  }
  return value;
}

/**
 * Reads and checks the cost-ingestion config at start, so a mistake stops the backend with
 * the offending key named instead of surfacing hours later in a scheduled run.
 */
export function readCostIngestionConfig(config: Config): CostIngestionConfig {
  return {
    sources: readSources(config),
    maxRejectedShare: readNumber(
      config,
      'finopsItam.ingestion.maxRejectedShare',
      0.01,
      v => v >= 0 && v <= 1,
      'a share between 0 and 1 (0.01 = 1 %)',
    ),
    uploadLimitMb: readNumber(
      config,
      'finopsItam.ingestion.uploadLimitMb',
      1024,
      v => v > 0,
      'a positive number of megabytes',
    ),
    maxDecompressedBytes: readNumber(
      config,
      'finopsItam.ingestion.maxDecompressedBytes',
      DEFAULT_MAX_DECOMPRESSED_BYTES,
      v => Number.isInteger(v) && v > 0,
      'a positive whole number of bytes',
    ),
    retentionMonths: readNumber(
      config,
      'finopsItam.retention.months',
      25,
      v => Number.isInteger(v) && v >= 1,
      'a whole number of months, at least 1',
    ),
  };
}

/** True when the location is read through the URL reader rather than from local disk. */
export function isUrlLocation(location: string): boolean {
  return /^https?:\/\//i.test(location);
}
