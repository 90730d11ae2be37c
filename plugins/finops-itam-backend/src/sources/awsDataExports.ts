import {
  AWS_PARTITION,
  baseName,
  Candidate,
  chooseLatestComplete,
  DeliveryProblem,
  dirName,
  isCostFile,
  isProblem,
  newestTime,
  PlannedDelivery,
  ReadText,
  readManifest,
  resolvePart,
  TreeEntry,
} from './deliveryCandidates';

/**
 * AWS Data Exports (FOCUS 1.0 with AWS columns, CUR 2.0), as documented in "Understanding
 * export delivery" (https://docs.aws.amazon.com/cur/latest/userguide/dataexports-export-delivery.html):
 *
 *   <prefix>/<export-name>/data/BILLING_PERIOD=YYYY-MM/<export-name>-00001.snappy.parquet
 *                                                     (or <export-name>-00001.csv.gz)
 *   <prefix>/<export-name>/metadata/BILLING_PERIOD=YYYY-MM/<export-name>-Manifest.json
 *
 * The manifest lists the refresh's data files in `dataFiles` (s3:// URLs) and is written
 * only after all of them. A period is refreshed at least daily while open and up to two
 * weeks after it closes. With "overwrite" a refresh replaces the files in place; with
 * "create new export versions" every refresh writes a folder of its own below the
 * partition, in data/ and metadata/ alike, and the older ones stay.
 *
 * Per period this picks the newest manifest (by its modification time, then path) whose
 * files are all there; without any manifest, the newest version folder of data/.
 */
export async function planAwsDataExports(
  entries: TreeEntry[],
  readText: ReadText,
): Promise<{ deliveries: PlannedDelivery[]; problems: DeliveryProblem[] }> {
  const periods = new Map<
    string,
    { data: TreeEntry[]; manifests: TreeEntry[] }
  >();
  for (const entry of entries) {
    const match = AWS_PARTITION.exec(entry.path);
    if (!match) continue;
    const [, root, folder, period] = match;
    const id = `${root}BILLING_PERIOD=${period}`;
    const group = periods.get(id) ?? { data: [], manifests: [] };
    periods.set(id, group);
    if (folder === 'data' && isCostFile(entry.path)) group.data.push(entry);
    if (folder === 'metadata' && /manifest\.json$/i.test(entry.path)) {
      group.manifests.push(entry);
    }
  }

  const paths = new Set(entries.map(e => e.path));
  const deliveries: PlannedDelivery[] = [];
  const problems: DeliveryProblem[] = [];
  for (const [id, group] of [...periods].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let candidates: Candidate[];
    try {
      candidates =
        group.manifests.length > 0
          ? await Promise.all(
              group.manifests.map(m => manifestCandidate(m, paths, readText)),
            )
          : versionFolders(group.data);
    } catch (error) {
      problems.push({ id, message: (error as Error).message });
      continue;
    }
    if (candidates.length === 0) continue;
    const planned = chooseLatestComplete(
      id,
      candidates,
      part => `${id}/${baseName(part)}`,
    );
    if (isProblem(planned)) problems.push(planned);
    else deliveries.push(planned);
  }
  return { deliveries, problems };
}

async function manifestCandidate(
  manifest: TreeEntry,
  paths: Set<string>,
  readText: ReadText,
): Promise<Candidate> {
  const json = await readManifest(manifest.path, readText);
  const dataFiles = json.dataFiles;
  if (
    !Array.isArray(dataFiles) ||
    !dataFiles.every(f => typeof f === 'string')
  ) {
    throw new Error(
      `manifest ${manifest.path} has no dataFiles list of file URLs`,
    );
  }
  const parts: string[] = [];
  const missing: string[] = [];
  for (const reference of dataFiles as string[]) {
    const part = resolvePart(reference, paths);
    if (part) parts.push(part);
    else missing.push(reference);
  }
  return {
    label: `manifest ${manifest.path}`,
    time: manifest.modifiedAt,
    parts: parts.sort(),
    missing,
  };
}

/** Without manifests: each folder holding data files is one version of the period. */
function versionFolders(data: TreeEntry[]): Candidate[] {
  const folders = new Map<string, TreeEntry[]>();
  for (const entry of data) {
    const folder = dirName(entry.path);
    folders.set(folder, [...(folders.get(folder) ?? []), entry]);
  }
  return [...folders].map(([folder, files]) => ({
    label: `folder ${folder}`,
    time: newestTime(files),
    parts: files.map(f => f.path).sort(),
    missing: [],
  }));
}
