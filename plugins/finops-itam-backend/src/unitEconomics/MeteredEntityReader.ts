/** Finds the entities that reported business metric values. */
export interface MeteredEntityReader {
  /**
   * The (lowercase) refs of every entity with at least one value of any business metric in
   * the half-open period `[from, to)`, sorted.
   */
  meteredEntities(from: string, to: string): Promise<string[]>;
}
