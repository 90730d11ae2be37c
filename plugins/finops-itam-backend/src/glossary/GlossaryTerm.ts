/** Where a definition follows from: the public page a reader can check it against. */
export interface GlossarySource {
  title: string;
  /** Null for an organisation's own definition, which has no public page. */
  url: string | null;
}

/** One term of the shared FinOps and ITAM vocabulary. */
export interface GlossaryTerm {
  /** Stable kebab-case id; pages link to `#<id>` and config overrides by it. */
  id: string;
  /** The name as pages print it. */
  term: string;
  /** Other names and abbreviations the term is found by (ESR, BYOL…). */
  aliases: string[];
  /** Which discipline the term comes from; `both` when the portal joins the two. */
  discipline: 'finops' | 'itam' | 'both';
  definition: string;
  source: GlossarySource;
}
