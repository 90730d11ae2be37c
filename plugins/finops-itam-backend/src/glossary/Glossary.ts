import { GlossaryTerm } from './GlossaryTerm';

/** Lookups ignore case and runs of spaces: pages write "Effective Savings Rate" or "ESR". */
export const glossaryKey = (name: string) =>
  name.trim().replace(/\s+/g, ' ').toLowerCase();

/** A name claimed by two terms, which would make a tooltip ambiguous. */
export class AmbiguousGlossaryNameError extends Error {
  constructor(
    readonly name: string,
    readonly firstId: string,
    readonly secondId: string,
  ) {
    super(
      `"${name}" names both the term "${firstId}" and the term "${secondId}"`,
    );
  }
}

/** The terms in force, found by id, name or alias. */
export class Glossary {
  readonly #terms: GlossaryTerm[];
  readonly #byName = new Map<string, GlossaryTerm>();

  /** Throws `AmbiguousGlossaryNameError` when two terms share a name or alias. */
  constructor(terms: GlossaryTerm[]) {
    this.#terms = [...terms].sort((a, b) => a.term.localeCompare(b.term, 'en'));
    for (const term of this.#terms) {
      for (const name of new Set(
        [term.id, term.term, ...term.aliases].map(glossaryKey),
      )) {
        const other = this.#byName.get(name);
        if (other) {
          throw new AmbiguousGlossaryNameError(name, other.id, term.id);
        }
        this.#byName.set(name, term);
      }
    }
  }

  /** The term with this id, name or alias; undefined when the glossary has none. */
  find(name: string): GlossaryTerm | undefined {
    return this.#byName.get(glossaryKey(name));
  }

  /** All terms, alphabetically by name. */
  list(): GlossaryTerm[] {
    return [...this.#terms];
  }
}
