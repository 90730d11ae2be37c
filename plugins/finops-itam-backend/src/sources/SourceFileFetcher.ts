import { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError, NotFoundError } from '@backstage/errors';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { downloadUrl } from './downloadUrl';
import { LocationNotFoundError } from './errors';
import { etagOf, fingerprintFile } from './fingerprint';
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
      directory ??= await mkdtemp(
        path.join(this.tempDirectory, 'finops-itam-source-'),
      );
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
