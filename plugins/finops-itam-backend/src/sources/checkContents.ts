import { FinopsItamCostSourceContents } from '@finops-itam/plugin-finops-itam-node';

/**
 * Refuses what a source returned when fingerprints could not be kept apart: file keys are
 * `<delivery id>/<name>`, and a delivery with id `''` owns every key of the source.
 */
export function checkContents(contents: FinopsItamCostSourceContents): void {
  const ids = [
    ...contents.deliveries.map(d => d.id),
    ...(contents.problems ?? []).map(p => p.id),
  ];
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) {
    throw new Error(
      `the source returned delivery "${repeated}" twice; delivery ids must be unique`,
    );
  }
  if (ids.includes('') && ids.length > 1) {
    throw new Error(
      'the source returned a delivery with id "" (the whole source) next to others; ' +
        'give every delivery an id such as its billing period',
    );
  }
  for (const delivery of contents.deliveries) {
    const names = delivery.files.map(f => f.name);
    const bad = names.find(
      (name, index) => name === '' || names.indexOf(name) !== index,
    );
    if (bad !== undefined) {
      throw new Error(
        `delivery "${delivery.id}" lists ${
          bad === '' ? 'a file without a name' : `file "${bad}" twice`
        }; file names must be unique and not empty`,
      );
    }
  }
}
