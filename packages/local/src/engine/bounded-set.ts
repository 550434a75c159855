/**
 * A Set that forgets its oldest entries past `limit`, for what a long-running endpoint remembers
 * only to answer better (definitions already validated, tokens that timed out): forgetting one
 * costs a re-validation or a less precise error, never a wrong result.
 */
export class BoundedSet<T> {
  readonly #entries = new Set<T>();

  constructor(readonly limit: number) {}

  has(value: T): boolean {
    return this.#entries.has(value);
  }

  add(value: T): void {
    this.#entries.delete(value);
    this.#entries.add(value);
    if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.values().next().value as T);
  }

  get size(): number {
    return this.#entries.size;
  }
}
