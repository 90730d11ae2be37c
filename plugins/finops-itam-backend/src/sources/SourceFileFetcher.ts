import { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError, NotFoundError, NotModifiedError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeScratchDirectory } from '../shared/scratchDirectory';
import { downloadUrl } from './downloadUrl';
import { LocationNotFoundError } from './errors';
import { DeliveryProblem } from './deliveryCandidates';
import {
  DeliveryPlan,
  ExportLayout,
  LayoutSetting,
  planDeliveries,
} from './exportLayouts';
import { listLocalTree } from './exportTree';
import { etagOf, fingerprintFile, sha256Fingerprint } from './fingerprint';
import { listLocalFiles } from './listLocalFiles';
import { isUrlLocation, redactLocation } from './locations';

/** One file of a source as it is now. */
export interface SourceFile {
  /** Stable name within the source: the path relative to the location root, or the URL. */
  key: string;
  /** `sha256:<hex>` of the content, or `etag:<etag>` from the object store. */
  fingerprint: string;
}

/** A file ready to be read from local disk. */
export interface LocalSourceFile extends SourceFile {
  path: string;
}

/** The files a location holds now. Call `release()` when done, also after a failure. */
export interface SourceFiles {
  files: SourceFile[];
  /**
   * Makes every file readable from local disk. Remote files the store reported unchanged
   * were not downloaded while listing; they are fetched here, because a changed delivery
   * is always ingested whole.
   */
  localFiles(): Promise<LocalSourceFile[]>;
  /** Removes temporary downloads. */
  release(): Promise<void>;
}

/**
 * Key of the object store's etag for a whole prefix (`readTree`) among a source's file
 * fingerprints; no file has an empty key.
 */
export const TREE_ETAG_KEY = '';

/** One delivery of a source: all files of one billing period, or of the whole location. */
export interface SourceDelivery {
  /** `''` when the location is one delivery; else the period folder, like `export/BILLING_PERIOD=2026-10`. */
  id: string;
  /** Keys are `<id>/<part name>`, the same for every version of the period. */
  files: SourceFile[];
  /** Things the run should report, such as a newer delivery passed over as incomplete. */
  notes: string[];
  localFiles(): Promise<LocalSourceFile[]>;
}

/** The deliveries a location holds now. Call `release()` when done, also after a failure. */
export interface SourceDeliveries {
  layout: ExportLayout;
  deliveries: SourceDelivery[];
  /** Periods with nothing to ingest (an incomplete delivery, a bad manifest), and why. */
  problems: DeliveryProblem[];
  /** The store's etag for the whole prefix, when it gives one (git hosts do, S3 does not). */
  treeEtag?: string;
  /** The store answered "not modified" to the etag of the last complete run. */
  treeUnchanged: boolean;
  release(): Promise<void>;
}

export interface SourceFileFetcherOptions {
  urlReader: UrlReaderService;
  /** Base of relative local locations; the backend's working directory by default. */
  workingDirectory?: string;
  /** Where downloads go while they are read; the OS temp directory by default. */
  tempDirectory?: string;
}

interface RemoteFile {
  url: string;
  key: string;
  fingerprint: string;
  path?: string;
}

/**
 * Lists and fingerprints the files of a cost source location: local files, directories and
 * globs, or URLs read through the Backstage URL reader (S3, Azure Blob, GCS, HTTP). Remote
 * bodies are streamed to temporary files, never held in memory.
 */
export class SourceFileFetcher {
  private readonly urlReader: UrlReaderService;
  private readonly workingDirectory: string;
  private readonly tempDirectory: string;

  constructor(options: SourceFileFetcherOptions) {
    this.urlReader = options.urlReader;
    this.workingDirectory = options.workingDirectory ?? process.cwd();
    this.tempDirectory = options.tempDirectory ?? os.tmpdir();
  }

  /**
   * @param previous - fingerprints of the last successful run by file key; their etags let
   *   the object store answer "not modified" without sending the file again.
   */
  async fetch(
    location: string,
    previous: Record<string, string> = {},
  ): Promise<SourceFiles> {
    return isUrlLocation(location)
      ? this.fetchRemote(location, previous)
      : this.fetchLocal(location);
  }

  /**
   * The deliveries of a location. A directory, or a URL ending in `/` (a prefix read with
   * the URL reader's `readTree`), is split by its export layout: one delivery per billing
   * period, the latest complete version of each (see exportLayouts.ts). Anything else, and
   * the `files` layout, is one delivery of all files, as `fetch` lists them.
   */
  async fetchDeliveries(
    location: string,
    layout: LayoutSetting = 'auto',
    previous: Record<string, string> = {},
  ): Promise<SourceDeliveries> {
    if (isUrlLocation(location)) {
      if (location.endsWith('/')) {
        return this.fetchRemoteTree(location, layout, previous);
      }
    } else {
      const directory = path.resolve(this.workingDirectory, location);
      const info = await stat(directory).catch(() => undefined);
      if (info?.isDirectory() && layout !== 'files') {
        const local = await this.fetchLocalTree(location, directory, layout);
        if (local) return local;
      }
    }
    if (layout !== 'files' && layout !== 'auto') {
      throw new LocationNotFoundError(
        `location "${redactLocation(
          location,
        )}" is not a directory or a URL ending in "/", which the ${layout} layout needs`,
      );
    }
    return this.wholeLocation(await this.fetch(location, previous));
  }

  private wholeLocation(fetched: SourceFiles): SourceDeliveries {
    return {
      layout: 'files',
      deliveries: [
        {
          id: '',
          files: fetched.files,
          notes: [],
          localFiles: () => fetched.localFiles(),
        },
      ],
      problems: [],
      treeUnchanged: false,
      release: () => fetched.release(),
    };
  }

  /** A local directory by its layout; undefined when it turns out to be plain files. */
  private async fetchLocalTree(
    location: string,
    directory: string,
    layout: LayoutSetting,
  ): Promise<SourceDeliveries | undefined> {
    const entries = await listLocalTree(directory);
    const absolute = new Map(entries.map(e => [e.path, e.absolute]));
    const plan = await planDeliveries(entries, layout, file =>
      readFile(absolute.get(file)!, 'utf8'),
    );
    if (plan.layout === 'files') return undefined;
    this.requireDeliveries(plan, location);
    const deliveries: SourceDelivery[] = [];
    for (const planned of plan.deliveries) {
      const files: LocalSourceFile[] = [];
      for (const part of planned.parts) {
        const file = absolute.get(part.path)!;
        files.push({
          key: part.key,
          path: file,
          fingerprint: await fingerprintFile(file),
        });
      }
      deliveries.push({
        id: planned.id,
        files: files.map(({ key, fingerprint }) => ({ key, fingerprint })),
        notes: planned.notes,
        localFiles: async () => files,
      });
    }
    return {
      layout: plan.layout,
      deliveries,
      problems: plan.problems,
      treeUnchanged: false,
      release: async () => {},
    };
  }

  /**
   * A prefix through `readTree`. The Backstage object-store readers (S3, Azure Blob, GCS)
   * download every object under the prefix and give no tree etag, so changes are found by
   * content hashes; readers that do give one (git hosts) are asked "if none match".
   */
  private async fetchRemoteTree(
    location: string,
    layout: LayoutSetting,
    previous: Record<string, string>,
  ): Promise<SourceDeliveries> {
    const etag = previous[TREE_ETAG_KEY] || undefined;
    let response;
    try {
      response = await this.urlReader.readTree(
        location,
        etag ? { etag } : undefined,
      );
    } catch (error) {
      if (isError(error) && error.name === NotModifiedError.name) {
        return {
          layout: 'files',
          deliveries: [],
          problems: [],
          treeEtag: etag,
          treeUnchanged: true,
          release: async () => {},
        };
      }
      throw this.explain(error, location);
    }
    const treeFiles = await response.files();
    const byPath = new Map(
      treeFiles.map(f => [f.path.split('\\').join('/'), f]),
    );
    const entries = [...byPath].map(([file, entry]) => ({
      path: file,
      modifiedAt: entry.lastModifiedAt?.getTime(),
    }));
    const plan = await planDeliveries(entries, layout, async file =>
      (await byPath.get(file)!.content()).toString('utf8'),
    );
    this.requireDeliveries(plan, location);

    const directory = await makeScratchDirectory('source', this.tempDirectory);
    const release = () => rm(directory, { recursive: true, force: true });
    try {
      const deliveries: SourceDelivery[] = [];
      let index = 0;
      for (const planned of plan.deliveries) {
        const files: LocalSourceFile[] = [];
        for (const part of planned.parts) {
          // Held in memory once: readTree gives whole buffers, not streams.
          const content = await byPath.get(part.path)!.content();
          const file = path.join(directory, `${index++}`);
          await writeFile(file, content);
          files.push({
            key: part.key,
            path: file,
            fingerprint: sha256Fingerprint(
              createHash('sha256').update(content),
            ),
          });
        }
        deliveries.push({
          id: planned.id,
          files: files.map(({ key, fingerprint }) => ({ key, fingerprint })),
          notes: planned.notes,
          localFiles: async () => files,
        });
      }
      return {
        layout: plan.layout,
        deliveries,
        problems: plan.problems,
        treeEtag: response.etag || undefined,
        treeUnchanged: false,
        release,
      };
    } catch (error) {
      await release();
      throw this.explain(error, location);
    }
  }

  /** A layout location with neither a delivery nor a problem holds no exports at all. */
  private requireDeliveries(plan: DeliveryPlan, location: string) {
    if (plan.deliveries.length > 0 || plan.problems.length > 0) return;
    const expected: Record<ExportLayout, string> = {
      files: '*.csv, *.csv.gz, *.gz and *.parquet files',
      'aws-data-exports':
        'data/BILLING_PERIOD=YYYY-MM or metadata/BILLING_PERIOD=YYYY-MM folders',
      'azure-cost-export': 'YYYYMMDD-YYYYMMDD/<run id>/ folders',
    };
    throw new LocationNotFoundError(
      `location "${redactLocation(location)}" matches no files (looked for ${
        expected[plan.layout]
      })`,
    );
  }

  private async fetchLocal(location: string): Promise<SourceFiles> {
    const listed = await listLocalFiles(location, this.workingDirectory);
    const files: LocalSourceFile[] = [];
    for (const file of listed) {
      files.push({ ...file, fingerprint: await fingerprintFile(file.path) });
    }
    return {
      files: files.map(({ key, fingerprint }) => ({ key, fingerprint })),
      localFiles: async () => files,
      release: async () => {},
    };
  }

  private async fetchRemote(
    location: string,
    previous: Record<string, string>,
  ): Promise<SourceFiles> {
    const urls = await this.listUrls(location);
    let directory: string | undefined;
    const target = (index: number) => async () => {
      directory ??= await makeScratchDirectory('source', this.tempDirectory);
      return path.join(directory, `${index}`);
    };
    const download = async (file: RemoteFile, index: number, etag?: string) => {
      const result = await downloadUrl(
        this.urlReader,
        file.url,
        target(index),
        etag,
      );
      if (result !== 'not-modified') {
        file.path = result.path;
        file.fingerprint = result.fingerprint;
      }
    };
    const release = async () => {
      if (directory) await rm(directory, { recursive: true, force: true });
    };

    const files: RemoteFile[] = urls.map(url => {
      const key = redactLocation(url);
      return { url, key, fingerprint: previous[key] ?? '' };
    });
    try {
      for (const [index, file] of files.entries()) {
        await download(file, index, etagOf(previous[file.key]));
      }
    } catch (error) {
      await release();
      throw this.explain(error, location);
    }

    return {
      files: files.map(({ key, fingerprint }) => ({ key, fingerprint })),
      localFiles: async () => {
        for (const [index, file] of files.entries()) {
          if (!file.path) await download(file, index);
        }
        return files.map(({ key, fingerprint, path: p }) => ({
          key,
          fingerprint,
          path: p!,
        }));
      },
      release,
    };
  }

  /** A URL with `*` is a search (where the reader supports patterns); otherwise one object. */
  private async listUrls(location: string): Promise<string[]> {
    if (!location.includes('*')) return [location];
    let found;
    try {
      found = await this.urlReader.search(location);
    } catch (error) {
      throw this.explain(error, location);
    }
    if (found.files.length === 0) {
      throw new LocationNotFoundError(
        `location "${redactLocation(location)}" matches no files`,
      );
    }
    return found.files.map(file => file.url).sort();
  }

  private explain(error: unknown, location: string): Error {
    if (isError(error) && error.name === NotFoundError.name) {
      return new LocationNotFoundError(
        `location "${redactLocation(location)}" matches no files (${
          error.message
        })`,
      );
    }
    return isError(error) ? error : new Error(String(error));
  }
}
