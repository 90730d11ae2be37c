/*
 * Writes the catalog of the generated scale dataset (plugins/finops-itam-backend/bench:
 * components comp-N in systems sys-N owned by groups team-N) as one YAML file, so a portal
 * pointed at a scale database shows the same entities the facts were allocated to.
 * Usage: node --require @backstage/cli/config/nodeTransform.cjs bench/pages/scaleCatalog.ts
 *          <out.yaml> [components] [systems] [groups]
 */
import { writeFileSync } from 'fs';
import { stringify } from 'yaml';
// The same generator the scale database was built with, so names and owners match.
// eslint-disable-next-line no-restricted-imports
import { generateCatalog } from '../../plugins/finops-itam-backend/bench/query/dataset';

const [out, components = '5000', systems = '100', groups = '40'] =
  process.argv.slice(2);
if (!out) {
  throw new Error(
    'usage: scaleCatalog.ts <out.yaml> [components] [systems] [groups]',
  );
}
const entities = generateCatalog({
  components: Number(components),
  systems: Number(systems),
  groups: Number(groups),
  // Only the catalog is used: days and facts play no part in it.
  days: 1,
  factsPerComponentDay: 1,
  firstDay: '2026-01-01',
});
// The generator feeds the allocation directly; the catalog also validates kinds: a Group
// needs a type and children, a Domain an owner.
for (const entity of entities) {
  const spec = (entity.spec ??= {}) as Record<string, unknown>;
  if (entity.kind === 'Group') {
    spec.type ??= 'team';
    spec.children ??= [];
  }
  if (entity.kind === 'Domain') spec.owner ??= 'org';
}
writeFileSync(
  out,
  entities.map(entity => stringify(entity)).join('---\n'),
  'utf8',
);
console.log(`${entities.length} entities written to ${out}`);
