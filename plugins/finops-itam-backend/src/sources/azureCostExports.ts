import {
  AZURE_RUN_FILE,
  baseName,
  Candidate,
  chooseLatestComplete,
  DeliveryProblem,
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
 * Azure Cost Management exports (FOCUS cost and usage, "improved exports"), as documented
 * in "Tutorial: Improved exports experience" and its manifest file section
 * (https://learn.microsoft.com/azure/cost-management-billing/costs/tutorial-improved-exports):
 *
 *   <container>/<directory>/<export-name>/<YYYYMMDD-YYYYMMDD>/<run id>/part_0_0001.csv
 *                                          (.csv.gz or .parquet; one or more parts)
 *   <container>/<directory>/<export-name>/<YYYYMMDD-YYYYMMDD>/<run id>/manifest.json
 *
 * Every run writes a new run folder (a GUID) for the billing period's date range. Its
 * manifest.json lists the run's files in `blobs[].blobName` (paths in the container) and
 * says when the run was submitted in `runInfo.submittedTime`.
 *
 * Per period this picks the run submitted last whose listed files are all there; runs
 * without a manifest are ignored while any run has one (they may be still writing);
 * without any manifest, the run folder with the newest files.
 */
export async function planAzureCostExports(
  entries: TreeEntry[],
  readText: ReadText,
): Promise<{ deliveries: PlannedDelivery[]; problems: DeliveryProblem[] }> {
  const periods = new Map<string, Map<string, TreeEntry[]>>();
  for (const entry of entries) {
    const match = AZURE_RUN_FILE.exec(entry.path);
    if (!match) continue;
    const [, root, range, run] = match;
    const id = `${root}${range}`;
    const runs = periods.get(id) ?? new Map<string, TreeEntry[]>();
    periods.set(id, runs);
    runs.set(run, [...(runs.get(run) ?? []), entry]);
  }

  const paths = new Set(entries.map(e => e.path));
  const deliveries: PlannedDelivery[] = [];
  const problems: DeliveryProblem[] = [];
  for (const [id, runs] of [...periods].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const manifests = [...runs.values()].flatMap(files =>
      files.filter(f => baseName(f.path).toLowerCase() === 'manifest.json'),
    );
    let candidates: Candidate[];
    try {
      candidates =
        manifests.length > 0
          ? await Promise.all(
              manifests.map(m => manifestCandidate(m, paths, readText)),
            )
          : [...runs].map(([run, files]) => ({
              label: `run folder ${id}/${run}`,
              time: newestTime(files),
              parts: files
                .map(f => f.path)
                .filter(isCostFile)
                .sort(),
              missing: [],
            }));
    } catch (error) {
      problems.push({ id, message: (error as Error).message });
      continue;
    }
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
  const blobs = json.blobs;
  if (
    !Array.isArray(blobs) ||
    !blobs.every(b => typeof b?.blobName === 'string')
  ) {
    throw new Error(`manifest ${manifest.path} has no blobs[].blobName list`);
  }
  const runInfo = json.runInfo as { submittedTime?: unknown } | undefined;
  const submitted =
    typeof runInfo?.submittedTime === 'string'
      ? Date.parse(runInfo.submittedTime)
      : NaN;
  const parts: string[] = [];
  const missing: string[] = [];
  for (const { blobName } of blobs as Array<{ blobName: string }>) {
    const part = resolvePart(blobName, paths);
    if (part) parts.push(part);
    else missing.push(blobName);
  }
  return {
    label: `manifest ${manifest.path}`,
    time: Number.isNaN(submitted) ? manifest.modifiedAt : submitted,
    parts: parts.sort(),
    missing,
  };
}
