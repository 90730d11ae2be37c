import { Config } from '@backstage/config';
import { z } from 'zod';
import { AmbiguousGlossaryNameError, Glossary } from './Glossary';
import { GlossaryTerm } from './GlossaryTerm';
import { SHIPPED_GLOSSARY } from './shippedGlossary';

const KEY = 'finopsItam.glossary';
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const text = z.string().trim().min(1, 'must not be empty');

const entrySchema = z
  .object({
    term: text.optional(),
    definition: text.optional(),
    aliases: z.array(text).optional(),
    discipline: z.enum(['finops', 'itam', 'both']).optional(),
    source: z
      .object({ title: text, url: z.string().trim().url().nullish() })
      .strict()
      .optional(),
  })
  .strict();

type GlossaryEntry = z.infer<typeof entrySchema>;

/** An organisation's definition has no public page; pages say so instead of linking. */
const OWN_DEFINITION = { title: 'Defined by this organisation', url: null };

function parseEntry(id: string, raw: unknown): GlossaryEntry {
  if (!ID.test(id)) {
    throw new Error(
      `Invalid ${KEY}.${id}: term ids are lowercase words joined by dashes, like all-in-cost`,
    );
  }
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid ${KEY}.${id}: ${parsed.error.issues
        .map(issue =>
          issue.path.length > 0
            ? `${issue.path.join('.')} ${issue.message}`
            : issue.message,
        )
        .join('; ')}`,
    );
  }
  return parsed.data;
}

function override(shipped: GlossaryTerm, entry: GlossaryEntry): GlossaryTerm {
  // A new definition without a source is the organisation's own: the shipped source
  // no longer backs it, so it must not keep pointing there.
  const source =
    entry.source ?? (entry.definition ? OWN_DEFINITION : shipped.source);
  return {
    ...shipped,
    term: entry.term ?? shipped.term,
    definition: entry.definition ?? shipped.definition,
    aliases: entry.aliases ?? shipped.aliases,
    discipline: entry.discipline ?? shipped.discipline,
    source: { title: source.title, url: source.url ?? null },
  };
}

function added(id: string, entry: GlossaryEntry): GlossaryTerm {
  if (!entry.term || !entry.definition) {
    throw new Error(
      `Invalid ${KEY}.${id}: a new term needs both term and definition`,
    );
  }
  const source = entry.source ?? OWN_DEFINITION;
  return {
    id,
    term: entry.term,
    definition: entry.definition,
    aliases: entry.aliases ?? [],
    discipline: entry.discipline ?? 'both',
    source: { title: source.title, url: source.url ?? null },
  };
}

/**
 * The shipped glossary merged with `finopsItam.glossary`, a map from term id to entry:
 * an id the portal ships replaces the fields given (aliases as a whole list), any other
 * id adds a term. A malformed entry, or a name two terms would share, throws naming the
 * key and stops start-up.
 */
export function readGlossary(config: Config): Glossary {
  const given = config.getOptional(KEY) ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new Error(
      `Invalid ${KEY}: must map term ids to entries, like { all-in-cost: { definition: … } }`,
    );
  }
  const terms = new Map(SHIPPED_GLOSSARY.map(term => [term.id, term]));
  const configured = new Set<string>();
  for (const [id, raw] of Object.entries(given)) {
    const entry = parseEntry(id, raw);
    const shipped = terms.get(id);
    terms.set(id, shipped ? override(shipped, entry) : added(id, entry));
    configured.add(id);
  }
  try {
    return new Glossary([...terms.values()]);
  } catch (error) {
    if (error instanceof AmbiguousGlossaryNameError) {
      const culprit = configured.has(error.secondId)
        ? error.secondId
        : error.firstId;
      throw new Error(`Invalid ${KEY}.${culprit}: ${error.message}`);
    }
    throw error;
  }
}
