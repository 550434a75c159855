/**
 * Workflow variables (`Assign`). The top-level states share one scope; each Parallel branch and Map
 * iteration gets a scope of its own that reads through to the scopes around it (a Distributed Map's
 * child executions start from an empty one). Assignments go to the scope of the assigning state and
 * take effect when that state finishes.
 */
export class Variables {
  readonly #values = new Map<string, unknown>();
  #visible: Record<string, unknown> | undefined;

  private constructor(private readonly parent: Variables | undefined) {}

  static root(): Variables {
    return new Variables(undefined);
  }

  /** A scope for a Parallel branch or Map iteration. */
  child(): Variables {
    return new Variables(this);
  }

  lookup(name: string): { found: true; value: unknown } | { found: false } {
    if (this.#values.has(name)) return { found: true, value: this.#values.get(name) };
    return this.parent ? this.parent.lookup(name) : { found: false };
  }

  assign(values: Readonly<Record<string, unknown>>): void {
    for (const [name, value] of Object.entries(values)) this.#values.set(name, value);
    this.#visible = undefined;
  }

  /** Every variable this scope sees, inner names shadowing outer ones (JSONata's bindings). */
  visible(): Readonly<Record<string, unknown>> {
    if (!this.#visible) {
      this.#visible = { ...this.parent?.visible(), ...Object.fromEntries(this.#values) };
    }
    return this.#visible;
  }
}
